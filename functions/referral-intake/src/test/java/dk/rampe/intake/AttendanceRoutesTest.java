package dk.rampe.intake;

import static dk.rampe.intake.IntakeFixture.AARHUS;
import static dk.rampe.intake.IntakeFixture.ANNA;
import static dk.rampe.intake.IntakeFixture.ODDER;
import static dk.rampe.intake.IntakeFixture.call;
import static dk.rampe.intake.IntakeFixture.json;
import static dk.rampe.intake.IntakeFixture.post;
import static dk.rampe.intake.IntakeFixture.referral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The attendance routes: hostile input is a 400 naming the field with nothing written; tenants stay apart. */
class AttendanceRoutesTest extends IntakeRouteTest {
    private String received() {
        APIGatewayV2HTTPResponse r = f.handle(post(referral(), AARHUS));
        assertEquals(201, r.getStatusCode(), r.getBody());
        return json(r).get("referralId").asText();
    }

    /** The sample referral, accepted and enrolled (attendance is kept for participants only). */
    private String submitSample() {
        String id = received();
        assertEquals(200, f.handle(call("POST", "/v1/referrals/{referralId}/visitation", id,
                "{\"decision\":\"accepted\"}", ANNA)).getStatusCode());
        assertEquals(200, f.handle(call("POST", "/v1/referrals/{referralId}/enrolment", id, "{}", ANNA)).getStatusCode());
        return id;
    }

    @Test
    void attendanceIsKeptForAnEnrolledParticipantOnDaysThatMakeSense() {
        String waiting = received();
        for (String[] c : new String[][] {
                {"PUT", "/attendance-plan", "{\"steps\":[{\"validFrom\":\"2026-11-23\",\"weekdays\":[\"monday\"],"
                        + "\"start\":\"09:00\",\"minutesPerDay\":240}]}"},
                {"POST", "/attendance-agreements", "{\"date\":\"2026-11-24\",\"dayOff\":true}"},
                {"POST", "/attendance", "{\"date\":\"2026-11-23\",\"status\":\"absent\"}"}}) {
            APIGatewayV2HTTPResponse r = f.handle(call(c[0], "/v1/referrals/{referralId}" + c[1], waiting, c[2], ANNA));
            assertEquals(409, r.getStatusCode(), c[1] + " " + r.getBody());
            assertEquals("attendance.notEnrolled", json(r).get("code").asText());
        }
        String id = submitSample();
        String today = f.clock.instant().atZone(java.time.ZoneId.of("Europe/Copenhagen")).toLocalDate().toString();
        String nextWeek = java.time.LocalDate.parse(today).plusDays(7).toString();
        String beforeReferral = java.time.LocalDate.parse(today).minusDays(1).toString();
        for (String[] c : new String[][] {
                {"POST", "/attendance", "{\"date\":\"" + nextWeek + "\",\"status\":\"present\"}", "date"},
                {"POST", "/attendance", "{\"date\":\"" + beforeReferral + "\",\"status\":\"absent\"}", "date"},
                {"PUT", "/attendance-plan", "{\"steps\":[{\"validFrom\":\"2020-01-06\",\"weekdays\":[\"monday\"],"
                        + "\"start\":\"09:00\",\"minutesPerDay\":240}]}", "validFrom"},
                {"POST", "/attendance-agreements", "{\"date\":\"" + beforeReferral + "\",\"dayOff\":true}", "date"}}) {
            APIGatewayV2HTTPResponse r = f.handle(call(c[0], "/v1/referrals/{referralId}" + c[1], id, c[2], ANNA));
            assertEquals(400, r.getStatusCode(), c[2] + " " + r.getBody());
            assertTrue(json(r).get("errors").get(0).get("field").asText().endsWith(c[3]), r.getBody());
            assertEquals("date.range", json(r).get("errors").get(0).get("code").asText(), r.getBody());
        }
        JsonNode a = attendance(id);
        assertEquals(0, a.get("registrations").size(), "nothing was registered");
        assertEquals(201, f.handle(call("POST", "/v1/referrals/{referralId}/attendance", id,
                "{\"date\":\"" + today + "\",\"status\":\"present\"}", ANNA)).getStatusCode());
    }

    private JsonNode attendance(String id) {
        return json(f.handle(call("GET", "/v1/referrals/{referralId}", id, null, ANNA))).get("attendance");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PUT|/attendance-plan|{}|steps|required",
            "PUT|/attendance-plan|{\"steps\":{}}|steps|type.array",
            "PUT|/attendance-plan|{\"steps\":[{\"validFrom\":\"2026-11-23\",\"weekdays\":[\"monday\"],\"start\":\"25:00\",\"minutesPerDay\":240}]}|steps[0].start|time.invalid",
            "PUT|/attendance-plan|{\"steps\":[{\"validFrom\":\"2026-11-23\",\"weekdays\":[\"saturday\"],\"start\":\"09:00\",\"minutesPerDay\":240}]}|steps[0].weekdays[0]|weekdays.weekend",
            "PUT|/attendance-plan|{\"steps\":[{\"validFrom\":\"2026-11-23\",\"weekdays\":[\"monday\",\"monday\"],\"start\":\"09:00\",\"minutesPerDay\":240}]}|steps[0].weekdays[1]|weekdays.duplicate",
            "PUT|/attendance-plan|{\"steps\":[{\"validFrom\":\"2026-11-23\",\"weekdays\":[\"monday\"],\"start\":\"09:00\",\"minutesPerDay\":0}]}|steps[0].minutesPerDay|range",
            "PUT|/attendance-plan|{\"steps\":[{\"validFrom\":\"+999999999-12-31\",\"weekdays\":[\"monday\"],\"start\":\"09:00\",\"minutesPerDay\":60}]}|steps[0].validFrom|tooLong",
            "PUT|/attendance-plan|{\"steps\":[{\"validFrom\":\"2026-11-23\",\"weekdays\":[\"monday\"],\"start\":\"09:00\",\"minutesPerDay\":60,\"cpr\":\"0101901234\"}]}|steps[0].cpr|unknownField",
            "PUT|/attendance-plan|{\"steps\":[{\"validFrom\":\"2026-11-23\",\"weekdays\":[\"monday\"],\"start\":\"09:00\",\"minutesPerDay\":60},{\"validFrom\":\"2026-12-07\",\"weekdays\":[\"friday\"],\"start\":\"09:00\",\"minutesPerDay\":60,\"duringInternship\":\"yes\"}]}|steps[1].duringInternship|type.boolean",
            "POST|/attendance-agreements|{\"date\":\"2026-11-24\",\"start\":\"10:00\"}|minutes|required",
            "POST|/attendance-agreements|{\"date\":\"2026-11-24\",\"dayOff\":true,\"start\":\"10:00\"}|start|unknownField",
            "POST|/attendance-agreements|{\"date\":\"1900-01-01\",\"dayOff\":true}|date|date.range",
            "POST|/attendance|{\"date\":\"2026-11-23\",\"status\":\"gone\"}|status|enum",
            "POST|/attendance|{\"date\":\"2026-11-23\",\"status\":\"late\"}|arrival|required",
            "POST|/attendance|{\"date\":\"2026-11-23\",\"status\":\"excused\"}|reason|required",
            "POST|/attendance|{\"date\":\"2026-11-23\",\"status\":\"excused\",\"reason\":\"hangover\"}|reason|enum",
            "POST|/attendance|{\"date\":\"2026-11-23\",\"status\":\"pre\\tsent\"}|status|controlCharacters",
            "POST|/attendance|{\"date\":\"2026-11-23\",\"status\":\"present\",\"arrival\":\"09:10\"}|arrival|unknownField",
    })
    void hostileInputIsA400NamingTheFieldAndWritesNothing(String method, String path, String body, String field,
                                                          String code) {
        String id = submitSample();
        APIGatewayV2HTTPResponse r = f.handle(call(method, "/v1/referrals/{referralId}" + path, id, body, ANNA));
        assertEquals(400, r.getStatusCode(), r.getBody());
        JsonNode error = json(r).get("errors").get(0);
        assertEquals(field, error.get("field").asText(), r.getBody());
        assertEquals(code, error.get("code").asText(), r.getBody());
        assertFalse(r.getBody().contains("0101901234"));
        JsonNode a = attendance(id);
        assertEquals(0, a.get("planSteps").size());
        assertEquals(0, a.get("agreements").size());
        assertEquals(0, a.get("registrations").size());
    }

    @Test
    void anAgreedSessionOnADayWithoutSessionsIsRefusedNamingTheDate() {
        String id = submitSample();
        // Christmas Day (a public holiday), Christmas Eve (a closing day by default) and a Saturday
        for (String date : new String[] {"2026-12-25", "2026-12-24", "2026-11-28"}) {
            APIGatewayV2HTTPResponse r = f.handle(call("POST", "/v1/referrals/{referralId}/attendance-agreements", id,
                    "{\"date\":\"" + date + "\",\"start\":\"10:00\",\"minutes\":120}", ANNA));
            assertEquals(422, r.getStatusCode(), r.getBody());
            assertEquals("attendance.noSessionDay", json(r).get("code").asText(), r.getBody());
            assertEquals("date", json(r).get("errors").get(0).get("field").asText(), r.getBody());
        }
        assertEquals(0, attendance(id).get("agreements").size());
        // a day off on a holiday, and a session on a working day, are accepted
        assertEquals(201, f.handle(call("POST", "/v1/referrals/{referralId}/attendance-agreements", id,
                "{\"date\":\"2026-12-25\",\"dayOff\":true}", ANNA)).getStatusCode());
        assertEquals(201, f.handle(call("POST", "/v1/referrals/{referralId}/attendance-agreements", id,
                "{\"date\":\"2026-12-23\",\"start\":\"10:00\",\"minutes\":120}", ANNA)).getStatusCode());
        assertEquals(2, attendance(id).get("agreements").size());
    }

    @Test
    void aStepUpPlanACorrectionAndTenantsApart() {
        String id = submitSample();
        APIGatewayV2HTTPResponse plan = f.handle(call("PUT", "/v1/referrals/{referralId}/attendance-plan", id,
                "{\"steps\":[{\"validFrom\":\"2026-11-23\",\"weekdays\":[\"monday\",\"tuesday\"],\"start\":\"09:00\","
                        + "\"minutesPerDay\":180},{\"validFrom\":\"2026-12-07\",\"weekdays\":[\"monday\",\"tuesday\","
                        + "\"wednesday\",\"thursday\"],\"start\":\"09:00\",\"minutesPerDay\":240,"
                        + "\"duringInternship\":true}]}", ANNA));
        assertEquals(200, plan.getStatusCode(), plan.getBody());
        assertEquals(201, f.handle(call("POST", "/v1/referrals/{referralId}/attendance", id,
                "{\"date\":\"2026-11-23\",\"status\":\"absent\"}", ANNA)).getStatusCode());
        assertEquals(201, f.handle(call("POST", "/v1/referrals/{referralId}/attendance", id,
                "{\"date\":\"2026-11-23\",\"status\":\"excused\",\"reason\":\"appointment\"}", ANNA)).getStatusCode());
        JsonNode a = attendance(id);
        assertEquals(2, a.get("planSteps").size());
        assertEquals(180, a.get("currentPlan").get("minutesPerDay").asInt());
        assertFalse(a.get("planSteps").get(0).get("duringInternship").asBoolean(), "not given: false");
        assertTrue(a.get("planSteps").get(1).get("duringInternship").asBoolean(), "read back as given");
        assertEquals(2, a.get("registrations").size(), "the correction keeps the history");
        // (the fixture's clock stands still: which of the two counts is decided by recordedAt, see AttendanceRulesTest)
        assertEquals("c-anna", a.get("registrations").get(1).get("recordedBy").asText());

        assertEquals(404, f.handle(call("POST", "/v1/referrals/{referralId}/attendance", id,
                "{\"date\":\"2026-11-23\",\"status\":\"present\"}", ODDER)).getStatusCode());
        assertEquals(404, f.handle(call("GET", "/v1/referrals/{referralId}/notices", id, null, ODDER))
                .getStatusCode());
        APIGatewayV2HTTPResponse notices = f.handle(call("GET", "/v1/referrals/{referralId}/notices", id, null, AARHUS));
        assertEquals(200, notices.getStatusCode(), notices.getBody());
        assertEquals(0, json(notices).get("notices").size());
    }

    /**
     * The caseworker's notice follows the day's latest registration: an absence reported in a notice and corrected
     * to "excused" shows as corrected (who, when) in GET …/notices, and the caseworker gets one neutral email with a
     * link to the web app's page; a repeat of the correction sends nothing more.
     */
    @Test
    void aCorrectedAbsenceShowsInTheNoticeAndTellsTheCaseworkerOnce() {
        String id = submitSample();
        assertEquals(200, f.handle(call("PUT", "/v1/referrals/{referralId}/attendance-plan", id,
                "{\"steps\":[{\"validFrom\":\"2026-11-23\",\"weekdays\":[\"monday\"],\"start\":\"09:00\","
                        + "\"minutesPerDay\":180}]}", ANNA)).getStatusCode());
        // 10:00 in Aarhus, past the 09:30 cutoff: "present", then corrected to "absent" reports it (kontanthjælp)
        assertEquals(201, f.handle(call("POST", "/v1/referrals/{referralId}/attendance", id,
                "{\"date\":\"2026-11-23\",\"status\":\"present\"}", ANNA)).getStatusCode());
        f.clock.advance(java.time.Duration.ofMinutes(5));
        assertEquals(201, f.handle(call("POST", "/v1/referrals/{referralId}/attendance", id,
                "{\"date\":\"2026-11-23\",\"status\":\"absent\"}", ANNA)).getStatusCode());
        JsonNode reported = json(f.handle(call("GET", "/v1/referrals/{referralId}/notices", id, null, AARHUS)))
                .get("notices");
        assertEquals(1, reported.size(), "the unexcused absence reaches the caseworker");
        assertFalse(reported.get(0).get("corrected").asBoolean());
        assertFalse(reported.get(0).has("correction"));

        f.clock.advance(java.time.Duration.ofMinutes(10));
        APIGatewayV2HTTPResponse excused = f.handle(call("POST", "/v1/referrals/{referralId}/attendance", id,
                "{\"date\":\"2026-11-23\",\"status\":\"excused\",\"reason\":\"sick\"}", ANNA));
        assertEquals(201, excused.getStatusCode(), excused.getBody());
        String registrationId = json(excused).get("registrationId").asText();
        // a repeat of the same correction (a double tap) is one intent: nothing more
        f.handle(call("POST", "/v1/referrals/{referralId}/attendance", id,
                "{\"date\":\"2026-11-23\",\"status\":\"excused\",\"reason\":\"sick\"}", ANNA));

        JsonNode notice = json(f.handle(call("GET", "/v1/referrals/{referralId}/notices", id, null, AARHUS)))
                .get("notices").get(0);
        assertTrue(notice.get("corrected").asBoolean(), notice.toString());
        assertEquals("excused", notice.get("correction").get("status").asText());
        assertEquals("c-anna", notice.get("correction").get("correctedBy").asText());
        assertEquals(f.clock.instant().toString(), notice.get("correction").get("correctedAt").asText());
        assertFalse(notice.toString().contains("sick"), "the reason (a health fact) is not in the notice");

        String noticeId = notice.get("noticeId").asText();
        dk.rampe.dynamodb.DynamoOutbox outbox = new dk.rampe.dynamodb.DynamoOutbox(f.dynamo, f.config.table());
        dk.rampe.followup.OutboxMessage email = outbox.find(dk.rampe.followup.Ids.messageId(
                "notice|" + noticeId + "|corrected|" + registrationId + "|email")).orElseThrow();
        assertEquals("birthe.aagaard@jobcenter.example", email.recipient());
        assertTrue(email.text().contains("/app/referrals/" + id), email.text());
        assertTrue(email.text().contains("rettet"), email.text());
        for (String personal : new String[] {"Syg", "syg", "sick", "kontanthj", "Birthe", "0101"}) {
            assertFalse((email.subject() + email.text() + email.html()).contains(personal), "neutral: " + personal);
        }

        // absent again: the notice stands again, and no second correction email for the same registration
        f.clock.advance(java.time.Duration.ofMinutes(10));
        assertEquals(201, f.handle(call("POST", "/v1/referrals/{referralId}/attendance", id,
                "{\"date\":\"2026-11-23\",\"status\":\"absent\"}", ANNA)).getStatusCode());
        JsonNode stands = json(f.handle(call("GET", "/v1/referrals/{referralId}/notices", id, null, AARHUS)))
                .get("notices");
        assertEquals(1, stands.size(), "still one notice for the day");
        assertFalse(stands.get(0).get("corrected").asBoolean());
    }
}
