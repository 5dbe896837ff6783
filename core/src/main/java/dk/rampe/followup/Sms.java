package dk.rampe.followup;

/**
 * SMS length rules: the GSM 03.38 7-bit alphabet (which has æ, ø, å, Æ, Ø, Å) gives 160
 * characters in one segment, 153 per segment when split; its extension characters count twice.
 * Anything outside it makes the whole message UCS-2: 70 in one segment, 67 when split.
 */
public final class Sms {
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private Sms() {
    }

    public static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
    }

    /** Length in septets (GSM-7) or UTF-16 units (UCS-2). */
    public static int units(String text) {
        if (!isGsm7(text)) return text.length();
        int n = 0;
        for (int i = 0; i < text.length(); i++) n += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        return n;
    }

    public static int segments(String text) {
        int units = units(text);
        if (isGsm7(text)) return units <= 160 ? 1 : (units + 152) / 153;
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
