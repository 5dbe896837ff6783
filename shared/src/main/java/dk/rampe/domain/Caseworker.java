package dk.rampe.domain;

/** The jobcentre caseworker (sagsbehandler) who referred the citizen. Phone is optional. */
public record Caseworker(String name, EmailAddress email, PhoneNumber phone) {
}
