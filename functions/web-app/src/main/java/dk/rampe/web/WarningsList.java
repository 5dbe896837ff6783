package dk.rampe.web;

import static dk.rampe.core.Html.esc;

import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.AttendanceStore;
import dk.rampe.attendance.EarlyWarning;
import dk.rampe.attendance.Expectations;
import dk.rampe.attendance.Registration;
import dk.rampe.core.Language;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.referral.Referral;
import dk.rampe.report.WarningFigures;
import dk.rampe.schedule.WorkingDays;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The early warning in the web app. At the top of "Mine deltagere": each participant with an open
 * {@code attention_due} follow-up, why in plain words (the warning's signals over the participant's
 * recorded data for the day the follow-up was created, the catalogue's {@code warning.*} sentences) and
 * the last four weeks as a row of days, each with a letter and a text as well as a colour. On the owner's
 * overview: the warnings of the month so far and how many were acted on within two working days.
 */
final class WarningsList {
    /** A participant whose attendance is turning: the open follow-up, its reasons and the last four weeks. */
    record Warned(Referral referral, FollowUpTask task, List<EarlyWarning.Signal> reasons, AttendanceSummary weeks) {
    }

    /** What a day of the row shows: its class (colour), its letter (null: the catalogue's) and its text's key. */
    private record Mark(String css, String letter, String key) {
    }

    private final AttendanceStore attendance;
    private final EarlyWarning rule;
    private final Function<String, Duration> grace;

    WarningsList(AttendanceStore attendance, Expectations expectations, Function<String, Duration> grace) {
        this.attendance = attendance;
        this.rule = new EarlyWarning(expectations, EarlyWarning.Thresholds.DEFAULTS);
        this.grace = grace;
    }

    /**
     * The participants of "my participants" with an open {@code attention_due} follow-up, the newest warning
     * first: their reasons from what was recorded up to the day the follow-up was created (one read of each
     * one's attendance, in one round), their last four weeks from {@code summaries} (already read).
     */
    List<Warned> warned(List<Views.ProgrammeReferrals> lists, Map<String, Views.ParticipantLine> lines,
                        Map<String, AttendanceSummary> summaries) {
        Map<String, Referral> byId = new HashMap<>();
        for (Views.ProgrammeReferrals pr : lists) for (Referral r : pr.referrals()) byId.put(r.id(), r);
        List<Referral> referrals = new ArrayList<>();
        List<FollowUpTask> tasks = new ArrayList<>();
        List<Supplier<List<EarlyWarning.Signal>>> reads = new ArrayList<>();
        lines.forEach((id, line) -> line.openFollowUps().stream().filter(t -> t.kind() == FollowUpKind.ATTENTION_DUE)
                .max(Comparator.comparing(FollowUpTask::createdAt)).ifPresent(t -> {
                    Referral r = byId.get(id);
                    if (r == null) return;
                    referrals.add(r);
                    tasks.add(t);
                    reads.add(() -> reasons(r, t));
                }));
        List<List<EarlyWarning.Signal>> reasons = Parallel.all(reads);
        List<Warned> out = new ArrayList<>();
        for (int i = 0; i < referrals.size(); i++) {
            out.add(new Warned(referrals.get(i), tasks.get(i), reasons.get(i), summaries.get(referrals.get(i).id())));
        }
        out.sort(Comparator.comparing((Warned w) -> w.task().createdAt()).reversed());
        return out;
    }

    /**
     * Why the warning fired: the reasons stored with it when it started (the latest started on or before the
     * day the follow-up was created, as the programme's thresholds decided); for a warning stored without them,
     * the signals of that day recomputed from what is recorded of the days they read.
     */
    private List<EarlyWarning.Signal> reasons(Referral r, FollowUpTask t) {
        LocalDate day = t.createdAt().atZone(WorkingDays.ZONE).toLocalDate();
        java.util.Optional<dk.rampe.attendance.Warning> stored = attendance.warnings(r.id()).stream()
                .filter(w -> !w.date().isAfter(day)).max(Comparator.comparing(dk.rampe.attendance.Warning::date));
        if (stored.isPresent() && !stored.get().signals().isEmpty()) return stored.get().signals();
        Attendance a = attendance.load(r.id(), day.minusDays(rule.thresholds().readDays()), day);
        return rule.signals(a, r, day, grace.apply(r.programmeId()));
    }

    /** The block at the top of "my participants" (nothing when no one is warned). */
    static void render(StringBuilder sb, Language lang, List<Warned> warned, LocalDate today) {
        if (warned.isEmpty()) return;
        sb.append("<section class=\"card\" id=\"warnings\" aria-labelledby=\"warnings-title\"><h2 id=\"warnings-title\">")
                .append(esc(Texts.t(lang, "warn.title", warned.size()))).append("</h2><p class=\"hint\">")
                .append(esc(Texts.t(lang, "warn.hint"))).append("</p><ul class=\"list\">");
        for (Warned w : warned) {
            Referral r = w.referral();
            sb.append("<li data-warning=\"").append(esc(r.id())).append("\"><a class=\"name\" href=\"/app/referrals/")
                    .append(esc(r.id())).append("#follow-ups\">").append(esc(r.details().citizen().name()))
                    .append("</a> <span class=\"tag warn\">")
                    .append(esc(Texts.t(lang, "warn.since", Views.date(lang, w.task().createdAt().atZone(WorkingDays.ZONE)
                            .toLocalDate())))).append("</span><ul class=\"reasons\">");
            if (w.reasons().isEmpty()) {
                sb.append("<li data-reason=\"\">").append(esc(Texts.t(lang, "warn.reasonGone"))).append("</li>");
            }
            for (EarlyWarning.Signal s : w.reasons()) {
                sb.append("<li data-reason=\"").append(esc(s.code())).append("\">").append(esc(s.sentence(lang)))
                        .append("</li>");
            }
            sb.append("</ul>");
            days(sb, lang, w.weeks(), today);
            sb.append("</li>");
        }
        sb.append("</ul><p class=\"hint\" id=\"warnings-legend\">").append(esc(Texts.t(lang, "warn.legend")))
                .append("</p></section>");
    }

    /**
     * The last four weeks up to today as a row of days, oldest first: a letter and a colour for each day, the
     * day and what happened in words for a screen reader (the letters are hidden from it) and as a tooltip.
     */
    static void days(StringBuilder sb, Language lang, AttendanceSummary weeks, LocalDate today) {
        Map<LocalDate, AttendanceSummary.Day> byDate = new HashMap<>();
        if (weeks != null) for (AttendanceSummary.Day d : weeks.days()) byDate.put(d.date(), d);
        sb.append("<ol class=\"days\" aria-label=\"").append(esc(Texts.t(lang, "warn.days"))).append("\">");
        for (LocalDate d = today.minusDays(27); !d.isAfter(today); d = d.plusDays(1)) {
            Mark m = mark(byDate.get(d));
            String text = Views.day(lang, d) + ": " + Texts.t(lang, m.key());
            sb.append("<li class=\"").append(m.css()).append("\" data-date=\"").append(d).append("\" title=\"")
                    .append(esc(text)).append("\"><span aria-hidden=\"true\">")
                    .append(esc(m.letter() != null ? m.letter() : Texts.t(lang, "warn.mark." + m.css())))
                    .append("</span><span class=\"vh\">").append(esc(text)).append("</span></li>");
        }
        sb.append("</ol>");
    }

    private static Mark mark(AttendanceSummary.Day d) {
        if (d == null || d.session() == null && d.registration() == null) return new Mark("none", "·", "warn.day.none");
        Registration g = d.registration();
        if (g == null) return new Mark("open", "?", "warn.day.open");
        return switch (g.status()) {
            case PRESENT -> new Mark("present", null, "att.status.present");
            case LATE -> new Mark("late", null, "att.status.late");
            case EXCUSED -> new Mark("excused", null, "att.status.excused");
            case ABSENT -> new Mark("absent", null, "att.status.absent");
            case NONE -> new Mark("open", "?", "warn.day.open");
        };
    }

    /** The owner's figures of one programme: the month's warnings so far, and those acted on within two working days. */
    static void owner(StringBuilder sb, Language lang, WarningFigures.PerJobcentre w, LocalDate from) {
        if (w == null) return;
        sb.append("<h2>").append(esc(Texts.t(lang, "warn.owner", Views.date(lang, from)))).append("</h2>")
                .append("<dl class=\"phases\" id=\"warnings-month\"><div><dt>").append(esc(Texts.t(lang, "warn.owner.raised")))
                .append("</dt><dd data-figure=\"warnings\">").append(w.raised()).append("</dd></div><div><dt>")
                .append(esc(Texts.t(lang, "warn.owner.actedOn"))).append("</dt><dd data-figure=\"actedOn\">")
                .append(w.actedOnWithin2WorkingDays()).append("</dd></div></dl><p class=\"hint\">")
                .append(esc(Texts.t(lang, "warn.owner.hint"))).append("</p>");
    }

    /** A programme's warnings summed over its jobcentres (the monthly report's figures, as of now). */
    static WarningFigures.PerJobcentre sum(WarningFigures.Warnings w) {
        long[] f = new long[4];
        for (WarningFigures.PerJobcentre j : w.byJobcentre().values()) {
            f[0] += j.raised();
            f[1] += j.actedOnWithin2WorkingDays();
            f[2] += j.warnedMonthBefore();
            f[3] += j.activeAMonthAfter();
        }
        return new WarningFigures.PerJobcentre(f[0], f[1], f[2], f[3]);
    }
}
