package dk.rampe.followup.page;

import static dk.rampe.followup.page.FollowUpPageHandlerTest.get;
import static dk.rampe.followup.page.FollowUpPageHandlerTest.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.NudgeService;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page for the path's follow-ups: every new kind opens, the form also asks
 * how it was done, with whom, whether the person is still in the job and the hours, and stores them.
 */
class AftercarePageTest {
    private final PageFixture f = new PageFixture("https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com");

    private String task(FollowUpKind kind) {
        return f.service.create(new NudgeService.NewFollowUp(kind, "p1", "RAFTER0002", "c1",
                PageFixture.MORNING.plusSeconds(3600), null, kind.wireName()), "system:aftercare").task().taskId();
    }

    private static Map<String, String> form(String taskId) {
        Map<String, String> m = new HashMap<>();
        m.put("task", taskId);
        m.put("reached", "yes");
        m.put("cause", "none");
        m.put("next", "none");
        m.put("note", "Talt med begge");
        return m;
    }

    @Test
    void everyKindOfThePathOpensAndOnlyThePathsFollowUpsAskTheAftercareQuestions() {
        for (FollowUpKind kind : FollowUpKind.values()) {
            String id = task(kind);
            APIGatewayV2HTTPResponse r = f.handler().handleRequest(get(f.tokens.issue(id, f.clock.instant()), null), null);
            assertEquals(200, r.getStatusCode(), kind + ": " + r.getBody());
            boolean path = kind == FollowUpKind.AFTERCARE_CALL_DUE || kind == FollowUpKind.WORKPLACE_CHECK_DUE
                    || kind == FollowUpKind.RETENTION_CHECK_DUE || kind == FollowUpKind.OUTCOME_CHECK_DUE
                    || kind == FollowUpKind.JOB_ENDED_CALL_DUE;
            assertEquals(path, r.getBody().contains("name=\"withWhom\""), kind.toString());
        }
    }

    @Test
    void theAftercareOutcomeIsRecorded() {
        String id = task(FollowUpKind.RETENTION_CHECK_DUE);
        Map<String, String> form = form(id);
        form.put("method", "visit");
        form.put("withWhom", "both");
        form.put("stillEmployed", "yes");
        form.put("hours", "17,5");
        APIGatewayV2HTTPResponse r = f.handler().handleRequest(post(f.tokens.issue(id, f.clock.instant()), form), null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        FollowUpTask closed = f.store.find(id).orElseThrow();
        assertEquals(new FollowUpOutcome.Aftercare(FollowUpOutcome.Method.VISIT, FollowUpOutcome.WithWhom.BOTH, true,
                new BigDecimal("17.5")), closed.outcome().aftercare());
    }

    @Test
    void answersOutsideTheOptionsAreShownAgainAndNothingIsStored() {
        for (String[] bad : new String[][] {{"hours", "abc"}, {"hours", "81"}, {"hours", "1e5"}, {"hours", "-1"},
                {"hours", "7.125"}, {"method", "teleport"}, {"withWhom", "cat"}, {"stillEmployed", "maybe"}}) {
            String id = task(FollowUpKind.AFTERCARE_CALL_DUE);
            Map<String, String> form = form(id);
            form.put(bad[0], bad[1]);
            APIGatewayV2HTTPResponse r = f.handler().handleRequest(post(f.tokens.issue(id, f.clock.instant()), form), null);
            assertEquals(400, r.getStatusCode(), bad[0] + "=" + bad[1]);
            assertTrue(f.store.find(id).orElseThrow().isOpen());
            assertFalse(r.getBody().contains("<script"));
        }
    }
}
