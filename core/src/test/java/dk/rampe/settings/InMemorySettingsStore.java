package dk.rampe.settings;

import java.util.List;

/** Settings held in a field (tests); starts empty like a fresh table. */
public final class InMemorySettingsStore implements SettingsStore {
    private volatile Settings current = new Settings(List.of(), List.of());

    public InMemorySettingsStore() {
    }

    public InMemorySettingsStore(Settings initial) {
        this.current = initial;
    }

    @Override
    public Settings current() {
        return current;
    }

    @Override
    public void replace(Settings settings, String actor) {
        this.current = settings;
    }
}
