package dk.rampe.referral;

import dk.rampe.core.EmailAddress;
import dk.rampe.core.PhoneNumber;

/** The jobcentre caseworker (sagsbehandler) who referred the citizen. Phone is optional. */
public record Caseworker(String name, EmailAddress email, PhoneNumber phone) {
}
