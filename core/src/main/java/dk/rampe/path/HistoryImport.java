package dk.rampe.path;

import dk.rampe.audit.AuditEntry;
import dk.rampe.audit.AuditLog;
import dk.rampe.core.Caller;
import dk.rampe.core.DomainException;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.FieldError;
import dk.rampe.core.PhoneNumber;
import dk.rampe.core.ValidationException;
import dk.rampe.log.Log;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.ExitOutcome;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralService;
import dk.rampe.settings.Settings;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The import of a programme's history: a spreadsheet saved as CSV with one row per participant (the referral,
 * the jobcentre and its reference, the consultant, the day of each step, the job's kind and hours). Every row is
 * checked (a dry run writes nothing and answers every error by row, column and rule, and how many rows are new and
 * how many already in Rampe by jobcentre and jobcentre reference); a commit writes each valid
 * row through the same use cases as the API (intake, visitation, enrolment, milestones, exit) with each step's
 * date, so the same rules hold. A row is one participant, known by jobcentre and jobcentre reference: a row
 * whose referral is already there is left as it is, so a re-upload after fixing some rows adds those and
 * changes nothing else. The import is audited as one entry, and one per referral it wrote; no CPR number is
 * logged or answered (rows are named by their number).
 */
public final class HistoryImport {
    /** At most this many rows in one import (a programme of a few hundred participants fits many times). */
    public static final int MAX_ROWS = 2000;

    /** The columns, each with the names it is known by (English first, then Danish); compared without case or marks. */
    public enum Column {
        PROGRAMME("programmeId", "programme", "program", "programid"),
        JOBCENTRE("jobcentreId", "jobcentre", "jobcenter", "jobcenterid"),
        REFERENCE("jobcentreReference", "reference", "jobcenterreference", "sagsnummer", "reference_jobcenter"),
        CPR("cpr", "cprNumber", "cprnummer", "cprnr"),
        NAME("name", "navn"),
        PHONE("phone", "telefon", "mobil", "tlf"),
        EMAIL("email", "mail", "emailadresse"),
        BENEFIT("benefit", "ydelse"),
        CASEWORKER_NAME("caseworkerName", "sagsbehandler", "sagsbehandlernavn"),
        CASEWORKER_EMAIL("caseworkerEmail", "sagsbehandleremail", "sagsbehandlermail"),
        CONSULTANT("consultantId", "consultant", "konsulent", "konsulentid"),
        RECEIVED("receivedAt", "received", "modtaget", "henvist"),
        DECISION("decision", "visitation", "afgoerelse"),
        DECIDED("decidedOn", "decided", "visiteret"),
        STARTED("startedOn", "started", "opstart", "startet"),
        INTERNSHIP_STARTED("internshipStartedOn", "internshipStart", "praktikstart"),
        INTERNSHIP_ENDED("internshipEndedOn", "internshipEnd", "praktikslut"),
        EMPLOYER("employer", "arbejdsgiver", "virksomhed"),
        JOB_STARTED("jobStartedOn", "jobStart", "jobstart", "ansat"),
        JOB_KIND("jobKind", "jobtype", "ansaettelsestype"),
        HOURS("hoursPerWeek", "hours", "timer", "timerprUge"),
        EXITED("exitedOn", "exited", "afsluttet", "slut"),
        OUTCOME("exitOutcome", "outcome", "afslutning", "resultat");

        final String wireName;
        final List<String> names;

        Column(String wireName, String... others) {
            this.wireName = wireName;
            List<String> n = new ArrayList<>();
            n.add(key(wireName));
            for (String o : others) n.add(key(o));
            this.names = List.copyOf(n);
        }

        public String wireName() {
            return wireName;
        }
    }

    /** An error in a row (1 = the first row after the header), on a column, naming the rule and its arguments. */
    public record RowError(int row, String column, String code, List<Object> args) {
    }

    /**
     * What an import answers: rows read; rows that would be (dry run: the rows not in Rampe yet) or were added;
     * rows left as they were (a commit); rows whose referral was already in Rampe before (by jobcentre and
     * jobcentre reference: a commit leaves them or completes their missing steps); the errors.
     */
    public record Result(boolean committed, int rows, int added, int unchanged, int present, List<RowError> errors,
                         List<String> addedReferralIds) {
    }

    private final ReferralService referrals;
    private final PathService paths;
    private final ParticipantExit exit;
    private final Supplier<Settings> settings;
    private final AuditLog audit;
    private final Clock clock;

    public HistoryImport(ReferralService referrals, PathService paths, ParticipantExit exit, Supplier<Settings> settings,
                         AuditLog audit, Clock clock) {
        this.referrals = referrals;
        this.paths = paths;
        this.exit = exit;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** One participant's row, parsed. */
    record Row(int number, String programmeId, String jobcentreId, ReferralDetails details, String consultantId,
               LocalDate received, ReferralService.VisitationDecision decision, LocalDate decided, LocalDate started,
               LocalDate internshipStarted, LocalDate internshipEnded, String employer, LocalDate jobStarted,
               JobKind jobKind, BigDecimal hours, LocalDate exited, ExitOutcome outcome) {
    }

    /**
     * Checks every row of {@code csv} (UTF-8 with or without a byte-order mark, or Windows-1252; {@code ;} or
     * {@code ,} between columns); with {@code commit} and no error in any row, writes every row. An import with an
     * error writes nothing: the answer lists every error, so a file is fixed once and uploaded again.
     */
    public Result run(Caller admin, byte[] csv, boolean commit) {
        if (admin.role() != Caller.Role.ADMIN) throw DomainException.forbidden("role.adminOnly");
        List<List<String>> table = table(decode(csv));
        if (table.isEmpty()) throw new ValidationException(new FieldError("body", "import.empty"));
        if (table.size() - 1 > MAX_ROWS) throw new ValidationException(new FieldError("body", "import.tooManyRows", MAX_ROWS));
        List<RowError> errors = new ArrayList<>();
        Map<Column, Integer> columns = columns(table.get(0), errors);
        List<Row> rows = new ArrayList<>();
        LocalDate today = dk.rampe.schedule.WorkingDays.today(clock);
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (cells.stream().allMatch(String::isBlank)) continue;
            Row row = row(i, cells, columns, today, errors);
            if (row == null) continue;
            Integer first = seen.putIfAbsent(row.jobcentreId() + "|" + row.details().jobcentreReference(), i);
            if (first != null) errors.add(new RowError(i, Column.REFERENCE.wireName, "import.duplicateRow", List.of(first)));
            else rows.add(row);
        }
        int dataRows = (int) table.stream().skip(1).filter(c -> !c.stream().allMatch(String::isBlank)).count();
        // which rows are in Rampe already (one read per row, as the commit's intake would read it)
        int present = 0;
        for (Row row : rows) {
            ReferralService.Received there = referrals.received(row.jobcentreId(), row.details(), row.received());
            if (there == ReferralService.Received.SAME) present++;
            if (there == ReferralService.Received.OTHER) {
                errors.add(new RowError(row.number(), Column.REFERENCE.wireName, "import.otherReferral", List.of()));
            }
        }
        errors.sort(java.util.Comparator.comparingInt(RowError::row));
        if (!commit || !errors.isEmpty()) {
            Log.info("import.checked", "rows", Integer.toString(dataRows), "present", Integer.toString(present),
                    "errors", Integer.toString(errors.size()));
            return new Result(false, dataRows, errors.isEmpty() ? rows.size() - present : 0, 0,
                    present, List.copyOf(errors), List.of());
        }
        String importId = dk.rampe.schedule.DecisionIds.of("I", "import", admin.id(), clock.instant().toString());
        List<String> added = new ArrayList<>();
        int unchanged = 0;
        for (Row row : rows) {
            Object o = outcome(admin, row);
            if (o instanceof String id) added.add(id);
            else if (o instanceof RowError e) errors.add(e);
            else if (o instanceof List<?> l) l.forEach(e -> errors.add((RowError) e));
            else unchanged++;
        }
        audit.record(new AuditEntry("import:" + importId, admin.id(), "import.committed", clock.instant()));
        Log.info("import.committed", "importId", importId, "rows", Integer.toString(dataRows),
                "added", Integer.toString(added.size()), "unchanged", Integer.toString(unchanged),
                "errors", Integer.toString(errors.size()));
        return new Result(true, dataRows, added.size(), unchanged, present, List.copyOf(errors), List.copyOf(added));
    }

    /**
     * A row written: its referral id when it added anything, {@link Boolean#FALSE} when it was all there already,
     * or its errors (a rule of a use case: the row's earlier steps stay, and a re-upload completes it).
     */
    private Object outcome(Caller admin, Row row) {
        try {
            Optional<String> id = write(row);
            if (id.isEmpty()) return Boolean.FALSE;
            audit.record(new AuditEntry(id.get(), admin.id(), "referral.imported", clock.instant()));
            return id.get();
        } catch (ValidationException e) {
            return e.errors().stream().map(f -> new RowError(row.number(), f.field(), f.code(), List.of(f.args()))).toList();
        } catch (DomainException e) {
            return new RowError(row.number(), e.field() == null ? "" : e.field(), e.code(), List.of(e.args()));
        } catch (RuntimeException e) {
            Log.error("import.rowFailed", "row", Integer.toString(row.number()), "error", e.getClass().getSimpleName());
            return new RowError(row.number(), "", "import.rowFailed", List.of());
        }
    }

    /**
     * Writes a row through the use cases, each step only if it is not there yet (a row whose referral and steps are
     * all there changes nothing; one that stopped part-way is completed); empty when nothing was written.
     */
    private Optional<String> write(Row row) {
        ReferralService.IntakeResult intake = referrals.submit(Caller.jobcentre(row.jobcentreId()), row.details(), null,
                row.received());
        String id = intake.answer().referralId();
        boolean wrote = !intake.replayed();
        String consultant = row.consultantId() != null ? row.consultantId() : intake.answer().consultantId();
        Caller staff = Caller.staff(consultant);
        if (row.decision() == null) return wrote ? Optional.of(id) : Optional.empty();
        Referral r = wrote ? null : referrals.referralForStaff(staff, id);
        if (r == null || r.status() == dk.rampe.referral.ReferralStatus.RECEIVED) {
            r = referrals.recordVisitation(staff, id, row.decision(),
                    row.decision() == ReferralService.VisitationDecision.ACCEPTED ? null : "Importeret", null, row.decided());
            wrote = true;
            if (row.consultantId() != null && !row.consultantId().equals(intake.answer().consultantId())
                    && row.decision() == ReferralService.VisitationDecision.ACCEPTED) {
                referrals.assignConsultant(staff, id, row.consultantId());
            }
        }
        if (row.started() == null) return wrote ? Optional.of(id) : Optional.empty();
        Path path = wrote ? new Path(List.of()) : paths.path(id);
        if (r.status() == dk.rampe.referral.ReferralStatus.ACCEPTED) {
            r = referrals.enrol(staff, id, row.started());
            wrote = true;
        }
        if (!has(path, MilestoneType.ENROLLED, row.started())) {
            paths.statusChanged(r, MilestoneType.ENROLLED, staff.id(), null);
            wrote = true;
        }
        List<PathService.NewMilestone> steps = new ArrayList<>();
        if (row.internshipStarted() != null) {
            steps.add(new PathService.NewMilestone(MilestoneType.INTERNSHIP_STARTED, row.internshipStarted(), null,
                    row.jobStarted() == null ? row.employer() : null, null, null, null, null, null));
        }
        if (row.internshipEnded() != null) {
            steps.add(new PathService.NewMilestone(MilestoneType.INTERNSHIP_ENDED, row.internshipEnded(), null, null,
                    null, null, null, null, null));
        }
        if (row.jobStarted() != null) {
            steps.add(new PathService.NewMilestone(MilestoneType.JOB_STARTED, row.jobStarted(), null, row.employer(),
                    row.jobKind(), row.hours(), null, null, null));
        }
        for (PathService.NewMilestone m : steps) {
            if (has(path, m.type(), m.effectiveOn())) continue;
            paths.record(staff, id, m);
            wrote = true;
        }
        if (row.exited() != null && r.status() != dk.rampe.referral.ReferralStatus.EXITED) {
            exit.exit(staff, ParticipantExit.Command.fromHistory(id, row.outcome(), row.exited()));
            wrote = true;
        }
        return wrote ? Optional.of(id) : Optional.empty();
    }

    /** Whether the path has a step of {@code type} on {@code on}. */
    private static boolean has(Path path, MilestoneType type, LocalDate on) {
        return path.steps().stream().anyMatch(s -> s.type() == type && s.current().effectiveOn().equals(on));
    }

    // --- reading the file ------------------------------------------------------------------------------------

    /** UTF-8 (a byte-order mark dropped) if the bytes are UTF-8, else Windows-1252 (as Danish Excel saves CSV). */
    public static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** The cells of each line: {@code ;} or {@code ,} between them (whichever the header has more of), quotes as in RFC 4180. */
    static List<List<String>> table(String text) {
        int firstLineEnd = text.indexOf('\n');
        String header = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char sep = header.chars().filter(c -> c == ';').count() >= header.chars().filter(c -> c == ',').count() ? ';' : ',';
        List<List<String>> out = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == sep) {
                line.add(cell.toString().strip());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                line.add(cell.toString().strip());
                cell.setLength(0);
                out.add(line);
                line = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !line.isEmpty()) {
            line.add(cell.toString().strip());
            out.add(line);
        }
        return out;
    }

    /** A column name as compared: lower case, Danish letters spelt out, no spaces, dashes, dots or underscores. */
    static String key(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
        return s.replaceAll("[\\s_.\\-]", "");
    }

    private static Map<Column, Integer> columns(List<String> header, List<RowError> errors) {
        Map<Column, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String k = key(header.get(i));
            if (k.isEmpty()) continue;
            Column found = null;
            for (Column c : Column.values()) if (c.names.contains(k)) found = c;
            if (found == null) errors.add(new RowError(0, header.get(i), "import.unknownColumn", List.of()));
            else if (out.putIfAbsent(found, i) != null) errors.add(new RowError(0, header.get(i), "import.duplicateColumn", List.of()));
        }
        for (Column required : List.of(Column.PROGRAMME, Column.JOBCENTRE, Column.REFERENCE, Column.CPR, Column.NAME,
                Column.PHONE, Column.BENEFIT, Column.CASEWORKER_NAME, Column.CASEWORKER_EMAIL, Column.RECEIVED)) {
            if (!out.containsKey(required)) errors.add(new RowError(0, required.wireName, "import.missingColumn", List.of()));
        }
        return out;
    }

    /** One row parsed and checked; null (with its errors added) when it has any. */
    private Row row(int n, List<String> cells, Map<Column, Integer> columns, LocalDate today, List<RowError> errors) {
        int before = errors.size();
        Cells c = new Cells(n, cells, columns, errors);
        String programmeId = c.text(Column.PROGRAMME, true);
        String jobcentreId = c.text(Column.JOBCENTRE, true);
        String reference = c.text(Column.REFERENCE, true);
        if (reference != null && !dk.rampe.core.InputFields.JOBCENTRE_REFERENCE_FORMAT.matcher(reference).matches()) c.error(Column.REFERENCE, "reference.format");
        Cpr cpr = c.parsed(Column.CPR, true, Cpr::parse, "cpr.format");
        String name = c.text(Column.NAME, true);
        PhoneNumber phone = c.parsed(Column.PHONE, true, PhoneNumber::parse, "phone.invalid");
        EmailAddress email = c.parsed(Column.EMAIL, false, EmailAddress::parse, "email.invalid");
        Benefit benefit = c.parsed(Column.BENEFIT, true, Benefit::fromWire, "enum", Benefit.wireNames());
        String caseworkerName = c.text(Column.CASEWORKER_NAME, true);
        EmailAddress caseworkerEmail = c.parsed(Column.CASEWORKER_EMAIL, true, EmailAddress::parse, "email.invalid");
        String consultantId = c.text(Column.CONSULTANT, false);
        LocalDate received = c.date(Column.RECEIVED, true);
        ReferralService.VisitationDecision decision = c.parsed(Column.DECISION, false,
                ReferralService.VisitationDecision::fromWire, "enum", ReferralService.VisitationDecision.wireNames());
        LocalDate decided = c.date(Column.DECIDED, false);
        LocalDate started = c.date(Column.STARTED, false);
        LocalDate internshipStarted = c.date(Column.INTERNSHIP_STARTED, false);
        LocalDate internshipEnded = c.date(Column.INTERNSHIP_ENDED, false);
        String employer = c.text(Column.EMPLOYER, false);
        LocalDate jobStarted = c.date(Column.JOB_STARTED, false);
        JobKind jobKind = c.parsed(Column.JOB_KIND, false, JobKind::fromWire, "enum", JobKind.wireNames());
        BigDecimal hours = c.hours(Column.HOURS);
        LocalDate exited = c.date(Column.EXITED, false);
        ExitOutcome outcome = c.parsed(Column.OUTCOME, false, ExitOutcome::fromWire, "enum", ExitOutcome.wireNames());

        Settings.Programme programme = programmeId == null ? null : settings.get().programme(programmeId).orElse(null);
        if (programmeId != null && programme == null) c.error(Column.PROGRAMME, "programme.unknown");
        if (programme != null && jobcentreId != null && programme.partner(jobcentreId).isEmpty()) {
            c.error(Column.JOBCENTRE, "programme.notPartner");
        }
        if (programme != null && consultantId != null && programme.consultant(consultantId).isEmpty()) {
            c.error(Column.CONSULTANT, "consultant.unknown");
        }
        // each step needs the one before it, on or after its day, and none after today
        if (programme != null && received != null) {
            LocalDate latest = programme.intakeStops().isBefore(today) ? programme.intakeStops() : today;
            c.range(Column.RECEIVED, received, programme.intakeOpens(), latest);
        }
        LocalDate previous = received;
        if ((decided != null || started != null) && c.raw(Column.DECISION) == null) c.error(Column.DECISION, "required");
        previous = c.after(Column.DECIDED, decided, previous, today);
        if (started != null && decision != null && decision != ReferralService.VisitationDecision.ACCEPTED) {
            c.error(Column.DECISION, "import.notAccepted");
        }
        previous = c.after(Column.STARTED, started, previous, today);
        boolean enrolled = started != null;
        for (Column step : List.of(Column.INTERNSHIP_STARTED, Column.JOB_STARTED)) {
            LocalDate on = step == Column.INTERNSHIP_STARTED ? internshipStarted : jobStarted;
            if (on != null && !enrolled) c.error(Column.STARTED, "required");
            c.after(step, on, previous, today);
        }
        if (internshipEnded != null && internshipStarted == null) c.error(Column.INTERNSHIP_STARTED, "required");
        c.after(Column.INTERNSHIP_ENDED, internshipEnded, internshipStarted, today);
        if (jobStarted != null && (jobKind == null || hours == null)) {
            c.error(jobKind == null ? Column.JOB_KIND : Column.HOURS, "required");
        }
        if (exited != null) {
            if (outcome == null) c.error(Column.OUTCOME, "required");
            if (!enrolled) c.error(Column.STARTED, "required");
            LocalDate last = previous;
            for (LocalDate d : new LocalDate[] {internshipStarted, internshipEnded, jobStarted}) {
                if (d != null && (last == null || d.isAfter(last))) last = d;
            }
            c.after(Column.EXITED, exited, last, today);
        } else if (outcome != null) {
            c.error(Column.EXITED, "required");
        }
        if (errors.size() > before) return null;
        ReferralDetails details = new ReferralDetails(programmeId, reference, new Citizen(cpr, name, phone, email), benefit,
                new Caseworker(caseworkerName, caseworkerEmail, null), List.of(), null, null, null, List.of(), false, null);
        return new Row(n, programmeId, jobcentreId, details, consultantId, received, decision, decided, started,
                internshipStarted, internshipEnded, employer, jobStarted, jobKind, hours, exited, outcome);
    }

    /** A row's cells by column, adding an error per bad cell. */
    private record Cells(int row, List<String> cells, Map<Column, Integer> columns, List<RowError> errors) {
        String raw(Column c) {
            Integer i = columns.get(c);
            return i == null || i >= cells.size() || cells.get(i).isBlank() ? null : cells.get(i);
        }

        void error(Column c, String code, Object... args) {
            errors.add(new RowError(row, c.wireName, code, List.of(args)));
        }

        String text(Column c, boolean required) {
            String s = raw(c);
            if (s == null && required) error(c, "required");
            if (s != null && s.length() > 300) {
                error(c, "tooLong", 300);
                return null;
            }
            if (s != null && dk.rampe.core.CprLike.in(s) && c != Column.CPR) {
                error(c, "cprNumber");
                return null;
            }
            return s;
        }

        <T> T parsed(Column c, boolean required, java.util.function.Function<String, Optional<T>> parse, String code,
                     Object... args) {
            String s = text(c, required);
            if (s == null) return null;
            Optional<T> v = parse.apply(s);
            if (v.isEmpty()) error(c, code, args);
            return v.orElse(null);
        }

        /** A date as YYYY-MM-DD or as a Danish spreadsheet writes it (DD-MM-YYYY or DD.MM.YYYY). */
        LocalDate date(Column c, boolean required) {
            String s = text(c, required);
            if (s == null) return null;
            try {
                if (s.matches("\\d{1,2}[.\\-/]\\d{1,2}[.\\-/]\\d{4}")) {
                    String[] p = s.split("[.\\-/]");
                    return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
                }
                return LocalDate.parse(s);
            } catch (DateTimeException e) {
                error(c, "date.invalid");
                return null;
            }
        }

        BigDecimal hours(Column c) {
            String s = text(c, false);
            if (s == null) return null;
            try {
                BigDecimal h = new BigDecimal(s.replace(',', '.'));
                if (h.signum() <= 0 || h.compareTo(BigDecimal.valueOf(60)) > 0) {
                    error(c, "range", 0, 60);
                    return null;
                }
                return h;
            } catch (NumberFormatException e) {
                error(c, "number.invalid");
                return null;
            }
        }

        void range(Column c, LocalDate on, LocalDate earliest, LocalDate latest) {
            if (on != null && (on.isBefore(earliest) || on.isAfter(latest))) error(c, "date.range", earliest, latest);
        }

        /** A step's day, not before {@code previous} nor after today; the later of the two as the next step's bound. */
        LocalDate after(Column c, LocalDate on, LocalDate previous, LocalDate today) {
            if (on == null) return previous;
            range(c, on, previous == null ? LocalDate.MIN : previous, today);
            return on;
        }
    }
}
