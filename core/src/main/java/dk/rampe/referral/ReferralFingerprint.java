package dk.rampe.referral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes two postings "the same referral": SHA-256 of the normalised referral (E.164
 * phones, ten-digit CPR, stripped texts), however it was formatted on the wire. The canonical
 * form is the compact JSON of the referral in its wire field order, byte for byte what the
 * codec writes, so fingerprints stored before this class existed still match.
 */
public final class ReferralFingerprint {
    private ReferralFingerprint() {
    }

    public static String of(ReferralDetails d) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(d).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String canonical(ReferralDetails d) {
        StringBuilder b = new StringBuilder(512).append('{');
        field(b, "programmeId", d.programmeId(), true);
        field(b, "jobcentreReference", d.jobcentreReference(), false);
        b.append(",\"citizen\":{");
        field(b, "cpr", d.citizen().cpr().digits(), true);
        field(b, "name", d.citizen().name(), false);
        field(b, "phone", d.citizen().phone().e164(), false);
        if (d.citizen().email() != null) field(b, "email", d.citizen().email().value(), false);
        b.append('}');
        if (d.benefit() != null) field(b, "benefit", d.benefit().wireName(), false);
        b.append(",\"caseworker\":{");
        field(b, "name", d.caseworker().name(), true);
        field(b, "email", d.caseworker().email().value(), false);
        if (d.caseworker().phone() != null) field(b, "phone", d.caseworker().phone().e164(), false);
        b.append('}');
        list(b, "jobWishes", d.jobWishes());
        if (d.motivation() != null) field(b, "motivation", d.motivation(), false);
        if (d.transport() != null) field(b, "transport", d.transport(), false);
        if (d.otherIssues() != null) field(b, "otherIssues", d.otherIssues(), false);
        list(b, "subGoals", d.subGoals());
        b.append(",\"relativesConsent\":").append(d.relativesConsent());
        if (d.desiredStart() != null) field(b, "desiredStart", d.desiredStart().toString(), false);
        return b.append('}').toString();
    }

    private static void field(StringBuilder b, String name, String value, boolean first) {
        if (!first) b.append(',');
        string(b, name);
        b.append(':');
        if (value == null) b.append("null");
        else string(b, value);
    }

    private static void list(StringBuilder b, String name, List<String> values) {
        b.append(',');
        string(b, name);
        b.append(":[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) b.append(',');
            string(b, values.get(i));
        }
        b.append(']');
    }

    /** JSON string as Jackson writes it by default ({@link dk.rampe.core.JsonText}). */
    private static void string(StringBuilder b, String s) {
        dk.rampe.core.JsonText.string(b, s);
    }
}
