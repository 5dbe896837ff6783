package dk.rampe.referral;

import dk.rampe.core.DomainException;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferralStatusTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private static Referral received() {
        ReferralDetails d = new ReferralDetails("p", "ref-1",
                new Citizen(Cpr.parse("0101901234").orElseThrow(), "Søren", PhoneNumber.parse("20123456").orElseThrow(), null),
                Benefit.KONTANTHJAELP, new Caseworker("Birthe", EmailAddress.parse("b@jc.dk").orElseThrow(), null),
                List.of(), null, null, null, List.of(), false, LocalDate.of(2026, 12, 1));
        return Referral.received("R1", "jc", d, "c-anna", false, T0);
    }

    @Test
    void followsThePathFromReferralToExit() {
        Referral r = received()
                .moveTo(ReferralStatus.ACCEPTED, T0.plusSeconds(60), "c-anna", null, null)
                .moveTo(ReferralStatus.ENROLLED, T0.plusSeconds(120), "c-anna", null, null)
                .moveTo(ReferralStatus.EXITED, T0.plusSeconds(180), "c-anna", "job", "ordinary_job");
        assertEquals(ReferralStatus.EXITED, r.status());
        assertEquals(4, r.history().size());
        assertEquals(4, r.version());
        assertFalse(r.status().active());
    }

    @Test
    void refusesToSkipTheVisitation() {
        DomainException e = assertThrows(DomainException.class,
                () -> received().moveTo(ReferralStatus.ENROLLED, T0, "c-anna", null, null));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals("status.transition", e.code());
    }

    @Test
    void declinedAndOutsideTargetGroupAreFinal() {
        for (ReferralStatus end : List.of(ReferralStatus.DECLINED, ReferralStatus.OUTSIDE_TARGET_GROUP, ReferralStatus.EXITED)) {
            assertTrue(end.next().isEmpty(), end.name());
            assertFalse(end.active());
        }
    }

    @Test
    void languageIsDanishUnlessEnglishComesFirst() {
        assertEquals(Language.DA, Language.from(null));
        assertEquals(Language.DA, Language.from("fr-FR, de"));
        assertEquals(Language.EN, Language.from("en-GB,en;q=0.9,da;q=0.8"));
        assertEquals(Language.DA, Language.from("da, en;q=0.5"));
    }
}
