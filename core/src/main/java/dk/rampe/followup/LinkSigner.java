package dk.rampe.followup;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The machinery behind Rampe's signed links: HMAC-SHA256 over a purpose label and the link's
 * parts ({@code purpose|part|part…}), truncated to 96 bits, base64url without padding (16
 * characters). The purpose label keeps links of one kind from being valid as another (a
 * follow-up link is never a list link), so both may share one key. Short, so a link fits an SMS.
 */
public final class LinkSigner {
    /** Characters of a signature: 12 bytes in base64url. */
    public static final int SIGNATURE_CHARS = 16;
    private static final int MAC_BYTES = 12;
    private static final int MIN_KEY_BYTES = 16;

    private final SecretKeySpec key;
    private final String purpose;

    public LinkSigner(byte[] key, String purpose) {
        if (key == null || key.length < MIN_KEY_BYTES) throw new IllegalArgumentException("token key must be at least 16 bytes");
        if (purpose == null || purpose.isEmpty() || purpose.indexOf('|') >= 0) throw new IllegalArgumentException("purpose");
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.purpose = purpose;
    }

    /** The signature of the parts (ASCII, none holding {@code |}). */
    public String sign(String... parts) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac(parts), MAC_BYTES));
    }

    /** Whether {@code signature} is the signature of the parts, compared in constant time. */
    public boolean verify(String signature, String... parts) {
        if (signature == null || signature.length() != SIGNATURE_CHARS) return false;
        return MessageDigest.isEqual(sign(parts).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The full HMAC of the parts (for ids derived from a secret, e.g. a list id that must not reveal its consultant). */
    public byte[] mac(String... parts) {
        StringBuilder sb = new StringBuilder(purpose);
        for (String p : parts) {
            if (p == null || p.indexOf('|') >= 0) throw new IllegalArgumentException("link part");
            sb.append('|').append(p);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
