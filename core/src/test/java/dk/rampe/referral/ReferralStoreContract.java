package dk.rampe.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.audit.AuditEntry;
import dk.rampe.core.EmailAddress;
import dk.rampe.core.PhoneNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReferralStore} does: one referral per idempotency key and per active citizen
 * in a programme, and no lost updates. The in-memory fake and the DynamoDB adapter both extend this.
 */
public abstract class ReferralStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    /** A fresh, empty store. */
    protected abstract ReferralStore newStore();

    private ReferralStore store;

    @BeforeEach
    void fresh() {
        store = newStore();
    }

    private static ReferralDetails details(String programmeId, String reference) {
        return new ReferralDetails(programmeId, reference,
                new Citizen(Cpr.stored("0101901234"), "Søren Ærø Østergård",
                        PhoneNumber.parse("22 34 56 78").orElseThrow(), EmailAddress.parse("s@example.dk").orElseThrow()),
                Benefit.KONTANTHJAELP,
                new Caseworker("Sag Behandler", EmailAddress.parse("sb@jobcenter.example").orElseThrow(), null),
                List.of("lager", "køkken"), "vil gerne i gang", "cykel", "", List.of("møde op to dage"), true,
                LocalDate.of(2026, 12, 1));
    }

    private static String newId() {
        return "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private record Made(Referral referral, IntakeAnswer answer, ReferralStore.CreateResult result) {
    }

    private Made create(String jobcentreId, String programmeId, String citizenKey, String keyValue) {
        Referral r = Referral.received(newId(), jobcentreId, details(programmeId, keyValue), "c1", false, T0);
        IntakeAnswer answer = new IntakeAnswer(r.id(), "c1", false, T0);
        ReferralStore.CreateResult result = store.create(r, citizenKey,
                List.of(new IdempotencyKey("jobcentreReference", keyValue)), "fp-" + keyValue, 100,
                new AuditEntry("referral:" + r.id(), jobcentreId, "referral.created", T0));
        return new Made(r, answer, result);
    }

    @Test
    void aCreatedReferralIsFoundCountedAndItsKeyTaken() {
        Made m = create("jc-aarhus", "p1", "citizen-a", "AAR-1");
        assertEquals(new ReferralStore.Created(m.answer()), m.result());
        assertEquals(m.referral(), store.find(m.referral().id()).orElseThrow());
        assertEquals(1, store.intakeCount("p1", "jc-aarhus"));
        assertEquals(0, store.intakeCount("p1", "jc-odder"));
        ReferralStore.KeyTaken taken = store.findKey("jc-aarhus", List.of(new IdempotencyKey("idempotencyKey", "none"),
                new IdempotencyKey("jobcentreReference", "AAR-1"))).orElseThrow();
        assertEquals("fp-AAR-1", taken.requestFingerprint());
        assertEquals(m.answer(), taken.firstAnswer());
        // keys belong to one jobcentre
        assertTrue(store.findKey("jc-odder", List.of(new IdempotencyKey("jobcentreReference", "AAR-1"))).isEmpty());
        assertTrue(store.find(newId()).isEmpty());
    }

    @Test
    void aTakenKeyAnswersWithTheFirstReferralAndStoresNothing() {
        Made first = create("jc-aarhus", "p1", "citizen-a", "AAR-1");
        Made again = create("jc-aarhus", "p1", "citizen-b", "AAR-1");
        ReferralStore.KeyTaken taken = assertInstanceOf(ReferralStore.KeyTaken.class, again.result());
        assertEquals(first.answer(), taken.firstAnswer());
        assertTrue(store.find(again.referral().id()).isEmpty());
        assertEquals(1, store.intakeCount("p1", "jc-aarhus"));
        // the same reference from another jobcentre is another referral
        assertInstanceOf(ReferralStore.Created.class, create("jc-odder", "p1", "citizen-c", "AAR-1").result());
    }

    @Test
    void anActiveCitizenIsReferredOncePerProgramme() {
        Made first = create("jc-aarhus", "p1", "citizen-a", "AAR-1");
        Made second = create("jc-odder", "p1", "citizen-a", "ODD-1");
        assertEquals(new ReferralStore.CitizenActive(first.referral().id(), "jc-aarhus"), second.result());
        assertTrue(store.find(second.referral().id()).isEmpty());
        assertEquals(0, store.intakeCount("p1", "jc-odder"));
        assertInstanceOf(ReferralStore.Created.class, create("jc-odder", "p2", "citizen-a", "ODD-2").result());
    }

    @Test
    void updatesAreNeverLostAndReleasingTheCitizenAllowsANewReferral() {
        Made first = create("jc-aarhus", "p1", "citizen-a", "AAR-1");
        Referral declined = first.referral().moveTo(ReferralStatus.DECLINED, T0.plusSeconds(60), "c1", "nej tak", null);
        Referral staleCopy = first.referral().withConsultant("c2");
        store.update(declined, "citizen-a", true, T0.plusSeconds(3600),
                new AuditEntry("referral:" + declined.id(), "c1", "referral.status", T0));
        assertEquals(declined, store.find(declined.id()).orElseThrow());
        assertThrows(ReferralStore.ConcurrentChange.class, () -> store.update(staleCopy, "citizen-a", false, null,
                new AuditEntry("referral:" + declined.id(), "c2", "referral.consultant", T0)));
        assertEquals(declined, store.find(declined.id()).orElseThrow());
        assertInstanceOf(ReferralStore.Created.class, create("jc-odder", "p1", "citizen-a", "ODD-1").result());
    }

    @Test
    void releasingAGuardHeldByAnotherReferralIsRefused() {
        Made first = create("jc-aarhus", "p1", "citizen-a", "AAR-1");
        Made other = create("jc-aarhus", "p1", "citizen-b", "AAR-2");
        Referral exited = other.referral().moveTo(ReferralStatus.DECLINED, T0, "c1", null, null);
        // a wrong citizen key must not free citizen-a's place
        assertThrows(ReferralStore.ConcurrentChange.class, () -> store.update(exited, "citizen-a", true, null,
                new AuditEntry("referral:" + exited.id(), "c1", "referral.status", T0)));
        assertEquals(new ReferralStore.CitizenActive(first.referral().id(), "jc-aarhus"),
                create("jc-odder", "p1", "citizen-a", "ODD-1").result());
    }

    @Test
    void aProgrammesReferralsAreListedByStatusAndPerJobcentre() {
        Made a = create("jc-aarhus", "p-list", "citizen-l1", "AAR-L1");
        Made b = create("jc-odder", "p-list", "citizen-l2", "ODD-L1");
        create("jc-aarhus", "p-other", "citizen-l3", "AAR-L2");
        List<String> both = java.util.stream.Stream.of(a.referral().id(), b.referral().id()).sorted().toList();
        // created at the same instant: ordered by id within the time
        assertEquals(both, store.listByProgramme("p-list", ReferralStatus.RECEIVED).stream().map(Referral::id).toList());
        assertEquals(both, store.listByProgramme("p-list", null).stream().map(Referral::id).toList());
        assertEquals(List.of(), store.listByProgramme("p-list", ReferralStatus.ENROLLED));
        assertEquals(List.of(b.referral().id()),
                store.listByProgrammeForJobcentre("p-list", "jc-odder").stream().map(Referral::id).toList());
    }
}
