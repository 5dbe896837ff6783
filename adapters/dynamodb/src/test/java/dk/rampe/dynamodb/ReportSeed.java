package dk.rampe.dynamodb;

import dk.rampe.attendance.AttendancePlan;
import dk.rampe.attendance.Notice;
import dk.rampe.attendance.Registration;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.followup.Ids;
import dk.rampe.path.AftercarePlan;
import dk.rampe.path.AftercareRule;
import dk.rampe.path.JobKind;
import dk.rampe.path.Milestone;
import dk.rampe.path.MilestoneType;
import dk.rampe.path.Path;
import dk.rampe.path.Reminder;
import dk.rampe.referral.Benefit;
import dk.rampe.referral.Caseworker;
import dk.rampe.referral.Citizen;
import dk.rampe.referral.Cpr;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralDetails;
import dk.rampe.referral.ReferralStatus;
import dk.rampe.schedule.WorkingDays;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * The monthly report's bench participants, with the functions' own item mapping: the referral store's
 * referral item (with its gsi2 entry), the path store's records, the attendance store's plan,
 * registrations and notices (the store itself writes them, into a client that keeps what it would have
 * put), and follow-up tasks as the follow-up store creates and closes them. Only JDK and SDK types in the
 * signatures. The adapter's {@code ReportReadScaleTest} and the bench's report rows seed with it (this
 * module's test-jar).
 *
 * <p>Participant {@code i} of a programme, for the report of {@code month}: referred two months before and
 * enrolled a week later (an enrolment record on the path), with a caseworker and a CPR number like a real
 * referral; an attendance plan on Mondays and Wednesdays for the month's last two weeks with a
 * registration for every session; every 10th participant's first session a detected absence with its
 * follow-up closed three hours later (every 20th also a notice to the caseworker); every 5th an
 * internship from the 10th; every 10th an ordinary job three months before, its aftercare call due in
 * the month and closed that day; every 20th exits on the 20th (an exit record too).
 */
public final class ReportSeed {
    static final WorkingDays WEEKDAYS = (programmeId, date) -> !WorkingDays.isWeekend(date);
    private static final String[] JOBCENTRES = {"jc-aarhus", "jc-odder", "jc-randers"};
    private static final String[] CONSULTANTS = {"c-anna", "c-bo", "c-carla"};

    private ReportSeed() {
    }

    public static String referralId(String programmeId, int i) {
        return "R" + Integer.toHexString(programmeId.hashCode() & 0xfffff).toUpperCase() + String.format("%08d", i);
    }

    public static List<Map<String, AttributeValue>> participant(String table, String programmeId, YearMonth month, int i) {
        Capture c = new Capture();
        String id = referralId(programmeId, i);
        String jc = JOBCENTRES[i % 3];
        String consultant = CONSULTANTS[i % 3];
        LocalDate last = month.atEndOfMonth();
        Instant received = local(month.minusMonths(2).atDay(1), 10, 0).plusSeconds(60L * (i % 20_000));
        Instant enrolledAt = received.plus(Duration.ofDays(7));
        LocalDate exitOn = i % 20 == 19 ? month.atDay(20) : null;
        ReferralDetails d = new ReferralDetails(programmeId, "BENCH-" + id, new Citizen(Cpr.stored("0101901234"),
                "Bench Deltager", dk.rampe.core.PhoneNumber.parse("20 12 34 56").orElseThrow(), null),
                Benefit.KONTANTHJAELP, new Caseworker("Birthe",
                dk.rampe.core.EmailAddress.parse("b@jobcenter.example").orElseThrow(), null),
                List.of("Lager"), "Vil gerne i gang", "Bus", "", List.of("Møde til tiden"), false, null);
        Referral r = Referral.received(id, jc, d, consultant, false, received)
                .moveTo(ReferralStatus.ACCEPTED, received.plus(Duration.ofDays(1)), consultant, null, null)
                .moveTo(ReferralStatus.ENROLLED, enrolledAt, consultant, null, null);
        if (exitOn != null) r = r.moveTo(ReferralStatus.EXITED, local(exitOn, 14, 0), consultant, null, "ordinary_job");
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        out.add(DynamoReferralStore.referralItem(r, "bench-citizen-key-" + id, null));

        List<Milestone> path = new ArrayList<>();
        path.add(Milestone.status("ME" + id, id, MilestoneType.ENROLLED, enrolledAt.atZone(WorkingDays.ZONE).toLocalDate(),
                consultant, enrolledAt, null));
        if (i % 5 == 1) {
            path.add(new Milestone("MI" + id, id, MilestoneType.INTERNSHIP_STARTED, month.atDay(10), consultant,
                    local(month.atDay(10), 12, 0), null, "Lager A/S", null, null, null, null, null));
        }
        if (i % 10 == 2) {
            LocalDate on = month.minusMonths(3).atDay(5);
            path.add(new Milestone("MJ" + id, id, MilestoneType.JOB_STARTED, on, consultant, local(on, 12, 0), null,
                    "Lager A/S", JobKind.ORDINARY, new BigDecimal("20"), null, null, null));
        }
        if (exitOn != null) {
            path.add(Milestone.status("MX" + id, id, MilestoneType.EXITED, exitOn, consultant, local(exitOn, 14, 0), null));
        }
        for (Milestone m : path) out.add(DynamoPathStore.milestoneItem(m));
        for (Reminder w : new AftercarePlan(WEEKDAYS).plan(id, programmeId, new Path(path))) {
            if (w.kind() != Reminder.Kind.AFTERCARE) continue;
            String taskId = Ids.taskId(AftercareRule.kindOf(w.kind()).wireName() + "|" + programmeId + "|" + id
                    + "|reminder|" + w.id());
            out.add(closedTask(FollowUpTask.open(taskId, FollowUpKind.AFTERCARE_CALL_DUE, id, consultant, programmeId,
                    local(w.dueOn(), 9, 0), local(w.notifyOn(), 8, 0)), new FollowUpOutcome(true, FollowUpOutcome.Cause.NONE,
                    FollowUpOutcome.NextStep.NONE, "Talt med begge", new FollowUpOutcome.Aftercare(FollowUpOutcome.Method.PHONE,
                    FollowUpOutcome.WithWhom.BOTH, true, new BigDecimal("20"))), local(w.dueOn(), 13, 0)));
        }

        LocalDate from = last.minusDays(13);
        AttendancePlan plan = new AttendancePlan(from, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), LocalTime.of(9, 0),
                240, consultant, local(from.minusDays(1), 10, 0));
        out.add(DynamoAttendanceStore.planItem(id, plan));
        DynamoAttendanceStore attendance = new DynamoAttendanceStore(c, table);
        boolean firstSession = true;
        for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
            if (!plan.weekdays().contains(day.getDayOfWeek()) || (exitOn != null && day.isAfter(exitOn))) continue;
            if (firstSession && i % 10 == 0) {
                Instant cutoff = local(day, 9, 30);
                attendance.addRegistration(id, new Registration("D" + id + day, day, Registration.Status.ABSENT, null, null,
                        "system:absence", cutoff, true, false));
                String taskId = Ids.taskId(FollowUpKind.ABSENCE_TODAY.wireName() + "|" + programmeId + "|" + id
                        + "|absence|" + day);
                out.add(closedTask(FollowUpTask.open(taskId, FollowUpKind.ABSENCE_TODAY, id, consultant, programmeId,
                        cutoff, cutoff.plus(Duration.ofMinutes(2))), new FollowUpOutcome(true, FollowUpOutcome.Cause.ILLNESS,
                        FollowUpOutcome.NextStep.CALL_AGAIN, "Syg, ringer i morgen"), cutoff.plus(Duration.ofHours(3))));
                if (i % 20 == 0) {
                    attendance.addNotice(new Notice("N" + id, id, jc, day, List.of(Notice.Reason.UNEXCUSED_ABSENCE), cutoff),
                            false, null);
                }
            } else {
                attendance.addRegistration(id, new Registration("G" + id + day, day, Registration.Status.PRESENT, null, null,
                        consultant, local(day, 9, 5), false, false));
            }
            firstSession = false;
        }
        out.addAll(c.items);
        return out;
    }

    private static Instant local(LocalDate d, int hour, int minute) {
        return d.atTime(hour, minute).atZone(WorkingDays.ZONE).toInstant();
    }

    /** A task as DynamoFollowUpStore.close leaves it (the attributes its update sets; off the open-tasks index). */
    private static Map<String, AttributeValue> closedTask(FollowUpTask open, FollowUpOutcome o, Instant at) {
        Map<String, AttributeValue> m = OutboxItems.taskItem(open);
        m.remove("gsi1pk");
        m.remove("gsi1sk");
        m.put("status", Attrs.s("closed"));
        m.put("reached", Attrs.bool(o.reached()));
        m.put("cause", Attrs.s(o.cause().wireName()));
        m.put("nextStep", Attrs.s(o.nextStep().wireName()));
        m.put("note", Attrs.s(o.note()));
        m.put("closedAt", Attrs.s(at.toString()));
        m.put("closedBy", Attrs.s(open.consultantId()));
        if (o.aftercare() != null) {
            m.put("aftercareMethod", Attrs.s(o.aftercare().method().wireName()));
            m.put("aftercareWith", Attrs.s(o.aftercare().withWhom().wireName()));
            m.put("stillEmployed", Attrs.bool(o.aftercare().stillEmployed()));
            m.put("hoursPerWeek", Attrs.s(o.aftercare().hoursPerWeek().toPlainString()));
        }
        return m;
    }

    /** Writes {@code items} in batches of 25. */
    public static void write(DynamoDbClient db, String table, List<Map<String, AttributeValue>> items) {
        List<WriteRequest> batch = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25) {
                flush(db, table, batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) flush(db, table, batch);
    }

    private static void flush(DynamoDbClient db, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> now = Map.copyOf(pending);
            Map<String, List<WriteRequest>> left = db.batchWriteItem(b -> b.requestItems(now)).unprocessedItems();
            pending = left == null ? Map.of() : left;
        }
    }

    /** Keeps what a store would have put (PutItem, and the puts of a transaction) instead of sending it. */
    private static final class Capture implements DynamoDbClient {
        final List<Map<String, AttributeValue>> items = new ArrayList<>();

        /** A later put of the same key replaces the earlier one (the session chain is written with each registration). */
        private void keep(Map<String, AttributeValue> item) {
            items.removeIf(x -> x.get("pk").equals(item.get("pk")) && x.get("sk").equals(item.get("sk")));
            items.add(new HashMap<>(item));
        }

        @Override
        public PutItemResponse putItem(PutItemRequest r) {
            keep(r.item());
            return PutItemResponse.builder().build();
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
            for (TransactWriteItem w : r.transactItems()) if (w.put() != null) keep(w.put().item());
            return TransactWriteItemsResponse.builder().build();
        }

        /** What was put under the key (the store reads the referral's session chain before it writes it). */
        @Override
        public software.amazon.awssdk.services.dynamodb.model.GetItemResponse getItem(
                software.amazon.awssdk.services.dynamodb.model.GetItemRequest r) {
            for (Map<String, AttributeValue> x : items) {
                if (x.get("pk").equals(r.key().get("pk")) && x.get("sk").equals(r.key().get("sk"))) {
                    return software.amazon.awssdk.services.dynamodb.model.GetItemResponse.builder().item(x).build();
                }
            }
            return software.amazon.awssdk.services.dynamodb.model.GetItemResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }
}
