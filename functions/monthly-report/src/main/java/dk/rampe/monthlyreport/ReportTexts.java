package dk.rampe.monthlyreport;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

/** The report's Danish labels (the steering group reads Danish); a key without a label shows as itself. */
final class ReportTexts {
    private static final Locale DA = Locale.forLanguageTag("da-DK");

    static final Map<String, String> SECTIONS = Map.of(
            "since_start", "Siden start",
            "intake", "Indtag",
            "flow", "Flow mellem faser",
            "attendance", "Fremmøde",
            "aftercare", "Efterværn",
            "warnings", "Tidlige varsler om fremmøde",
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
            Map.entry("quarter.active", "Deltagere i kvartalet til dato"),
            Map.entry("quarter.in_competitive_work", "Heraf i ordinært arbejde i kvartalet (IPS)"),
            Map.entry("quarter.competitive_work_share", "Andel i ordinært arbejde i kvartalet (IPS)"),
            Map.entry("nudges.failed", "Påmindelser der ikke kunne sendes"),
            Map.entry("nudges.waiting", "Påmindelser der venter"),
            Map.entry("gaps.enrolled_without_attendance_plan", "Deltagere uden fremmødeplan"),
            Map.entry("gaps.jobs_without_aftercare_outcome", "Job over 3 måneder uden efterværnsudfald"),
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
            Map.entry("employed_at_3_months_share", "Andel stadig i job efter 3 måneder, af de tjekkede"),
            Map.entry("employed_at_6_months_share", "Andel stadig i job efter 6 måneder, af de tjekkede"),
            Map.entry("employed_or_education_6_months_after_exit", "Heraf tjekket: i job eller uddannelse 6 måneder efter"),
            Map.entry("not_employed_6_months_after_exit", "Heraf tjekket: ikke i job eller uddannelse"),
            Map.entry("not_checked_6_months_after_exit", "Heraf ikke tjekket"),
            Map.entry("checked_6_months_after_exit", "Tjekket 6 måneder efter afslutning"),
            Map.entry("employed_or_education_6_months_after_exit_share", "Andel i job eller uddannelse 6 måneder efter, af de tjekkede"),
            Map.entry("phase_moves_recorded_after_month_end", "Faseskift registreret efter månedens slut"),
            Map.entry("attendance_registrations_recorded_after_month_end", "Fremmøderegistreringer rettet efter månedens slut"),
            Map.entry("status_changes_recorded_after_month_end", "Henvisninger, visitationer, opstarter og afslutninger registreret efter månedens slut"),
            Map.entry("status_changes_dated_in_earlier_months", "Henvisninger, visitationer, opstarter og afslutninger fra tidligere måneder, registreret i måneden"),
            Map.entry("phase_moves_dated_in_earlier_months", "Faseskift fra tidligere måneder, registreret i måneden"),
            Map.entry("accepted.total", "Optaget i alt"),
            Map.entry("declined.total", "Takket nej i alt"),
            Map.entry("outside_target_group.total", "Uden for målgruppen i alt"),
            Map.entry("declined.reason.not_motivated.month", "Nej i måneden: ønsker ikke at deltage nu"),
            Map.entry("declined.reason.health.month", "Nej i måneden: helbredet tillader det ikke nu"),
            Map.entry("declined.reason.other_offer.month", "Nej i måneden: andet tilbud, job eller uddannelse"),
            Map.entry("declined.reason.no_show.month", "Nej i måneden: mødte ikke til visitation"),
            Map.entry("declined.reason.practical.month", "Nej i måneden: transport eller andre praktiske forhold"),
            Map.entry("declined.reason.moved.month", "Nej i måneden: fraflyttet"),
            Map.entry("declined.reason.other.month", "Nej i måneden: anden årsag"),
            Map.entry("declined.reason.not_coded.month", "Nej i måneden: uden årsagskode"),
            Map.entry("pace.needed_per_month", "Henvisninger pr. måned der skal til for at nå kvoten inden stop"),
            Map.entry("starts.last_4_weeks", "Opstarter de sidste fire uger"),
            Map.entry("starts.max_per_consultant_last_4_weeks", "Flest opstarter hos én konsulent (fire uger)"),
            Map.entry("starts.max_per_consultant_setting", "Højst opstarter pr. konsulent (indstilling)"),
            Map.entry("participants_planned", "Deltagere med planlagte timer"),
            Map.entry("participants_last_4_weeks", "Deltagere med planlagte timer de sidste fire uger"),
            Map.entry("stable_last_4_weeks_share", "Andel med stabilt fremmøde"),
            Map.entry("job_starts_3_months_ago", "Jobstart for 3 måneder siden"),
            Map.entry("employed_at_3_months", "Heraf tjekket: stadig i job efter 3 måneder"),
            Map.entry("lost_job_at_3_months", "Heraf tjekket: ikke længere i jobbet"),
            Map.entry("not_checked_at_3_months", "Heraf ikke tjekket"),
            Map.entry("checked_at_3_months", "Tjekket efter 3 måneder"),
            Map.entry("job_starts_6_months_ago", "Jobstart for 6 måneder siden"),
            Map.entry("employed_at_6_months", "Heraf tjekket: stadig i job efter 6 måneder"),
            Map.entry("lost_job_at_6_months", "Heraf tjekket: ikke længere i jobbet"),
            Map.entry("not_checked_at_6_months", "Heraf ikke tjekket"),
            Map.entry("checked_at_6_months", "Tjekket efter 6 måneder"),
            Map.entry("exits_6_months_ago", "Afsluttet for 6 måneder siden"),
            Map.entry("job_starts_6_months_passed.total", "Job startet mindst 6 måneder før, i alt"),
            Map.entry("kept_job_6_months.total", "Heraf tjekket: holdt i 6 måneder"),
            Map.entry("lost_job_6_months.total", "Heraf tjekket: ikke holdt i 6 måneder"),
            Map.entry("not_checked_job_6_months.total", "Heraf ikke tjekket"),
            Map.entry("checked_job_6_months.total", "Tjekket efter 6 måneder, i alt"),
            Map.entry("kept_job_6_months.total_share", "Andel holdt i job i 6 måneder, af de tjekkede, i alt"),
            Map.entry("exits_6_months_passed.total", "Afsluttet mindst 6 måneder før, i alt"),
            Map.entry("employed_or_education_6_months_after_exit.total", "Heraf tjekket: i job eller uddannelse 6 måneder efter, i alt"),
            Map.entry("not_employed_6_months_after_exit.total", "Heraf tjekket: ikke i job eller uddannelse, i alt"),
            Map.entry("not_checked_6_months_after_exit.total", "Heraf ikke tjekket, i alt"),
            Map.entry("checked_6_months_after_exit.total", "Tjekket 6 måneder efter afslutning, i alt"),
            Map.entry("employed_or_education_6_months_after_exit.total_share", "Andel i job eller uddannelse 6 måneder efter, af de tjekkede, i alt"),
            Map.entry("kept_job_90_days.month", "Personer der nåede 90 dage i job i måneden (IPS)"),
            Map.entry("kept_job_90_days.total", "Personer der har holdt et job i 90 dage, i alt (IPS)"),
            Map.entry("warnings.raised", "Varsler i måneden"),
            Map.entry("warnings.acted_on_within_2_working_days", "Heraf fulgt op inden for to arbejdsdage"),
            Map.entry("warnings.acted_on_within_2_working_days_share", "Andel fulgt op inden for to arbejdsdage"),
            Map.entry("warnings.warned_month_before", "Deltagere med varsel måneden før"),
            Map.entry("warnings.active_a_month_after", "Heraf stadig i forløbet en måned efter varslet"),
            Map.entry("warnings.active_a_month_after_share", "Andel stadig i forløbet en måned efter varslet"));

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
        if (key.startsWith("since_start.")) return sinceStart(key.substring("since_start.".length()));
        if (key.startsWith("month.")) return "Afsluttet i måneden: " + EXITS.getOrDefault(key.substring(6), key.substring(6));
        if (key.startsWith("moves.")) {
            String[] fromTo = key.substring(6).split("_to_", 2);
            return "Skift: " + PHASES.getOrDefault(fromTo[0], fromTo[0]) + " → "
                    + (fromTo.length > 1 ? PHASES.getOrDefault(fromTo[1], fromTo[1]) : "");
        }
        if (key.contains(".trend.")) return "Udvikling " + key.substring(key.lastIndexOf('.') + 1) + ": "
                + target(key.substring(0, key.indexOf(".trend."))) + " (" + unit(key.substring(0, key.indexOf(".trend."))) + ")";
        int dot = key.lastIndexOf('.');
        if (dot > 0) {
            // "Andel i virksomhedsrettet aktivitet: mål (%)", "…: nået (personer)": every value with its unit
            String kind = key.substring(0, dot);
            String part = key.substring(dot + 1);
            String unit = switch (part) {
                case "target", "actual" -> unit(kind);
                case "status" -> null;
                default -> "personer";
            };
            return target(kind) + ": " + TARGET_PARTS.getOrDefault(part, part) + (unit == null ? "" : " (" + unit + ")");
        }
        return key.replace('_', ' ');
    }

    /** The totals since the programme's start ("since_start.jobs.flexjob" -> "Job startet i alt: fleksjob"). */
    private static String sinceStart(String key) {
        return switch (key) {
            case "referred" -> "Henvist i alt";
            case "enrolled" -> "Startet i forløbet i alt";
            case "internships" -> "Praktikker startet i alt";
            case "jobs.total" -> "Job startet i alt";
            case "exits.total" -> "Afsluttet i alt";
            default -> key.startsWith("jobs.")
                    ? "Job startet i alt: " + JOB_KINDS.getOrDefault(key.substring(5), key.substring(5))
                    : key.startsWith("exits.")
                    ? "Afsluttet i alt: " + EXITS.getOrDefault(key.substring(6), key.substring(6))
                    : key.replace('_', ' ');
        };
    }

    private static final Map<String, String> JOB_KINDS = Map.of(
            "ordinary", "ordinært job", "flexjob", "fleksjob", "wage_subsidy", "løntilskud",
            "social_economy", "job i socialøkonomisk virksomhed", "not_recorded", "art ikke registreret");

    private static final Map<String, String> EXITS = Map.of(
            "ordinary_job", "ordinært job", "flexjob", "fleksjob", "wage_subsidy", "løntilskud",
            "social_economy_job", "job i socialøkonomisk virksomhed", "education", "uddannelse",
            "pension_process", "pensionssag", "further_assessment", "videre afklaring", "moved", "fraflyttet",
            "dropped_absence", "stoppet på grund af fravær", "other", "andet");

    private static final Map<String, String> PHASES = Map.of(
            "start", "start", "course", "forløb", "internship", "praktik", "paid_hours_or_job", "løntimer eller job",
            "education", "uddannelse", "exited", "afsluttet");

    private static final Map<String, String> TARGET_PARTS = Map.of(
            "target", "mål", "actual", "opnået til nu", "reached", "nået", "participants", "deltagere",
            "not_checked", "ikke tjekket", "expected_by_now", "forventet til nu", "status", "status");

    static String target(String kind) {
        return switch (kind) {
            case "employer_based_share" -> "Andel i virksomhedsrettet aktivitet";
            case "exits_to_work_or_education" -> "Afsluttet til job eller uddannelse";
            case "kept_job_6_months_share" -> "Andel fastholdt i job i 6 måneder, af de tjekkede";
            case "employed_6_months_after_exit" -> "I job eller uddannelse 6 måneder efter afslutning";
            default -> kind.replace('_', ' ');
        };
    }

    /** A target's unit as the report writes it: "%" for a share, "personer" for a count. */
    static String unit(String kind) {
        return dk.rampe.settings.ReportSettings.TargetKind.fromWire(kind)
                .map(k -> k.unit() == dk.rampe.settings.ReportSettings.Unit.SHARE ? "%" : "personer").orElse("");
    }

    /** A target's status as shown ({@code on_track}, {@code behind}, or "-"). */
    static String status(String shown) {
        return switch (shown) {
            case "on_track" -> "på sporet";
            case "behind" -> "bagud";
            default -> shown;
        };
    }

    /** "jan 26". */
    static String shortMonth(YearMonth m) {
        return m.getMonth().getDisplayName(TextStyle.SHORT, DA).replace(".", "") + " " + (m.getYear() % 100);
    }

    /**
     * What a figure shows in the HTML: a total since the start not updated this month as its value published
     * then and that month ("47 pr. okt. 2026"), anything else as it is.
     */
    static String shown(dk.rampe.report.Figure f) {
        YearMonth m = f.asOfMonth();
        if (m == null) return f.shown();
        return f.shown().substring(0, f.shown().indexOf(dk.rampe.report.Figure.AS_OF)) + " pr. "
                + m.getMonth().getDisplayName(TextStyle.SHORT, DA).replace(".", "") + ". " + m.getYear();
    }

    static String month(YearMonth m) {
        return m.getMonth().getDisplayName(TextStyle.FULL, DA) + " " + m.getYear();
    }
}
