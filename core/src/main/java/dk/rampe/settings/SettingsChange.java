package dk.rampe.settings;

import java.time.Instant;
import java.util.List;

/** One save of the settings, as the history keeps it: the revision it made, who, when, and which parts changed. */
public record SettingsChange(long revision, String actor, Instant at, List<SettingsPart> parts) {
    public SettingsChange {
        parts = List.copyOf(parts);
    }
}
