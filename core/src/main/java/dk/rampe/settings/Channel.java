package dk.rampe.settings;

import java.util.Locale;

/** How a consultant wants to be nudged. */
public enum Channel {
    SMS, EMAIL, BOTH;

    public boolean sms() { return this == SMS || this == BOTH; }
    public boolean email() { return this == EMAIL || this == BOTH; }

    public static Channel fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
