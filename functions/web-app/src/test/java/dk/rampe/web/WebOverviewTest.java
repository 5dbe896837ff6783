package dk.rampe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.dynamodb.DynamoOutbox;
import dk.rampe.dynamodb.DynamoPathStore;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.path.JobKind;
import dk.rampe.path.Milestone;
import dk.rampe.path.MilestoneType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The project owner's overview beyond intake and attendance, against DynamoDB Local: this month's
 * aftercare so far as the monthly report counts it (an aftercare call due on Friday 20 November,
 * not closed), and the programme's nudges that could not be sent, by consultant and channel, never
 * their text. Monday 23 November 2026.
 */
class WebOverviewTest {
    private static final Pattern REFERRAL_LOCATION = Pattern.compile("^/app/referrals/(R[0-9A-Z]{12})\\?done=sent$");

    private final WebFixture f = new WebFixture();

    private String enrolled() {
        WebFixture.Browser caseworker = f.browser();
        caseworker.login("local-jobcenter-aarhus");
        WebFixture.Page form = caseworker.get("/app/referrals/new");
        Matcher m = REFERRAL_LOCATION.matcher(caseworker.post("/app/referrals",
                WebFixture.referralForm(form.csrf(), form.formId(), "AAR-OV-1", "010190-1234")).location());
        assertTrue(m.matches());
        String id = m.group(1);
        WebFixture.Browser anna = f.browser();
        anna.login("local-consultant-anna");
        Map<String, String> csrf = new HashMap<>(Map.of("csrf", anna.get("/app/referrals/" + id).csrf()));
        csrf.put("decision", "accepted");
        assertEquals(303, anna.post("/app/referrals/" + id + "/visitation", csrf).status());
        assertEquals(303, anna.post("/app/referrals/" + id + "/enrolment", Map.of("csrf", csrf.get("csrf"))).status());
        return id;
    }

    @Test
    void theOwnerSeesThisMonthsAftercareAndTheNudgesThatFailed() {
        String id = enrolled();
        // a job that started on 20 August (recorded as a data migration would: straight into the store)
        new DynamoPathStore(f.dynamo, f.config.table()).add(new Milestone("M0000000000J1", id, MilestoneType.JOB_STARTED,
                LocalDate.of(2026, 8, 20), "c-anna", f.clock.instant(), null, "Lageret", JobKind.ORDINARY,
                new BigDecimal("20"), null, null, null));
        f.clock.advance(Duration.ofSeconds(1));
        // a nudge to Anna's phone that failed for good
        DynamoOutbox outbox = new DynamoOutbox(f.dynamo, f.config.table());
        OutboxMessage m = OutboxMessage.pending("test|failed|sms", "T000000000000", "rampe-oestjylland",
                MessageChannel.SMS, "+4520000001", null, "Opfølgning: se https://x.example/f/abc", null, false,
                f.clock.instant(), f.clock.instant());
        assertTrue(outbox.enqueue(m));
        Instant now = f.clock.instant();
        assertEquals(dk.rampe.followup.Outbox.ClaimResult.CLAIMED, outbox.claim(outbox.find(m.messageId()).orElseThrow(),
                "claim-1", now, now.plusSeconds(60)));
        assertTrue(outbox.markFailed(m.messageId(), "claim-1", "rejected", now));

        WebFixture.Browser dorthe = f.browser();
        dorthe.login("local-owner-dorthe");
        WebFixture.Page overview = dorthe.get("/app/overview");
        assertEquals(200, overview.status());
        String body = overview.body();
        int aftercare = body.indexOf("id=\"aftercare-month\"");
        assertTrue(aftercare > 0, body);
        String section = body.substring(aftercare, body.indexOf("</dl>", aftercare));
        assertTrue(section.contains("data-figure=\"due\">1<"), section);
        assertTrue(section.contains("data-figure=\"open\">1<"), section);
        assertTrue(section.contains("data-figure=\"onTime\">0<"), section);
        assertTrue(body.contains("data-failed=\"1\""), body);
        assertTrue(body.contains("data-message=\"" + m.messageId() + "\""));
        assertTrue(body.contains("Anna Højgaard"), "whom the failed nudge was for");
        assertFalse(body.contains("x.example/f/abc"), "never the message's text or link");
        assertFalse(body.contains("data-later=\"aftercare\"") || body.contains("data-later=\"nudgesFailed\""));

        WebFixture.Browser anna = f.browser();
        anna.login("local-consultant-anna");
        assertEquals(403, anna.get("/app/overview").status(), "a consultant is not an owner");
    }
}
