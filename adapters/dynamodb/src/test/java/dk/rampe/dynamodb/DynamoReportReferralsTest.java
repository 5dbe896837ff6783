package dk.rampe.dynamodb;

import dk.rampe.audit.AuditEntry;
import dk.rampe.platform.RampeConfig;
import dk.rampe.referral.IdempotencyKey;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralStore;
import dk.rampe.report.AftercareFigures;
import dk.rampe.report.AttendanceFigures;
import dk.rampe.report.MonthlyReport;
import dk.rampe.report.ReportMaker;
import dk.rampe.report.ReportScenario;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The October scenario written through the referral store and read back from gsi2 by query. */
class DynamoReportReferralsTest {

    /** Writes the referral as the store would have: created, then each status change as an update. */
    static void write(DynamoReferralStore store, Referral r, String citizenKey) {
        List<dk.rampe.referral.StatusChange> h = r.history();
        Referral first = new Referral(r.id(), r.jobcentreId(), r.details(), r.consultantId(), h.get(0).status(),
                r.overQuota(), h.subList(0, 1), r.createdAt(), 1);
        assertInstanceOf(ReferralStore.Created.class, store.create(first, citizenKey,
                List.of(new IdempotencyKey("jobcentreReference", r.id())), "fp-" + r.id(), 1000,
                new AuditEntry("referral:" + r.id(), r.jobcentreId(), "referral.created", r.createdAt())));
        for (int k = 1; k < h.size(); k++) {
            Referral next = new Referral(r.id(), r.jobcentreId(), r.details(), r.consultantId(), h.get(k).status(),
                    r.overQuota(), h.subList(0, k + 1), r.createdAt(), k + 1);
            store.update(next, citizenKey, false, null, new AuditEntry("referral:" + r.id(), "staff", "referral.changed",
                    h.get(k).at()));
        }
    }

    @Test
    void readsOnlyTheProgrammesReferralsByQueryAndGivesTheSameReport() {
        RampeConfig config = DynamoContractTables.freshTables();
        DynamoAuditLog audit = new DynamoAuditLog(DynamoContractTables.client(), config.auditTable(), config.auditRetention());
        DynamoReferralStore store = new DynamoReferralStore(DynamoContractTables.client(), config.table(), audit);
        ReportScenario s = new ReportScenario();
        for (Referral r : s.referrals) write(store, r, "ck-" + r.id());
        // another programme's referrals are in the same table and never read
        ReportScenario other = new ReportScenario();
        for (Referral r : other.referrals) {
            Referral moved = new Referral("X" + r.id(), r.jobcentreId(), new dk.rampe.referral.ReferralDetails("p2",
                    null, r.details().citizen(), null, r.details().caseworker(), List.of(), null, null, null, List.of(),
                    false, null), r.consultantId(),
                    r.status(), false, r.history(), r.createdAt(), r.version());
            write(store, moved, "ck2-" + r.id());
        }
        DynamoReportReferrals source = new DynamoReportReferrals(DynamoContractTables.client(), config.table());
        Clock clock = Clock.fixed(Instant.parse("2026-11-01T06:00:00Z"), ZoneOffset.UTC);
        MonthlyReport fromDynamo = new ReportMaker(source, p -> List.copyOf(s.moves), AttendanceFigures.notRecordedYet(),
                AftercareFigures.notRecordedYet(), source, clock)
                .make(ReportScenario.programme(), ReportScenario.jobcentreNames(), ReportScenario.OCTOBER);
        assertEquals(s.referrals.size(), source.itemsRead(), "only the programme's referrals were read");
        MonthlyReport inMemory = new ReportMaker(p -> new ArrayList<>(s.referrals), p -> List.copyOf(s.moves),
                AttendanceFigures.notRecordedYet(), AftercareFigures.notRecordedYet(), source, clock)
                .make(ReportScenario.programme(), ReportScenario.jobcentreNames(), ReportScenario.OCTOBER);
        assertEquals(inMemory.figures(), fromDynamo.figures());
        assertEquals("18", fromDynamo.shown("intake", "received.total", MonthlyReport.PROGRAMME));
        assertEquals("0", fromDynamo.shown("delivery", "nudges.failed", MonthlyReport.PROGRAMME));
    }

    /** The nudges waiting: each day of the 31 before the month's end read (the days at the same time), the programme's only. */
    @Test
    void countsTheProgrammesNudgesWaitingOnAnyDayOfTheWindowAndNoOthers() {
        RampeConfig config = DynamoContractTables.freshTables();
        DynamoOutbox outbox = new DynamoOutbox(DynamoContractTables.client(), config.table());
        Instant asOf = Instant.parse("2026-11-01T00:00:00Z");
        int n = 0;
        for (String due : List.of("2026-10-31T23:00:00Z", "2026-10-15T08:00:00Z", "2026-10-02T07:30:00Z",
                "2026-10-01T01:00:00Z", "2026-10-01T01:00:00Z")) {
            outbox.enqueue(dk.rampe.followup.OutboxMessage.pending("waiting-" + n++, "T" + n, "p1",
                    dk.rampe.followup.MessageChannel.SMS, "+4520123456", null, "Tekst", null, false, Instant.parse(due),
                    Instant.parse(due)));
        }
        // another programme's, one due before the window and one after its end are not counted
        outbox.enqueue(dk.rampe.followup.OutboxMessage.pending("other", "T-other", "p2", dk.rampe.followup.MessageChannel.SMS,
                "+4520123456", null, "Tekst", null, false, Instant.parse("2026-10-20T08:00:00Z"), asOf));
        outbox.enqueue(dk.rampe.followup.OutboxMessage.pending("before", "T-before", "p1", dk.rampe.followup.MessageChannel.SMS,
                "+4520123456", null, "Tekst", null, false, Instant.parse("2026-09-29T08:00:00Z"), asOf));
        outbox.enqueue(dk.rampe.followup.OutboxMessage.pending("after", "T-after", "p1", dk.rampe.followup.MessageChannel.SMS,
                "+4520123456", null, "Tekst", null, false, Instant.parse("2026-11-02T08:00:00Z"), asOf));

        dk.rampe.report.DeliveryFigures.Nudges nudges = new DynamoReportReferrals(DynamoContractTables.client(), config.table())
                .nudges("p1", asOf);
        assertEquals(5, nudges.waiting());
        assertEquals(0, nudges.failed());
    }
}
