package dk.rampe.monthlyreport;

import dk.rampe.audit.AuditEntry;
import dk.rampe.audit.AuditLog;
import dk.rampe.core.DomainException;
import dk.rampe.core.EmailAddress;
import dk.rampe.followup.EmailWithAttachments;
import dk.rampe.followup.Notifier;
import dk.rampe.log.Log;
import dk.rampe.report.MonthlyReport;
import dk.rampe.report.ReportArchive;
import dk.rampe.report.ReportDeliveries;
import dk.rampe.report.ReportMaker;
import dk.rampe.report.ReportPeriod;
import dk.rampe.settings.Settings;
import dk.rampe.schedule.DecisionIds;
import dk.rampe.settings.SettingsStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a programme's report for a month that has ended: computes, renders, keeps it in the archive, emails it,
 * and records that ({@link ReportDeliveries}, under the send's decision id). One email per programme and month,
 * ever: the schedule (and Lambda's retries of it) skips a programme whose month is recorded, so a run that failed
 * on the second programme sends only what is missing; the admin route makes the report again but emails it
 * only when asked to resend, which is audited.
 */
public final class ReportRun {
    public static final String HTML_FILE = "report.html";
    public static final String CSV_FILE = "figures.csv";

    /**
     * What one run made; {@code emailId} is null when nothing was emailed (no recipients, or sent before);
     * {@code sentBefore} is the earlier send when the month's report was sent already. The schedule skips such a
     * programme: {@code stored} and {@code report} are then null.
     */
    public record Made(String programmeId, String month, ReportArchive.Stored stored, String emailId, int recipients,
                       MonthlyReport report, ReportDeliveries.Sent sentBefore) {
    }

    /** Who sends the scheduled reports, in the send record. */
    public static final String SYSTEM = "system:report";

    private final SettingsStore settings;
    private final ReportMaker maker;
    private final ReportArchive archive;
    private final Notifier mailer;
    private final ZoneId zone;
    private final Clock clock;
    private final ReportDeliveries deliveries;
    private final AuditLog audit;

    public ReportRun(SettingsStore settings, ReportMaker maker, ReportArchive archive, Notifier mailer, ZoneId zone,
                     Clock clock, ReportDeliveries deliveries, AuditLog audit) {
        this.deliveries = deliveries;
        this.audit = audit;
        this.settings = settings;
        this.maker = maker;
        this.archive = archive;
        this.mailer = mailer;
        this.zone = zone;
        this.clock = clock;
    }

    /** The schedule: every programme's report for the month just ended. */
    public List<Made> monthBefore() {
        return monthBefore(clock.instant());
    }

    /**
     * Every programme's report for the month before {@code scheduledAt} (the schedule's own time, so a late
     * retry makes the same month); a programme that had not opened for intake by then has none.
     */
    public List<Made> monthBefore(java.time.Instant scheduledAt) {
        YearMonth month = ReportPeriod.monthBefore(scheduledAt, zone).month();
        List<Made> out = new ArrayList<>();
        for (Settings.Programme p : settings.current().programmes()) {
            if (month.isBefore(YearMonth.from(p.intakeOpens()))) continue;
            // done by an earlier run (a retry of this one): nothing made, kept or sent again
            Optional<ReportDeliveries.Sent> done = deliveries.sent(p.id(), month.toString());
            if (done.isPresent()) {
                Log.info("report.alreadySent", "programme", p.id(), "month", month.toString(),
                        "decisionId", done.get().decisionId());
                out.add(new Made(p.id(), month.toString(), null, null, done.get().recipients(), null, done.get()));
                continue;
            }
            out.add(make(p.id(), month, null));
        }
        return out;
    }

    /** The report of {@code month}, made and kept; emailed if it was not sent before. */
    public Made make(String programmeId, YearMonth month) {
        return make(programmeId, month, null);
    }

    /**
     * The report of {@code month}, made and kept; emailed if it was not sent before, or again when
     * {@code resendBy} (an administrator) asks for it, which is audited.
     */
    public Made make(String programmeId, YearMonth month, String resendBy) {
        Settings s = settings.current();
        Settings.Programme p = s.programme(programmeId)
                .orElseThrow(() -> DomainException.notFound("report.unknownProgramme"));
        if (!month.isBefore(YearMonth.from(clock.instant().atZone(zone)))) {
            throw DomainException.unprocessable("report.monthNotEnded", "month", month.toString());
        }
        Map<String, String> names = new LinkedHashMap<>();
        s.jobcentres().forEach(j -> names.put(j.id(), j.name()));
        MonthlyReport report = maker.make(p, names, new ReportPeriod(month, zone));
        String html = ReportHtml.render(report, zone);
        byte[] csv = ReportCsv.write(report);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(HTML_FILE, html.getBytes(StandardCharsets.UTF_8));
        files.put(CSV_FILE, csv);
        ReportArchive.Stored stored = archive.put(p.id(), month.toString(), report.madeAt().toString(), files);
        List<String> to = p.report().recipients().stream().map(EmailAddress::value).toList();
        Optional<ReportDeliveries.Sent> before = deliveries.sent(p.id(), month.toString());
        String emailId = null;
        // a resend claims the record it read first: a double tap or a retried request emails once
        boolean resend = resendBy != null && (before.isEmpty() || deliveries.claimResend(before.get(), clock.instant()));
        if (resendBy != null && !resend) {
            Log.info("report.resendRepeated", "programme", p.id(), "month", month.toString());
        }
        if (before.isEmpty() || resend) {
            String decisionId = resendBy == null ? DecisionIds.of("S", "report", p.id(), month.toString())
                    : DecisionIds.of("S", "report", p.id(), month.toString(), "resend", clock.instant().toString());
            if (!to.isEmpty()) {
                emailId = mailer.sendWithAttachments(new EmailWithAttachments(to, ReportHtml.title(report), text(report),
                        html, List.of(new EmailWithAttachments.Attachment("rampe-" + p.id() + "-" + month + ".csv",
                                "text/csv; charset=UTF-8", csv))));
            }
            ReportDeliveries.Sent sent = new ReportDeliveries.Sent(p.id(), month.toString(), decisionId, emailId,
                    to.size(), clock.instant(), resendBy == null ? SYSTEM : resendBy);
            if (resendBy == null) {
                deliveries.recordFirst(sent);
            } else {
                deliveries.recordResend(sent);
                audit.record(new AuditEntry("report:" + p.id() + ":" + month, resendBy, "report.resent", clock.instant()));
            }
        }
        Log.info("report.made", "programme", p.id(), "month", month.toString(), "key", stored.key(),
                "recipients", Integer.toString(to.size()), "emailed", Boolean.toString(emailId != null),
                "sentBefore", Boolean.toString(before.isPresent()));
        return new Made(p.id(), month.toString(), stored, emailId, to.size(), report, before.orElse(null));
    }

    /** How the report shows small counts, in the email as in the report's own heading. */
    static final String SMALL_COUNTS = "Tal under 5 og tal, der ville røbe dem, vises som x.";

    static String text(MonthlyReport r) {
        StringBuilder t = new StringBuilder(ReportHtml.title(r)).append("\n\n");
        t.append("Indtag i måneden: ").append(r.shown("intake", "received.month", MonthlyReport.PROGRAMME))
                .append(", i alt ").append(r.shown("intake", "received.total", MonthlyReport.PROGRAMME))
                .append(" af en kvote på ").append(r.shown("intake", "quota", MonthlyReport.PROGRAMME)).append(".\n");
        t.append("Deltagere i alt: ").append(r.shown("flow", "participants.total", MonthlyReport.PROGRAMME)).append(".\n");
        if (!r.warnings().isEmpty()) t.append("Advarsler: ").append(r.warnings().size()).append(".\n");
        t.append("\nAlle tal står i HTML-visningen og i den vedhæftede CSV-fil. ").append(SMALL_COUNTS).append("\n");
        return t.toString();
    }
}
