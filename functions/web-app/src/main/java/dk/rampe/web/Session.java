package dk.rampe.web;

import dk.rampe.core.Caller;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who is logged in to the web app, carried in a signed cookie: the caller (role and id, exactly
 * as the API would derive them from the same claims), whether they are a project owner, when
 * the session started and when it ends. Nothing else, and no personal data: the value is
 * {@code base64url(payload) "." base64url(HMAC-SHA256(key, payload))}.
 * The CSRF token of every form is derived from the session (HMAC of its stable parts, not the sliding expiry, under another
 * label), so it changes with each login and cannot be made without the key.
 */
record Session(Caller caller, boolean owner, Instant issuedAt, Instant expiresAt, String nonce) {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    static Session start(Caller caller, boolean owner, Instant now, Duration idle) {
        byte[] n = new byte[12];
        RANDOM.nextBytes(n);
        return new Session(caller, owner, now, now.plus(idle), B64.encodeToString(n));
    }

    /** The same session, valid for another {@code idle}, but never past {@code issuedAt + max}. */
    Session renewed(Instant now, Duration idle, Duration max) {
        Instant until = now.plus(idle);
        Instant cap = issuedAt.plus(max);
        return new Session(caller, owner, issuedAt, until.isAfter(cap) ? cap : until, nonce);
    }

    private String payload() {
        return "v1|" + caller.role().name() + "|" + caller.id() + "|" + (owner ? "1" : "0") + "|"
                + issuedAt.getEpochSecond() + "|" + expiresAt.getEpochSecond() + "|" + nonce;
    }

    String encode(byte[] key) {
        String p = B64.encodeToString(payload().getBytes(StandardCharsets.UTF_8));
        return p + "." + B64.encodeToString(hmac(key, "session|" + p));
    }

    /** The CSRF token for forms of this session. */
    String csrf(byte[] key) {
        // the session's stable parts only: the sliding expiry changes with every answer
        return B64.encodeToString(hmac(key, "csrf|" + caller.role().name() + "|" + caller.id() + "|" + (owner ? "1" : "0")
                + "|" + issuedAt.getEpochSecond() + "|" + nonce));
    }

    boolean csrfMatches(byte[] key, String token) {
        if (token == null) return false;
        return MessageDigest.isEqual(csrf(key).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** The session in a cookie value, if it is well-formed, signed with {@code key} and not expired. */
    static Optional<Session> decode(String value, byte[] key, Instant now, Duration max) {
        if (value == null || value.length() > 1024) return Optional.empty();
        int dot = value.indexOf('.');
        if (dot <= 0 || dot != value.lastIndexOf('.')) return Optional.empty();
        String p = value.substring(0, dot);
        byte[] sig;
        String payload;
        try {
            sig = B64D.decode(value.substring(dot + 1));
            payload = new String(B64D.decode(p), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sig, hmac(key, "session|" + p))) return Optional.empty();
        String[] f = payload.split("\\|", -1);
        if (f.length != 7 || !"v1".equals(f[0])) return Optional.empty();
        try {
            Caller caller = new Caller(Caller.Role.valueOf(f[1]), f[2]);
            Instant issued = Instant.ofEpochSecond(Long.parseLong(f[4]));
            Instant expires = Instant.ofEpochSecond(Long.parseLong(f[5]));
            if (!now.isBefore(expires) || now.isAfter(issued.plus(max)) || issued.isAfter(now.plusSeconds(60))) {
                return Optional.empty();
            }
            return Optional.of(new Session(caller, "1".equals(f[3]), issued, expires, f[6]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
