package dk.rampe.followup.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.AttendanceStore;
import dk.rampe.attendance.EarlyWarning;
import dk.rampe.attendance.Registration;
import dk.rampe.attendance.SessionChain;
import dk.rampe.attendance.Warning;
import dk.rampe.dynamodb.DynamoAttendanceStore;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.NudgeService;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The follow-up page of an {@code attention_due} follow-up (an early warning): the warning's reasons in plain
 * Danish, the participant's last four weeks as days, and the same one-post form that closes it.
 */
class AttentionPageTest {
    private static final String R = "R7K2M9Q4X1ZW1";
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private final PageFixture f = new PageFixture("https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com");
    private final DynamoAttendanceStore attendance = new DynamoAttendanceStore(f.dynamo, f.config.table());

    private static Registration reg(String id, LocalDate d, Registration.Status status, LocalTime arrival) {
        return new Registration(id, d, status, arrival, status == Registration.Status.EXCUSED
                ? Registration.Reason.SICK : null, "c1", d.atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Copenhagen"))
                .toInstant(), false, false);
    }

    private String warned() {
        attendance.putPlan(R, new AttendancePlan(MONDAY.minusDays(35), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), 240, "c1", Instant.parse("2026-10-19T07:00:00Z")));
        attendance.addRegistration(R, reg("G1", MONDAY.minusDays(3), Registration.Status.PRESENT, null));
        attendance.addRegistration(R, reg("G2", MONDAY.minusDays(4), Registration.Status.LATE, LocalTime.of(9, 40)));
        attendance.addRegistration(R, reg("G3", MONDAY.minusDays(5), Registration.Status.EXCUSED, null));
        SessionChain chain = SessionChain.of(R, attendance.load(R, MONDAY.minusDays(42), SessionChain.FAR), false,
                MONDAY.minusDays(42)).at(MONDAY, Instant.parse("2026-11-23T08:30:00Z"));
        long stored = attendance.chain(R).orElseThrow().revision();
        Warning w = Warning.of(R, MONDAY.minusDays(3), List.of(
                new EarlyWarning.Signal("attendance_falling", List.of(5, 10, 18, 20)),
                new EarlyWarning.Signal("arrivals_later", List.of(3, 5, 25, 1, 15))), Instant.parse("2026-11-20T08:31:00Z"));
        assertTrue(attendance.writeChain(chain.withRevision(stored + 1), stored, AttendanceStore.With.warning(w)));
        return f.service.create(new NudgeService.NewFollowUp(FollowUpKind.ATTENTION_DUE, "p1", R, "c1",
                Instant.parse("2026-11-20T08:31:00Z"), null, "warning|" + MONDAY.minusDays(3)), "system:absence",
                null, List.of()).task().taskId();
    }

    @Test
    void theWarningsReasonsInPlainDanishAndTheLastFourWeeksAsDaysAboveTheFormThatClosesIt() {
        String taskId = warned();
        String token = f.tokens.issue(taskId, PageFixture.MORNING);
        APIGatewayV2HTTPResponse r = f.handler().handleRequest(FollowUpPageHandlerTest.get(token, null), null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        String html = r.getBody();
        assertTrue(html.contains("<h1>Et forløb at se på</h1>"), html);
        assertTrue(html.contains("<li data-code=\"attendance_falling\">Mødt op 5 af 10 planlagte dage for nylig, mod 18 af "
                + "20 dage før.</li>"), html);
        assertTrue(html.contains("Kom for sent 3 af de seneste 5 fremmøder (i snit 25 min.), mod 1 af 15 før."), html);
        assertTrue(html.contains("data-date=\"2026-11-20\" data-state=\"present\">fredag den 20. november 2026: Til stede"),
                html);
        assertTrue(html.contains("data-date=\"2026-11-19\" data-state=\"late\">torsdag den 19. november 2026: Forsinket, "
                + "ankom kl. 09:40"), html);
        assertTrue(html.contains("data-date=\"2026-11-18\" data-state=\"excused\">onsdag den 18. november 2026: Meldt fra"),
                html);
        assertTrue(html.contains("data-date=\"2026-10-27\" data-state=\"nothing\""), "four weeks back: " + html);
        assertFalse(html.contains("data-date=\"2026-10-25\""), "not before the four weeks, nor a Sunday");
        assertFalse(html.contains("data-date=\"2026-11-22\""), "a weekend without a session is left out");
        String attention = html.substring(html.indexOf("id=\"attention\""), html.indexOf("<form"));
        assertFalse(attention.contains("Syg") || attention.contains("syg"), "no health word in the warning: " + attention);

        Map<String, String> form = new LinkedHashMap<>();
        form.put("task", taskId);
        form.put("reached", "yes");
        form.put("cause", "transport");
        form.put("next", "fewer_hours");
        form.put("note", "");
        APIGatewayV2HTTPResponse posted = f.handler().handleRequest(FollowUpPageHandlerTest.post(token, form), null);
        assertEquals(200, posted.getStatusCode(), posted.getBody());
        assertTrue(posted.getBody().contains("data-status=\"closed\""));
        assertEquals(dk.rampe.followup.FollowUpOutcome.NextStep.FEWER_HOURS,
                f.store.find(taskId).orElseThrow().outcome().nextStep());
    }
}
