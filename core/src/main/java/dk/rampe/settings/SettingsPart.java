package dk.rampe.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A part of the settings a save changed: the jobcentres (for all programmes), or one part of one programme.
 * Written as {@code jobcentres} or {@code {kind}:{programmeId}} ({@link #wire()}).
 */
public record SettingsPart(Kind kind, String programmeId) {
    /** The parts a person edits one at a time. */
    public enum Kind {
        /** The jobcentres and their client ids. */
        JOBCENTRES("jobcentres"),
        /** A programme that was not there before. */
        PROGRAMME_ADDED("programmeAdded"),
        /** A programme that is gone. */
        PROGRAMME_REMOVED("programmeRemoved"),
        /** The programme's name, intake dates, partner jobcentres with their quotas and default consultants. */
        QUOTAS_AND_DATES("quotasAndDates"),
        /** The consultants, the staff and the project manager. */
        CONSULTANTS("consultants"),
        /** The monthly report: recipients, starts per consultant, targets. */
        TARGETS("targets"),
        /** Closing days and the customary closing days switched on or off. */
        CLOSING_DAYS("closingDays"),
        /** The absence rules. */
        ABSENCE("absence");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Optional<Kind> fromWire(String s) {
            for (Kind k : values()) if (k.wire.equals(s)) return Optional.of(k);
            return Optional.empty();
        }
    }

    public String wire() {
        return programmeId == null ? kind.wire : kind.wire + ":" + programmeId;
    }

    public static Optional<SettingsPart> fromWire(String s) {
        int colon = s.indexOf(':');
        return Kind.fromWire(colon < 0 ? s : s.substring(0, colon))
                .map(k -> new SettingsPart(k, colon < 0 ? null : s.substring(colon + 1)));
    }

    /** The parts {@code after} changes compared with {@code before}, in the order a person reads the settings. */
    public static List<SettingsPart> changed(Settings before, Settings after) {
        List<SettingsPart> out = new ArrayList<>();
        if (!before.jobcentres().equals(after.jobcentres())) out.add(new SettingsPart(Kind.JOBCENTRES, null));
        for (Settings.Programme p : before.programmes()) {
            if (after.programme(p.id()).isEmpty()) out.add(new SettingsPart(Kind.PROGRAMME_REMOVED, p.id()));
        }
        for (Settings.Programme a : after.programmes()) {
            Optional<Settings.Programme> found = before.programme(a.id());
            if (found.isEmpty()) {
                out.add(new SettingsPart(Kind.PROGRAMME_ADDED, a.id()));
                continue;
            }
            Settings.Programme b = found.get();
            if (!Objects.equals(b.name(), a.name()) || !Objects.equals(b.intakeOpens(), a.intakeOpens())
                    || !Objects.equals(b.intakeStops(), a.intakeStops()) || !b.partners().equals(a.partners())) {
                out.add(new SettingsPart(Kind.QUOTAS_AND_DATES, a.id()));
            }
            if (!b.consultants().equals(a.consultants()) || !b.staff().equals(a.staff())
                    || !Objects.equals(b.projectManagerId(), a.projectManagerId())) {
                out.add(new SettingsPart(Kind.CONSULTANTS, a.id()));
            }
            if (!b.report().equals(a.report())) out.add(new SettingsPart(Kind.TARGETS, a.id()));
            if (!b.closingDays().equals(a.closingDays()) || !b.calendar().equals(a.calendar())) {
                out.add(new SettingsPart(Kind.CLOSING_DAYS, a.id()));
            }
            if (!b.attendance().equals(a.attendance()) || !b.earlyWarning().equals(a.earlyWarning())) {
                out.add(new SettingsPart(Kind.ABSENCE, a.id())); // the early warning's thresholds belong with absence
            }
        }
        return out;
    }
}
