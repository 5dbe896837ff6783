package dk.rampe.settings;

import java.util.List;

/** What became of a save of the settings against the revision it was made from. */
public sealed interface SettingsSave {
    /** Saved as {@code change}. */
    record Saved(SettingsChange change) implements SettingsSave {
    }

    /**
     * Refused: someone saved the settings after the revision the save was made from. {@code current} is what is
     * stored now; {@code since} the saves after that revision (oldest first), as far as the history has them.
     */
    record Stale(SettingsVersion current, List<SettingsChange> since) implements SettingsSave {
        public Stale {
            since = List.copyOf(since);
        }
    }
}
