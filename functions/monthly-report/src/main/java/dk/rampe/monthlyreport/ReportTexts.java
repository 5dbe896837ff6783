package dk.rampe.monthlyreport;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

/** The report's Danish labels (the steering group reads Danish); a key without a label shows as itself. */
final class ReportTexts {
    private static final Locale DA = Locale.forLanguageTag("da-DK");

    static final Map<String, String> SECTIONS = Map.of(
            "intake", "Indtag",
            "flow", "Flow mellem faser",
            "attendance", "Fremmøde",
            "aftercare", "Efterværn",
            "exits", "Afslutninger",
            "targets", "Resultater mod mål",
            "funders", "Til bevillingsgiver",
            "delivery", "Driftens sundhed");

    private static final Map<String, String> FIGURES = Map.ofEntries(
            Map.entry("received.month", "Henvisninger modtaget i måneden"),
            Map.entry("received.total", "Henvisninger i alt"),
            Map.entry("over_quota.total", "Heraf over kvote"),
            Map.entry("quota", "Kvote"),
            Map.entry("pace", "Tempo mod kvoten (forventet i alt)"),
            Map.entry("accepted.month", "Optaget i måneden"),
            Map.entry("declined.month", "Takket nej i måneden"),
            Map.entry("outside_target_group.month", "Uden for målgruppen i måneden"),
            Map.entry("awaiting_visitation", "Venter på visitation"),
            Map.entry("phase.course", "Forløb (kursus) ved månedens slut"),
            Map.entry("phase.internship", "Praktik ved månedens slut"),
            Map.entry("phase.paid_hours_or_job", "Løntimer eller job ved månedens slut"),
            Map.entry("phase.education", "Uddannelse ved månedens slut"),
            Map.entry("phase.exited", "Afsluttet ved månedens slut"),
            Map.entry("participants.total", "Deltagere i alt"),
            Map.entry("month.total", "Afslutninger i måneden"),
            Map.entry("total", "Afslutninger i alt"),
            Map.entry("total.work_or_education", "Afsluttet til job eller uddannelse i alt"),
            Map.entry("participants_at_start.month", "Deltagere ved start i måneden"),
            Map.entry("participants_at_start.total", "Deltagere ved start i alt"),
            Map.entry("participants_at_exit.month", "Deltagere ved afslutning i måneden"),
            Map.entry("participants_at_exit.total", "Deltagere ved afslutning i alt"),
            Map.entry("quarter.active", "Aktive deltagere (kvartalet)"),
            Map.entry("quarter.in_competitive_work", "I ordinært arbejde (kvartalet)"),
            Map.entry("quarter.competitive_work_share", "Andel i ordinært arbejde (IPS)"),
            Map.entry("nudges.failed", "Påmindelser der ikke kunne sendes"),
            Map.entry("nudges.waiting", "Påmindelser der venter"),
            Map.entry("gaps.enrolled_without_attendance_plan", "Deltagere uden fremmødeplan"),
            Map.entry("gaps.jobs_without_aftercare_outcome", "Job uden efterværnsudfald"),
            Map.entry("hours.planned", "Planlagte timer"),
            Map.entry("hours.attended", "Fremmødte timer"),
            Map.entry("absence_rate", "Fraværsprocent"),
            Map.entry("absences", "Fravær opdaget"),
            Map.entry("minutes_to_nudge.median", "Minutter til påmindelse (median)"),
            Map.entry("minutes_to_nudge.p90", "Minutter til påmindelse (90 %)"),
            Map.entry("minutes_to_closed.median", "Minutter til opfølgning lukket (median)"),
            Map.entry("minutes_to_closed.p90", "Minutter til opfølgning lukket (90 %)"),
            Map.entry("closed_same_day", "Lukket samme dag"),
            Map.entry("closed_same_day_share", "Andel lukket samme dag"),
            Map.entry("escalations", "Sager givet videre til sagsbehandler"),
            Map.entry("stable_last_4_weeks", "Stabilt fremmøde de sidste fire uger"),
            Map.entry("follow_ups.due", "Opfølgninger forfaldne"),
            Map.entry("follow_ups.on_time", "Gennemført til tiden"),
            Map.entry("follow_ups.late", "Gennemført for sent"),
            Map.entry("follow_ups.overdue", "Overskredet"),
            Map.entry("employed_at_3_months_share", "Stadig i job efter 3 måneder"),
            Map.entry("employed_at_6_months_share", "Stadig i job efter 6 måneder"),
            Map.entry("employed_or_education_6_months_after_exit", "I job eller uddannelse 6 måneder efter afslutning"),
            Map.entry("jobs_held_90_days", "Job holdt i 90 dage (IPS)"),
            Map.entry("phase_moves_recorded_after_month_end", "Faseskift registreret efter månedens slut"));

    static final Map<String, String> WARNINGS = Map.of(
            "intake.pace.above", "henviser langt over tempoet mod kvoten",
            "intake.pace.below", "henviser langt under tempoet mod kvoten",
            "intake.starts.bunching", "konsulent(er) har haft flere opstarter de sidste fire uger end de kan bære");

    private ReportTexts() {
    }

    static String section(String id) {
        return SECTIONS.getOrDefault(id, id);
    }

    static String figure(String key) {
        String label = FIGURES.get(key);
        if (label != null) return label;
        if (key.startsWith("month.")) return "Afsluttet i måneden: " + key.substring(6).replace('_', ' ');
        if (key.startsWith("moves.")) return "Skift: " + key.substring(6).replace("_to_", " → ").replace('_', ' ');
        if (key.contains(".trend.")) return "Udvikling " + key.substring(key.lastIndexOf('.') + 1) + ": "
                + target(key.substring(0, key.indexOf(".trend.")));
        int dot = key.lastIndexOf('.');
        if (dot > 0) return target(key.substring(0, dot)) + " (" + key.substring(dot + 1) + ")";
        return key.replace('_', ' ');
    }

    static String target(String kind) {
        return switch (kind) {
            case "employer_based_share" -> "Andel i virksomhedsrettet aktivitet (%)";
            case "exits_to_work_or_education" -> "Afsluttet til job eller uddannelse";
            case "kept_job_6_months_share" -> "Andel fastholdt i job i 6 måneder (%)";
            case "employed_6_months_after_exit" -> "I job 6 måneder efter afslutning";
            default -> kind.replace('_', ' ');
        };
    }

    static String month(YearMonth m) {
        return m.getMonth().getDisplayName(TextStyle.FULL, DA) + " " + m.getYear();
    }
}
