package dk.rampe.ports;

import dk.rampe.domain.Settings;

/** Programme, jobcentre and consultant settings. */
public interface SettingsStore {
    Settings current();

    void replace(Settings settings, String actor);
}
