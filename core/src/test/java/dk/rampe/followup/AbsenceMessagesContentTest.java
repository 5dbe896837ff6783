package dk.rampe.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.attendance.AbsenceMessages;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.PhoneNumber;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The absence's extra messages (team lead, participant) pass the same content check as every nudge. */
class AbsenceMessagesContentTest {
    @Test
    void theTeamLeadsEmailAndTheParticipantsSmsAreNeutral() {
        NudgeService.Extra lead = AbsenceMessages.teamLead(EmailAddress.parse("leder@rampe.example").orElseThrow(),
                "R7K2M9Q4X1ZA8", LocalDate.of(2026, 11, 23), "Anna Højgaard", Instant.parse("2026-11-23T10:30:00Z"));
        for (String text : new String[] {lead.subject(), lead.text(), lead.html()}) {
            assertEquals(java.util.List.of(), NudgeContentTest.violations(text), text);
            assertTrue(text.contains("R7K2M9Q4X1ZA8"), "the case reference");
            assertTrue(!text.contains("Højgaard"), "the first name only");
        }
        NudgeService.Extra sms = AbsenceMessages.participant(PhoneNumber.parse("22 34 56 78").orElseThrow(),
                "Anna Højgaard", PhoneNumber.parse("+45 20 00 00 01").orElseThrow(), Instant.EPOCH);
        assertEquals("Vi har ikke set dig i dag — ring til Anna på 20 00 00 01", sms.text());
        assertEquals(java.util.List.of(), NudgeContentTest.violations(sms.text()));
        assertEquals(MessageChannel.SMS, sms.channel());
        assertTrue(!sms.whileOpen(), "the participant's SMS is not held back by the follow-up");
    }
}
