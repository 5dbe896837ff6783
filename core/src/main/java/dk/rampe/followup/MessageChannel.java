package dk.rampe.followup;

import java.util.Locale;

/** The one channel a single outbox message travels by. */
public enum MessageChannel {
    EMAIL, SMS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageChannel fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
