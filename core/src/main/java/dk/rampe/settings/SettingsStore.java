package dk.rampe.settings;

import java.util.List;

/** Programme, jobcentre and consultant settings, versioned, with the history of their saves. */
public interface SettingsStore {
    Settings current();

    /**
     * Replaces the settings whatever revision is stored (the admin API's PUT, the local runner's file): recorded
     * in the history like any save.
     */
    void replace(Settings settings, String actor);

    /** The settings as stored now, with their revision (read through, never from a cache). */
    SettingsVersion version();

    /**
     * Saves {@code next} made from {@code base} if no one saved since {@code base} (its revision is still the one
     * stored), and records the change (the parts that differ from {@code base}) in the history in the same write.
     */
    SettingsSave replace(SettingsVersion base, Settings next, String actor);

    /** The latest saves, newest first, at most {@code limit}. */
    List<SettingsChange> history(int limit);
}
