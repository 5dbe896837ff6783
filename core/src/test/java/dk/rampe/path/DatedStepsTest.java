package dk.rampe.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rampe.audit.InMemoryAuditLog;
import dk.rampe.core.Caller;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.FieldError;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;
import dk.rampe.core.ValidationException;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.CitizenMatchKey;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.ExitOutcome;
import dk.rampe.referral.InMemoryReferralStore;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralService;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.referral.StatusChange;
import dk.rampe.schedule.WorkingCalendar;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.settings.Channel;
import dk.rampe.settings.InMemorySettingsStore;
import dk.rampe.settings.Settings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Steps dated when they happened: a referral received before Rampe was used, its visitation, enrolment, milestones
 * and exit, each on its own day, checked against the programme's intake and the order of the path, and each
 * keeping when and by whom it was recorded.
 */
class DatedStepsTest {
    private static final ZoneId CPH = WorkingDays.ZONE;
    private static final Caller AARHUS = Caller.jobcentre("jc-aarhus");
    private static final Caller KIM = Caller.staff("c1");
    private static final Instant NOW = LocalDate.of(2026, 12, 7).atTime(10, 0).atZone(CPH).toInstant();

    private final PathLifecycleTest.MutableClock clock = new PathLifecycleTest.MutableClock(NOW);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryReferralStore referralStore = new InMemoryReferralStore(audit);
    private final InMemorySettingsStore settings = new InMemorySettingsStore(new Settings(List.of(
            new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30),
                    List.of(new Settings.Partner("jc-aarhus", 50, "c1")),
                    List.of(new Settings.Consultant("c1", "Kim Konsulent",
                            EmailAddress.parse("kim@example.dk").orElseThrow(),
                            PhoneNumber.parse("22 34 56 78").orElseThrow(), Channel.BOTH, Language.DA)),
                    List.of())), List.of()));
    private final ReferralService referrals = new ReferralService(referralStore, settings, audit, clock, CPH,
            new CitizenMatchKey("test-pepper-0123456789abcdef".getBytes(StandardCharsets.UTF_8)), Duration.ofDays(365));
    private final InMemoryDueWork dueWork = new InMemoryDueWork();
    private final InMemoryPathStore pathStore = new InMemoryPathStore(dueWork,
            new dk.rampe.attendance.InMemoryAttendanceStore());
    private final PathService paths = new PathService(pathStore, referrals, dueWork,
            new WorkingCalendar(new TestHolidays(), settings::current), clock, Duration.ofDays(365));
    private final ParticipantExit exit = new ParticipantExit(referrals, paths,
            new ExitNotice(new dk.rampe.followup.InMemoryOutbox(new dk.rampe.followup.InMemoryFollowUpStore(audit)),
                    "https://rampe.example"), clock);

    private static ReferralDetails details(String cpr, String reference) {
        return new ReferralDetails("p1", reference,
                new Citizen(Cpr.stored(cpr), "Søren Østergård", PhoneNumber.parse("22 34 56 78").orElseThrow(), null),
                Benefit.KONTANTHJAELP, new Caseworker("Sag Behandler",
                EmailAddress.parse("sag@jobcenter.dk").orElseThrow(), null), List.of("lager"), "", "", "",
                List.of(), false, null);
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static FieldError refused(Runnable r) {
        ValidationException e = assertThrows(ValidationException.class, r::run);
        assertEquals(1, e.errors().size());
        return e.errors().get(0);
    }

    private String enrolledInMarch() {
        String id = referrals.submit(AARHUS, details("0101901234", "AAR-1"), null, d("2026-03-02")).answer().referralId();
        referrals.recordVisitation(KIM, id, ReferralService.VisitationDecision.ACCEPTED, null, null, d("2026-03-05"));
        Referral r = referrals.enrol(KIM, id, d("2026-03-09"));
        paths.statusChanged(r, MilestoneType.ENROLLED, KIM.id(), null);
        return id;
    }

    private Milestone record(String id, MilestoneType type, String on) {
        return paths.record(KIM, id, new PathService.NewMilestone(type, d(on), null,
                type == MilestoneType.JOB_STARTED ? "Lager A/S" : null,
                type == MilestoneType.JOB_STARTED ? JobKind.ORDINARY : null,
                type == MilestoneType.JOB_STARTED ? new BigDecimal("15") : null, null, null, null));
    }

    @Test
    void eachStepKeepsTheDayItHappenedAndWhenAndByWhomItWasRecorded() {
        String id = enrolledInMarch();
        Referral r = referralStore.find(id).orElseThrow();
        assertEquals(LocalDate.of(2026, 3, 2).atTime(12, 0).atZone(CPH).toInstant(), r.createdAt(),
                "received on its own day (at noon), even though intake has stopped since");
        assertEquals(NOW, r.recordedAt());
        List<StatusChange> h = r.history();
        assertEquals(List.of(ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED, ReferralStatus.ENROLLED),
                h.stream().map(StatusChange::status).toList());
        assertEquals(List.of(d("2026-03-02"), d("2026-03-05"), d("2026-03-09")),
                h.stream().map(c -> c.at().atZone(CPH).toLocalDate()).toList());
        assertEquals(List.of(NOW, NOW, NOW), h.stream().map(StatusChange::recordedAt).toList());
        assertEquals(List.of("jc-aarhus", "c1", "c1"), h.stream().map(StatusChange::actor).toList());
        Milestone enrolled = paths.path(id).records().get(0);
        assertEquals(d("2026-03-09"), enrolled.effectiveOn());
        assertEquals(NOW, enrolled.recordedAt());
        // the referral was dated in March, so a job started in May may be recorded now
        Milestone job = record(id, MilestoneType.JOB_STARTED, "2026-05-04");
        assertEquals(d("2026-05-04"), job.effectiveOn());
        // and it is not known before it was recorded: the report as of November sees March's steps only if recorded
        assertEquals(List.of(), r.asOf(NOW).history(), "nothing was recorded before now");
        assertEquals(3, r.asOf(NOW.plusSeconds(1)).history().size());
    }

    @Test
    void aStepWithoutADateTakesEffectNowAsBefore() {
        clock.set(LocalDate.of(2026, 11, 20).atTime(9, 0).atZone(CPH).toInstant());
        String id = referrals.submit(AARHUS, details("0101901234", "AAR-1"), null).answer().referralId();
        Referral r = referrals.recordVisitation(KIM, id, ReferralService.VisitationDecision.ACCEPTED, null);
        assertEquals(clock.instant(), r.createdAt());
        assertEquals(clock.instant(), r.history().get(1).at());
        assertEquals(clock.instant(), r.history().get(1).recordedAt());
    }

    @Test
    void aReceivedDateOutsideTheProgrammesIntakeOrInTheFutureIsRefusedOnItsField() {
        FieldError before = refused(() -> referrals.submit(AARHUS, details("0101901234", "AAR-1"), null, d("2025-12-31")));
        assertEquals("receivedAt", before.field());
        assertEquals("date.range", before.code());
        assertEquals(List.of(d("2026-01-01"), d("2026-11-30")), List.of(before.args()),
                "from intake opening to its stop (before today)");
        FieldError after = refused(() -> referrals.submit(AARHUS, details("0101901234", "AAR-1"), null, d("2026-12-01")));
        assertEquals("receivedAt", after.field());
        FieldError future = refused(() -> referrals.submit(AARHUS, details("0101901234", "AAR-1"), null, d("2026-12-08")));
        assertEquals("date.range", future.code());
        assertEquals(0, referralStore.intakeCount("p1", "jc-aarhus"), "nothing written");
    }

    @Test
    void aStepBeforeThePreviousOneOrInTheFutureIsRefusedNamingTheFieldAndTheRule() {
        String id = referrals.submit(AARHUS, details("0101901234", "AAR-1"), null, d("2026-03-02")).answer().referralId();
        FieldError early = refused(() -> referrals.recordVisitation(KIM, id, ReferralService.VisitationDecision.ACCEPTED,
                null, null, d("2026-03-01")));
        assertEquals(new FieldError("decidedOn", "date.range", d("2026-03-02"), d("2026-12-07")), early);
        FieldError tomorrow = refused(() -> referrals.recordVisitation(KIM, id, ReferralService.VisitationDecision.ACCEPTED,
                null, null, d("2026-12-08")));
        assertEquals("decidedOn", tomorrow.field());
        referrals.recordVisitation(KIM, id, ReferralService.VisitationDecision.ACCEPTED, null, null, d("2026-03-05"));
        FieldError start = refused(() -> referrals.enrol(KIM, id, d("2026-03-04")));
        assertEquals(new FieldError("startedOn", "date.range", d("2026-03-05"), d("2026-12-07")), start);
        Referral r = referrals.enrol(KIM, id, d("2026-03-05"));
        paths.statusChanged(r, MilestoneType.ENROLLED, KIM.id(), null);
        FieldError milestone = assertThrows(ValidationException.class,
                () -> record(id, MilestoneType.JOB_STARTED, "2026-03-01")).errors().get(0);
        assertEquals(new FieldError("effectiveOn", "date.range", d("2026-03-02"), d("2026-12-07")), milestone);
    }

    @Test
    void anExitDatedBeforeThePathsLatestStepIsRefusedAndOneAfterItEndsThePathOnItsDay() {
        String id = enrolledInMarch();
        record(id, MilestoneType.JOB_STARTED, "2026-05-04");
        FieldError early = refused(() -> exit.exit(KIM, new ParticipantExit.Command(id, ExitOutcome.ORDINARY_JOB, null,
                null, d("2026-05-01"))));
        assertEquals(new FieldError("exitedOn", "date.range", d("2026-05-04"), d("2026-12-07")), early);
        assertEquals(ReferralStatus.ENROLLED, referralStore.find(id).orElseThrow().status(), "nothing written");
        Referral left = exit.exit(KIM, new ParticipantExit.Command(id, ExitOutcome.ORDINARY_JOB, null, null,
                d("2026-06-30")));
        StatusChange exited = left.history().get(left.history().size() - 1);
        assertEquals(d("2026-06-30"), exited.at().atZone(CPH).toLocalDate());
        assertEquals(NOW, exited.recordedAt());
        Path.Step last = paths.path(id).steps().get(paths.path(id).steps().size() - 1);
        assertEquals(MilestoneType.EXITED, last.type());
        assertEquals(d("2026-06-30"), last.current().effectiveOn());
        assertNull(last.current().corrects());
    }

    // --- the import of a programme's history -------------------------------------------------------------

    private final HistoryImport imports = new HistoryImport(referrals, paths, exit, settings::current, audit, clock);
    private static final Caller ADMIN = Caller.admin("admin");
    private static final String HEADER = "Program;Jobcenter;Sagsnummer;CPR;Navn;Telefon;Ydelse;Sagsbehandler;"
            + "Sagsbehandler e-mail;Konsulent;Modtaget;Visitation;Visiteret;Opstart;Praktikstart;Praktikslut;Jobstart;"
            + "Jobtype;Timer;Afsluttet;Resultat\r\n";
    private static final String ROW_1 = "p1;jc-aarhus;AAR-1;010190-1234;Søren Østergård;22 34 56 78;kontanthjaelp;"
            + "Sag Behandler;sag@jobcenter.dk;c1;02-03-2026;accepted;05-03-2026;09-03-2026;10-03-2026;30-04-2026;"
            + "04-05-2026;ordinary;15,5;30-06-2026;ordinary_job\r\n";
    private static final String ROW_2 = "p1;jc-aarhus;AAR-2;020285-1234;Anna Berg;22 34 56 79;kontanthjaelp;"
            + "Sag Behandler;sag@jobcenter.dk;;2026-04-01;accepted;2026-04-02;2026-04-06;;;;;;;\r\n";
    private static final String ROW_3 = "p1;jc-aarhus;AAR-3;030375-1234;Bo Berg;22 34 56 80;kontanthjaelp;"
            + "Sag Behandler;sag@jobcenter.dk;;2026-05-01;declined;2026-05-04;;;;;;;;\r\n";

    private static byte[] windows1252(String s) {
        return s.getBytes(java.nio.charset.Charset.forName("windows-1252"));
    }

    @Test
    void aFileWithErrorsGetsEveryErrorByRowColumnAndRuleAndWritesNothing() {
        String bad = "p1;jc-aarhus;AAR-2;020285-12;Anna Berg;22 34 56 79;kontanthjaelp;Sag Behandler;sag@jobcenter.dk;;"
                + "2026-04-01;accepted;2026-03-30;2026-04-06;;;2026-05-01;;;;\r\n";
        HistoryImport.Result r = imports.run(ADMIN, windows1252(HEADER + ROW_1 + bad + ROW_3), true);
        assertEquals(false, r.committed());
        assertEquals(3, r.rows());
        assertEquals(List.of(
                new HistoryImport.RowError(2, "cpr", "cpr.format", List.of()),
                new HistoryImport.RowError(2, "decidedOn", "date.range", List.of(d("2026-04-01"), d("2026-12-07"))),
                new HistoryImport.RowError(2, "jobKind", "required", List.of())), r.errors());
        assertEquals(0, referralStore.intakeCount("p1", "jc-aarhus"), "nothing written");
        assertEquals(false, r.errors().toString().contains("020285"), "no CPR number in the answer");
    }

    @Test
    void aCommittedImportWritesEachStepOnItsDayAndAReUploadChangesNothing() {
        byte[] file = ("\uFEFF" + HEADER + ROW_1 + ROW_2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HistoryImport.Result dry = imports.run(ADMIN, file, false);
        assertEquals(List.of(), dry.errors());
        assertEquals(2, dry.added(), "would add two");
        assertEquals(0, referralStore.intakeCount("p1", "jc-aarhus"), "a dry run writes nothing");

        HistoryImport.Result first = imports.run(ADMIN, file, true);
        assertEquals(List.of(), first.errors());
        assertEquals(2, first.added());
        Referral søren = referralStore.find(first.addedReferralIds().get(0)).orElseThrow();
        assertEquals(ReferralStatus.EXITED, søren.status());
        assertEquals(List.of(d("2026-03-02"), d("2026-03-05"), d("2026-03-09"), d("2026-06-30")),
                søren.history().stream().map(c -> c.at().atZone(CPH).toLocalDate()).toList());
        assertEquals(List.of(MilestoneType.ENROLLED, MilestoneType.INTERNSHIP_STARTED, MilestoneType.INTERNSHIP_ENDED,
                MilestoneType.JOB_STARTED, MilestoneType.EXITED),
                paths.path(søren.id()).steps().stream().map(Path.Step::type).toList());
        assertEquals(0, new BigDecimal("15.5").compareTo(paths.path(søren.id()).steps().get(3).current().hoursPerWeek()));

        // the same file again: nothing changes; with a third row fixed and added: only that one is added
        HistoryImport.Result again = imports.run(ADMIN, file, true);
        assertEquals(0, again.added());
        assertEquals(2, again.unchanged());
        // the preview tells the rows already in Rampe (by jobcentre and reference) from the new one
        HistoryImport.Result preview = imports.run(ADMIN, windows1252(HEADER + ROW_1 + ROW_2 + ROW_3), false);
        assertEquals(List.of(), preview.errors());
        assertEquals(1, preview.added());
        assertEquals(2, preview.present());
        // a row under a reference already used for another referral is an error before anything is written
        HistoryImport.Result other = imports.run(ADMIN, windows1252(HEADER + ROW_2.replace("Anna Berg", "Anne Berg")
                + ROW_3), true);
        assertEquals(List.of(new HistoryImport.RowError(1, "jobcentreReference", "import.otherReferral", List.of())),
                other.errors());
        assertEquals(2, referralStore.intakeCount("p1", "jc-aarhus"), "nothing written");
        HistoryImport.Result third = imports.run(ADMIN, (HEADER + ROW_1 + ROW_2 + ROW_3)
                .replace(";", ",").replace(",15,5,", ",\"15,5\",").getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
        assertEquals(List.of(), third.errors(), "commas between columns read as well (a quoted decimal comma)");
        assertEquals(1, third.added());
        assertEquals(2, third.unchanged());
        assertEquals(3, referralStore.intakeCount("p1", "jc-aarhus"));
        assertEquals(5, paths.path(søren.id()).records().size(), "no step written twice");
    }

    @Test
    void onlyAnAdministratorImportsAndEnglishColumnNamesAreReadToo() {
        assertThrows(dk.rampe.core.DomainException.class, () -> imports.run(KIM, new byte[0], false));
        String english = "programmeId,jobcentreId,jobcentreReference,cpr,name,phone,benefit,caseworkerName,"
                + "caseworkerEmail,receivedAt,shoeSize\n"
                + "p1,jc-aarhus,AAR-7,0101901234,Søren,22345678,kontanthjaelp,Sag,sag@jobcenter.dk,2026-02-02,42\n";
        HistoryImport.Result r = imports.run(ADMIN, english.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
        assertEquals(List.of(new HistoryImport.RowError(0, "shoeSize", "import.unknownColumn", List.of())), r.errors());
    }
}
