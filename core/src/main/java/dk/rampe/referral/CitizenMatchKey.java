package dk.rampe.referral;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a CPR number into a keyed hash (HMAC-SHA256 with a secret pepper) so the same citizen
 * can be matched across referrals without the number itself standing in a key, an index or a log.
 */
public final class CitizenMatchKey {
    private final SecretKeySpec key;

    public CitizenMatchKey(byte[] secret) {
        if (secret.length < 16) throw new IllegalArgumentException("match key secret must be at least 16 bytes");
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String of(Cpr cpr) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(cpr.digits().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
