package dk.rampe.web;

import dk.rampe.core.EmailAddress;
import dk.rampe.core.InputFields;
import dk.rampe.core.TextField;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The caseworker's own name and email from their login (the ID token's {@code name} and {@code email}), kept
 * for the referral form to fill in (they can still change them) so they are not retyped on every referral.
 * Not in the session cookie (that carries no personal data): a cookie of its own, only on the referral pages,
 * HttpOnly, signed and bound to the session it was made with, so another login's or a made-up value is not used.
 */
record CaseworkerLogin(String name, String email) {
    static final String COOKIE = "rampe_caseworker";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** The name and email of the login's claims, each only if the referral form would take it; empty if neither. */
    static Optional<CaseworkerLogin> from(Map<String, String> claims) {
        String name = TextField.normalize(claims.get("name"));
        if (name != null && InputFields.CASEWORKER_NAME.problem(name) != null) name = null;
        String email = EmailAddress.parse(claims.get("email")).map(EmailAddress::value).orElse(null);
        return name == null && email == null ? Optional.empty() : Optional.of(new CaseworkerLogin(name, email));
    }

    /** The form's values it fills in. */
    Map<String, String> formValues() {
        Map<String, String> v = new java.util.HashMap<>();
        if (name != null) v.put("caseworker.name", name);
        if (email != null) v.put("caseworker.email", email);
        return v;
    }

    /** The cookie's value for the session {@code s}. */
    String encode(byte[] key, Session s) {
        String p = B64.encodeToString((nullToEmpty(name) + "\n" + nullToEmpty(email)).getBytes(StandardCharsets.UTF_8));
        return p + "." + B64.encodeToString(Session.hmac(key, "caseworker|" + s.nonce() + "|" + p));
    }

    /** The value read back, if it was made for the session {@code s} with {@code key}. */
    static Optional<CaseworkerLogin> decode(String value, byte[] key, Session s) {
        if (value == null || s == null) return Optional.empty();
        int dot = value.indexOf('.');
        if (dot <= 0) return Optional.empty();
        String p = value.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(B64D.decode(value.substring(dot + 1)), Session.hmac(key, "caseworker|" + s.nonce() + "|" + p))) {
                return Optional.empty();
            }
            String[] f = new String(B64D.decode(p), StandardCharsets.UTF_8).split("\n", -1);
            if (f.length != 2) return Optional.empty();
            return Optional.of(new CaseworkerLogin(f[0].isEmpty() ? null : f[0], f[1].isEmpty() ? null : f[1]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
