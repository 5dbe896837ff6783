package dk.rampe.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.audit.InMemoryAuditLog;
import dk.rampe.core.Caller;
import dk.rampe.core.DomainException;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.Language;
import dk.rampe.core.PhoneNumber;
import dk.rampe.core.ValidationException;
import dk.rampe.settings.Channel;
import dk.rampe.settings.InMemorySettingsStore;
import dk.rampe.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Intake and the referral's path on the in-memory ports (no database): idempotent intake, quota,
 * one active referral per citizen, tenants isolated. The fakes pass the DynamoDB adapters' contracts.
 */
class ReferralRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Caller AARHUS = Caller.jobcentre("jc-aarhus");
    private static final Caller ODDER = Caller.jobcentre("jc-odder");
    private static final Caller KIM = Caller.staff("c1");

    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryReferralStore store = new InMemoryReferralStore(audit);
    private final InMemorySettingsStore settings = new InMemorySettingsStore(new Settings(List.of(
            new Settings.Programme("p1", "Forløb Nord", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31),
                    List.of(new Settings.Partner("jc-aarhus", 1, "c1"), new Settings.Partner("jc-odder", 5, "c1")),
                    List.of(new Settings.Consultant("c1", "Kim Konsulent",
                            EmailAddress.parse("kim@example.dk").orElseThrow(),
                            PhoneNumber.parse("22 34 56 78").orElseThrow(), Channel.BOTH, Language.DA)),
                    List.of())), List.of()));
    private final ReferralService service = new ReferralService(store, settings, audit,
            Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Europe/Copenhagen"),
            new CitizenMatchKey("test-pepper-0123456789abcdef".getBytes(StandardCharsets.UTF_8)), Duration.ofDays(365));

    private static ReferralDetails details(String cpr, String reference) {
        return new ReferralDetails("p1", reference,
                new Citizen(Cpr.stored(cpr), "Søren Ærø Østergård", PhoneNumber.parse("22 34 56 78").orElseThrow(),
                        null),
                Benefit.KONTANTHJAELP, new Caseworker("Sag Behandler", dk.rampe.core.EmailAddress.parse("sag@jobcenter.dk").orElseThrow(), null), List.of("lager"), "", "", "",
                List.of(), false, null);
    }

    private static DomainException refused(Runnable r) {
        return assertThrows(DomainException.class, r::run);
    }

    @Test
    void aRetryGetsTheFirstAnswerAndADifferentBodyIsRefused() {
        ReferralService.IntakeResult first = service.submit(AARHUS, details("0101901234", "AAR-1"), "key-1");
        assertFalse(first.replayed());
        ReferralService.IntakeResult again = service.submit(AARHUS, details("0101901234", "AAR-1"), "key-1");
        assertTrue(again.replayed());
        assertEquals(first.answer(), again.answer());
        DomainException e = refused(() -> service.submit(AARHUS, details("0202851234", "AAR-2"), "key-1"));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals("idempotency.differentBody", e.code());
        assertEquals(1, store.intakeCount("p1", "jc-aarhus"));
    }

    @Test
    void intakeOverTheQuotaIsAcceptedAndMarked() {
        assertFalse(service.submit(AARHUS, details("0101901234", "AAR-1"), null).answer().overQuota());
        assertTrue(service.submit(AARHUS, details("0202851234", "AAR-2"), null).answer().overQuota());
        assertFalse(service.submit(ODDER, details("0303751234", "ODD-1"), null).answer().overQuota());
    }

    @Test
    void anActiveCitizenIsRefusedAndOnlyTheOwningJobcentreLearnsTheReferral() {
        String id = service.submit(AARHUS, details("0101901234", "AAR-1"), null).answer().referralId();
        DomainException own = refused(() -> service.submit(AARHUS, details("0101901234", "AAR-9"), null));
        assertEquals("citizen.alreadyActive", own.code());
        assertEquals(List.of(id), Arrays.asList(own.args()));
        DomainException elsewhere = refused(() -> service.submit(ODDER, details("0101901234", "ODD-1"), null));
        assertEquals("citizen.alreadyActiveElsewhere", elsewhere.code());
        assertEquals(0, elsewhere.args().length);
        // nothing in the refusal names the citizen
        assertFalse(String.valueOf(elsewhere.getMessage()).contains("0101901234"));
    }

    @Test
    void aJobcentreSeesOnlyItsOwnReferralsAndEveryReadIsAudited() {
        String id = service.submit(AARHUS, details("0101901234", "AAR-1"), null).answer().referralId();
        assertEquals(id, service.read(AARHUS, id).id());
        assertEquals(DomainException.Kind.NOT_FOUND, refused(() -> service.read(ODDER, id)).kind());
        assertEquals(DomainException.Kind.NOT_FOUND, refused(() -> service.read(AARHUS, "RNOTHING00000")).kind());
        assertEquals(List.of("referral.created", "referral.read"), audit.actions(id));
    }

    @Test
    void aDeclinedReferralFreesTheCitizenForANewOne() {
        String id = service.submit(AARHUS, details("0101901234", "AAR-1"), null).answer().referralId();
        assertEquals(DomainException.Kind.FORBIDDEN,
                refused(() -> service.recordVisitation(AARHUS, id, ReferralService.VisitationDecision.DECLINED, "x"))
                        .kind());
        Referral declined = service.recordVisitation(KIM, id, ReferralService.VisitationDecision.DECLINED, "siger nej");
        assertEquals(ReferralStatus.DECLINED, declined.status());
        assertEquals(declined, store.find(id).orElseThrow());
        assertFalse(service.submit(ODDER, details("0101901234", "ODD-1"), null).replayed());
    }

    @Test
    void aDeclineMayCarryAReasonCodeInsteadOfOrBesideTheText() {
        String id = service.submit(AARHUS, details("0101901234", "AAR-1"), null).answer().referralId();
        ValidationException onlyDeclined = assertThrows(ValidationException.class,
                () -> service.recordVisitation(KIM, id, ReferralService.VisitationDecision.ACCEPTED, null,
                        DeclineReason.HEALTH));
        assertEquals("reasonCode", onlyDeclined.errors().get(0).field());
        ValidationException none = assertThrows(ValidationException.class,
                () -> service.recordVisitation(KIM, id, ReferralService.VisitationDecision.DECLINED, " ", null));
        assertEquals("reason", none.errors().get(0).field());
        Referral declined = service.recordVisitation(KIM, id, ReferralService.VisitationDecision.DECLINED, null,
                DeclineReason.NO_SHOW);
        StatusChange last = declined.history().get(declined.history().size() - 1);
        assertEquals("no_show", last.reasonCode());
        assertEquals(null, last.reason());
        assertEquals(declined, store.find(id).orElseThrow());
    }
}
