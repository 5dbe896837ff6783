package dk.rampe.settings;


/** Programme, jobcentre and consultant settings. */
public interface SettingsStore {
    Settings current();

    void replace(Settings settings, String actor);
}
