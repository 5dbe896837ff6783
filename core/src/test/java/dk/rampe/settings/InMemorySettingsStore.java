package dk.rampe.settings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Settings held in a field (tests); starts empty like a fresh table, and keeps its history like the table does. */
public final class InMemorySettingsStore implements SettingsStore {
    private final Clock clock;
    private volatile SettingsVersion current = SettingsVersion.none();
    private final List<SettingsChange> history = new ArrayList<>();

    public InMemorySettingsStore() {
        this(Clock.systemUTC());
    }

    public InMemorySettingsStore(Settings initial) {
        this();
        this.current = new SettingsVersion(initial, 0, null, null);
    }

    public InMemorySettingsStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Settings current() {
        return current.settings();
    }

    @Override
    public synchronized void replace(Settings settings, String actor) {
        replace(current, settings, actor);
    }

    @Override
    public SettingsVersion version() {
        return current;
    }

    @Override
    public synchronized SettingsSave replace(SettingsVersion base, Settings next, String actor) {
        if (base.revision() != current.revision()) {
            return new SettingsSave.Stale(current, history.stream().filter(c -> c.revision() > base.revision()).toList());
        }
        SettingsChange change = new SettingsChange(base.revision() + 1, actor, clock.instant(),
                SettingsPart.changed(base.settings(), next));
        history.add(change);
        current = new SettingsVersion(next, change.revision(), actor, change.at());
        return new SettingsSave.Saved(change);
    }

    @Override
    public synchronized List<SettingsChange> history(int limit) {
        List<SettingsChange> out = new ArrayList<>(history);
        java.util.Collections.reverse(out);
        return out.subList(0, Math.min(limit, out.size()));
    }
}
