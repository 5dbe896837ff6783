package dk.rampe.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.followup.Ids;
import org.junit.jupiter.api.Test;

class DecisionIdsTest {

    @Test
    void theSameDecisionGivesTheSameIdAndAnotherDecisionAnother() {
        String a = DecisionIds.of("A", "aftercare", "p1", "R123", "2027-03-01");
        assertEquals(a, DecisionIds.of("A", "aftercare", "p1", "R123", "2027-03-01"));
        assertNotEquals(a, DecisionIds.of("A", "aftercare", "p1", "R123", "2027-03-02"));
        assertTrue(a.matches("^A[0-9A-HJKMNP-TV-Z]{12}$"), a);
    }

    @Test
    void partsCannotRunIntoEachOther() {
        assertThrows(IllegalArgumentException.class, () -> DecisionIds.of("A", "a|b", "c"));
        assertThrows(IllegalArgumentException.class, () -> DecisionIds.of("A", "a", null));
        assertThrows(IllegalArgumentException.class, () -> DecisionIds.of("A"));
    }

    @Test
    void taskIdsAreDecisionIdsOfTheJoinedDecision() {
        assertEquals(Ids.taskId("absence_today|p1|R1|2026-11-23"),
                DecisionIds.of("T", "absence_today", "p1", "R1", "2026-11-23"));
    }
}
