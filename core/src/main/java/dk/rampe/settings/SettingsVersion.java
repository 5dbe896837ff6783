package dk.rampe.settings;

import java.time.Instant;

/**
 * The settings as stored, with their revision (1 for the first save, one more with every save; 0 while there
 * are none) and who saved them when (null before the first save that recorded it).
 */
public record SettingsVersion(Settings settings, long revision, String updatedBy, Instant updatedAt) {
    public static SettingsVersion none() {
        return new SettingsVersion(Settings.empty(), 0, null, null);
    }
}
