package dk.rampe.referral;

import dk.rampe.core.EmailAddress;
import dk.rampe.core.PhoneNumber;

/** The referred person. Email is optional: not every citizen has one. */
public record Citizen(Cpr cpr, String name, PhoneNumber phone, EmailAddress email) {
    @Override
    public String toString() {
        return "Citizen[redacted]";
    }
}
