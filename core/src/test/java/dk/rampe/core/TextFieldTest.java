package dk.rampe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one definition of each text field: length, characters and the CPR rule, the same for every door. */
class TextFieldTest {
    /** A CPR-like number with each separator people use, each with a real date. */
    static final List<String> CPR_LIKE = List.of("0101901234", "010190-1234", "010190 1234", "06.03.87-1013",
            "06.03.871013", "060387.1013", "06 03 87 1013", "cpr 311299-4321.");

    @Test
    void cprLikeNumbersAreFoundWithEverySeparatorWhenTheirDateIsReal() {
        for (String s : CPR_LIKE) assertTrue(CprLike.in("ringede om " + s + " i går"), s);
        for (String s : new String[] {"kl. 13", "12345678", "010190123456", "3213901234", "0113901234",
                "tlf. 12 34 56 78", "2026-11-24 kl. 10", "", "310290-1234"}) {
            assertFalse(CprLike.in(s), s);
        }
    }

    @Test
    void everyFieldAPersonWritesAboutAParticipantRefusesACprLikeNumberWithoutEchoingIt() {
        for (TextField f : InputFields.ALL) {
            if (!f.refusesCpr()) continue;
            for (String cpr : CPR_LIKE) {
                FieldError e = f.error(f.name(), "Om borgeren: " + cpr);
                assertEquals(TextField.CPR_NUMBER, e.code(), f + " " + cpr);
                assertEquals(0, e.args().length, "the value is never carried into the error");
            }
        }
    }

    @Test
    void lengthsAreCountedInCharactersAndControlCharactersFollowTheKind() {
        TextField reason = InputFields.VISITATION_REASON;
        assertNull(reason.problem("a".repeat(1000)));
        assertEquals(TextField.TOO_LONG, reason.problem("a".repeat(1001)));
        assertNull(reason.problem("\uD83D\uDE00".repeat(1000)), "an emoji is one character, not two");
        assertNull(reason.problem("to linjer\nog en tab\t"));
        assertEquals(TextField.CONTROL_CHARACTERS, reason.problem("a\u0000b"));
        assertEquals(TextField.CONTROL_CHARACTERS, reason.problem("a\u0085b"));
        assertEquals(TextField.CONTROL_CHARACTERS, InputFields.EMPLOYER.problem("linje\nto"));
        assertEquals(TextField.CONTROL_CHARACTERS, InputFields.EMPLOYER.problem("a\uD800b"));
    }

    @Test
    void aFormValueAndAJsonValueAreReadAlike() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals("a\nb", InputFields.MILESTONE_NOTE.read("note", "  a\r\nb \n", false, errors));
        assertNull(InputFields.MILESTONE_NOTE.read("note", "   ", false, errors));
        assertTrue(errors.isEmpty());
        assertNull(InputFields.MILESTONE_REASON.read("ms.reason", " ", true, errors));
        assertEquals(List.of(new FieldError("ms.reason", "required")).toString(), errors.toString());
    }
}
