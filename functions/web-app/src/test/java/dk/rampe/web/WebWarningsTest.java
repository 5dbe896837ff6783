package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.Registration;
import dk.rampe.audit.AuditEntry;
import dk.rampe.dynamodb.DynamoAttendanceStore;
import dk.rampe.dynamodb.DynamoAuditLog;
import dk.rampe.dynamodb.DynamoFollowUpStore;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpStore;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.schedule.WorkingDays;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The early warning in the web app, against DynamoDB Local: a participant of Anna's, enrolled in
 * September and present every weekday since, absent on Friday 20 November; the detection's
 * {@code attention_due} follow-up that afternoon. On Monday 23 November Anna's "Mine deltagere" opens with
 * the participant, why in plain words and the last four weeks day by day; the owner's overview counts the
 * warning, and once Anna has acted (the next working day), counts it as acted on within two working days.
 */
class WebWarningsTest {
    private static final Pattern DAY = Pattern.compile("<li class=\"([a-z]+)\" data-date=\"([0-9-]+)\" title=\"([^\"]*)\">"
            + "<span aria-hidden=\"true\">([^<]*)</span><span class=\"vh\">([^<]*)</span></li>");

    private final WebFixture f = new WebFixture();

    private static Instant local(String t) {
        return LocalDateTime.parse(t).atZone(WorkingDays.ZONE).toInstant();
    }

    /** The participant warned, its open follow-up and the store it is in. */
    record Warned(String id, FollowUpTask task, DynamoFollowUpStore tasks) {
    }

    /**
     * Sent, accepted and enrolled by Anna on 1 September, present every weekday from the 2nd and absent on Friday
     * 20 November; the {@code attention_due} follow-up created that afternoon; the clock on Monday 23 November, 09:00.
     */
    static Warned warned(WebFixture f) {
        f.clock.set(local("2026-09-01T09:00"));
        String id = f.browser().sendReferral("AAR-WARN-1", "010190-1234");
        WebFixture.Browser anna = f.browser();
        anna.login("local-consultant-anna");
        assertEquals(303, anna.postOnReferral(id, "visitation", Map.of("decision", "accepted")).status());
        assertEquals(303, anna.postOnReferral(id, "enrolment", Map.of()).status());
        DynamoAttendanceStore attendance = new DynamoAttendanceStore(f.dynamo, f.config.table());
        attendance.putPlan(id, new AttendancePlan(LocalDate.of(2026, 9, 2), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), 240, "c-anna", local("2026-09-01T12:00"), true));
        LocalDate absent = LocalDate.of(2026, 11, 20);
        for (LocalDate d = LocalDate.of(2026, 9, 2); !d.isAfter(absent); d = d.plusDays(1)) {
            if (WorkingDays.isWeekend(d)) continue;
            Registration.Status s = d.equals(absent) ? Registration.Status.ABSENT : Registration.Status.PRESENT;
            assertTrue(attendance.addRegistration(id, new Registration("G" + d, d, s, null, null, "c-anna",
                    local(d + "T10:00"), false, false)));
        }
        DynamoAuditLog audit = new DynamoAuditLog(f.dynamo, f.config.auditTable(), f.config.auditRetention());
        DynamoFollowUpStore tasks = new DynamoFollowUpStore(f.dynamo, f.config.table(), audit);
        Instant warned = local("2026-11-20T16:00");
        // the warning as the detection stores it, with its reason, and its follow-up by its derived id
        dk.rampe.attendance.Warning started = dk.rampe.attendance.Warning.of(id, absent,
                List.of(new dk.rampe.attendance.EarlyWarning.Signal("absence_after_stable_run", List.of(29))), warned);
        f.dynamo.putItem(b -> b.tableName(f.config.table()).item(DynamoAttendanceStore.warningItem(started)));
        FollowUpTask task = FollowUpTask.open(started.followUpTaskId("rampe-oestjylland"), FollowUpKind.ATTENTION_DUE, id, "c-anna",
                "rampe-oestjylland", local("2026-11-24T16:00"), warned);
        assertInstanceOf(FollowUpStore.Created.class, tasks.create(task, List.of(),
                new AuditEntry("followUp:" + task.taskId(), "system", "followUp.created", warned)));
        f.clock.set(local("2026-11-23T09:00"));
        return new Warned(id, task, tasks);
    }

    @Test
    void theReasonShownIsTheOneStoredWhenTheWarningStartedUnderTheProgrammesThresholds() {
        Warned seeded = warned(f);
        // the detection, under the programme's own thresholds, stored why it warned: later arrivals
        dk.rampe.attendance.Warning stored = dk.rampe.attendance.Warning.of(seeded.id(), LocalDate.of(2026, 11, 20),
                List.of(new dk.rampe.attendance.EarlyWarning.Signal("arrivals_later", List.of(3, 5, 14, 0, 20))),
                local("2026-11-20T16:00"));
        f.dynamo.putItem(b -> b.tableName(f.config.table()).item(DynamoAttendanceStore.warningItem(stored)));
        WebFixture.Browser anna = f.browser();
        anna.login("local-consultant-anna");
        String body = anna.get("/app/participants").body();
        String block = body.substring(body.indexOf("id=\"warnings\""), body.indexOf("</section>", body.indexOf("id=\"warnings\"")));
        assertTrue(block.contains("data-reason=\"arrivals_later\""), block);
        assertTrue(!block.contains("data-reason=\"absence_after_stable_run\""), "not recomputed with the defaults: " + block);
    }

    @Test
    void theWarnedParticipantComesFirstWithItsReasonAndFourWeeksAndTheOwnerCountsIt() {
        Warned seeded = warned(f);
        String id = seeded.id();
        FollowUpTask task = seeded.task();
        DynamoFollowUpStore tasks = seeded.tasks();

        WebFixture.Browser anna = f.browser();
        anna.login("local-consultant-anna");
        String body = anna.get("/app/participants").body();
        int at = body.indexOf("id=\"warnings\"");
        assertTrue(at > 0 && at < body.indexOf("id=\"participants\""), "the warned at the top:\n" + body);
        String block = body.substring(at, body.indexOf("</section>", at));
        assertTrue(block.contains("Se på fremmødet (1)"), block);
        assertTrue(block.contains("data-warning=\"" + id + "\"") && block.contains("Mette Sørensen"), block);
        assertTrue(block.contains("varslet 20. nov. 2026"), block);
        // the reason, in the catalogue's Danish sentence: 29 sessions before it, all attended (the rule reads 30)
        assertTrue(block.contains("data-reason=\"absence_after_stable_run\""), block);
        assertTrue(block.contains("Udeblevet efter 29 fremmøder i træk."), block);
        // the last four weeks, oldest first, each day with a letter and its words (not the colour alone)
        Matcher m = DAY.matcher(block);
        List<String[]> days = new java.util.ArrayList<>();
        while (m.find()) days.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)});
        assertEquals(28, days.size(), block);
        assertEquals("2026-10-27", days.get(0)[1]);
        assertEquals("2026-11-23", days.get(27)[1]);
        String[] friday = days.get(24);
        assertEquals("2026-11-20", friday[1]);
        assertEquals("absent", friday[0]);
        assertEquals("U", friday[3]);
        assertTrue(friday[4].endsWith(": Udeblevet") && friday[4].equals(friday[2]), friday[4]);
        assertEquals("present", days.get(23)[0], "Thursday");
        assertTrue(days.get(23)[4].endsWith(": Mødt"));
        assertEquals("none", days.get(25)[0], "Saturday: nothing planned");
        assertTrue(days.get(25)[4].endsWith(": intet planlagt"));
        assertEquals("open", days.get(27)[0], "today, nothing registered yet");
        assertTrue(block.contains("aria-label=\"De sidste fire uger, dag for dag\""));
        assertTrue(body.contains("M mødt · S for sent"), "the letters explained");

        WebFixture.Browser dorthe = f.browser();
        dorthe.login("local-owner-dorthe");
        String overview = dorthe.get("/app/overview").body();
        int w = overview.indexOf("id=\"warnings-month\"");
        assertTrue(w > 0, overview);
        String figures = overview.substring(w, overview.indexOf("</dl>", w));
        assertTrue(figures.contains("data-figure=\"warnings\">1<"), figures);
        assertTrue(figures.contains("data-figure=\"actedOn\">0<"), figures);

        // Anna talks with the participant on Monday (the first working day after the warning) and closes the task
        assertTrue(tasks.close(task.taskId(), new FollowUpOutcome(true, FollowUpOutcome.Cause.NONE,
                FollowUpOutcome.NextStep.NONE, null), "c-anna", f.clock.instant(),
                new AuditEntry("followUp:" + task.taskId(), "c-anna", "followUp.closed", f.clock.instant())));
        f.clock.advance(Duration.ofMinutes(5));
        overview = dorthe.get("/app/overview").body();
        figures = overview.substring(overview.indexOf("id=\"warnings-month\""));
        assertTrue(figures.contains("data-figure=\"actedOn\">1<"), figures);
        assertFalse(anna.get("/app/participants").body().contains("id=\"warnings\""), "acted on: no longer at the top");
    }
}
