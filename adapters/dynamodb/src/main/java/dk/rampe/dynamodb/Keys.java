package dk.rampe.dynamodb;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every key of the Rampe table (and the audit table) is built here, and nowhere else
 * (KeysTest fails on a key prefix written anywhere else under adapters/ or functions/).
 * docs/decisions.md has the same list as a table:
 * <pre>
 * pk                                   sk              gsi1pk / gsi1sk
 * REFERRAL#{id}                        REFERRAL        JOBCENTRE#{jc} / {createdAt}#{id}
 * IDEMPOTENCY#{jc}#{field}#{value}     IDEMPOTENCY
 * CITIZEN#{programme}#{matchKey}       ACTIVE
 * PROGRAMME#{programme}                INTAKE#{jc}
 * SETTINGS                             SETTINGS
 * TASK#{taskId}                        TASK            OPENTASKS#{programme}#{consultant} / {dueAt}#{taskId} (while open)
 *                                                      gsi2: REFERRAL#{referralId}#TASKS / {dueAt}#{taskId} (always)
 * (idempotency items and due work about a referral: gsi2 REFERRAL#{referralId}#ITEMS / {pk}|{sk}, for retention)
 * OUTBOX#{messageId}                   OUTBOX          DUE#outbox#{yyyy-mm-dd} / {dueAt}#{messageId} (pending, sending)
 *                                                      OUTBOX#FAILED / {failedAt}#{messageId} (failed)
 * DUEWORK#{kind}#{id}                  DUEWORK         DUE#{kind}#{yyyy-mm-dd} / {dueAt}#{id} (until done)
 * SWEEP#{sweep}                        WATERMARK       (none: read by key)
 * REPORT#{programme}                   SENT#{yyyy-mm}  the monthly report's send (none: read by key)
 * REPORT#{programme}                   FACTS#{yyyy-mm} the month's de-identified figures, no TTL (none: a query of the partition)
 * WEBSESSION#{sessionId}               REVOKED         (none: read by key; deleted by TTL when the session would have ended)
 * audit table: SUBJECT#{subject}       {at}#{uuid}
 * </pre>
 * Due work of any kind lives under {@code DUE#{kind}#{yyyy-mm-dd}} (the UTC day of its due time) with
 * sort key {@code {dueAt}#{id}}; a sweep reads the days of its window, one query per day.
 * <p>
 * All times in keys use ONE encoding, {@link #time(Instant)}: UTC, fixed width, always nine
 * fraction digits ({@code 2026-11-24T09:00:00.000000000Z}), so string order is time order.
 * {@code Instant.toString()} is not: it drops a zero fraction, and {@code …09:00:00Z} sorts after
 * {@code …09:00:00.500Z}.
 */
public final class Keys {
    /** The kind of due work the nudge sweep reads: pending and sending outbox messages. */
    public static final String KIND_OUTBOX = "outbox";

    static final String REFERRAL_SK = "REFERRAL";
    static final String IDEMPOTENCY_SK = "IDEMPOTENCY";
    static final String ACTIVE_SK = "ACTIVE";
    static final String SETTINGS = "SETTINGS";
    static final String TASK_SK = "TASK";
    static final String OUTBOX_SK = "OUTBOX";
    static final String WATERMARK_SK = "WATERMARK";
    static final String DUEWORK_SK = "DUEWORK";
    static final String REVOKED_SK = "REVOKED";

    private static final String REFERRAL = "REFERRAL#";
    private static final String IDEMPOTENCY = "IDEMPOTENCY#";
    private static final String CITIZEN = "CITIZEN#";
    private static final String PROGRAMME = "PROGRAMME#";
    private static final String INTAKE = "INTAKE#";
    private static final String JOBCENTRE = "JOBCENTRE#";
    private static final String TASK = "TASK#";
    private static final String OPENTASKS = "OPENTASKS#";
    private static final String OUTBOX = "OUTBOX#";
    private static final String OUTBOX_FAILED = "OUTBOX#FAILED";
    private static final String DUE = "DUE#";
    private static final String SWEEP = "SWEEP#";
    private static final String DUEWORK = "DUEWORK#";
    private static final String SUBJECT = "SUBJECT#";
    private static final String WEBSESSION = "WEBSESSION#";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** Sorts after any id (ids are letters and digits), so {@code time(t) + "#~"} ends a range at t. */
    private static final String AFTER_ANY_ID = "~";

    private Keys() {
    }

    // --- time -------------------------------------------------------------------------------

    /** The one sortable time encoding: UTC, fixed width (30 characters), nanosecond precision. */
    public static String time(Instant at) {
        if (at.isBefore(MIN) || at.isAfter(MAX)) throw new IllegalArgumentException("year outside 0000-9999");
        return TIME.format(at);
    }

    public static Instant parseTime(String encoded) {
        return Instant.parse(encoded);
    }

    /** {@code {time}#{id}}: a sort key ordered by time, then id. */
    public static String timeSk(Instant at, String id) {
        return time(at) + "#" + id;
    }

    /** The lowest sort key at {@code at} (inclusive lower bound of a range). */
    static String skFrom(Instant at) {
        return time(at) + "#";
    }

    /** The highest sort key at {@code at} (inclusive upper bound of a range). */
    static String skTo(Instant at) {
        return time(at) + "#" + AFTER_ANY_ID;
    }

    static String idOfTimeSk(String sk) {
        return sk.substring(sk.indexOf('#') + 1);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Attrs.key(pk, sk);
    }

    // --- referrals ----------------------------------------------------------------------------

    static String referralPk(String id) {
        return REFERRAL + id;
    }

    static String referralIdOf(String pk) {
        return pk.substring(REFERRAL.length());
    }

    static Map<String, AttributeValue> referralKey(String id) {
        return key(referralPk(id), REFERRAL_SK);
    }

    static String jobcentreGsi1pk(String jobcentreId) {
        return JOBCENTRE + jobcentreId;
    }

    static Map<String, AttributeValue> idempotencyKey(String jobcentreId, String field, String value) {
        return key(IDEMPOTENCY + jobcentreId + "#" + field + "#" + value, IDEMPOTENCY_SK);
    }

    /**
     * A request's Idempotency-Key on any POST route but the referral's own: IDEMPOTENCY#{scope}#request#{key} /
     * IDEMPOTENCY, the scope naming the caller ({@code staff:c-anna}, {@code jobcentre:jc-aarhus}).
     */
    static Map<String, AttributeValue> requestKey(String scope, String key) {
        return idempotencyKey(scope, "request", key);
    }

    static Map<String, AttributeValue> citizenKey(String programmeId, String matchKey) {
        return key(CITIZEN + programmeId + "#" + matchKey, ACTIVE_SK);
    }

    static Map<String, AttributeValue> intakeCounterKey(String programmeId, String jobcentreId) {
        return key(PROGRAMME + programmeId, INTAKE + jobcentreId);
    }

    static Map<String, AttributeValue> settingsKey() {
        return key(SETTINGS, SETTINGS);
    }

    /** The sort-key prefix of the settings' history, beside the settings item. */
    static final String SETTINGS_CHANGE = "CHANGE#";

    /** One save of the settings in their history: {@code SETTINGS / CHANGE#{revision, 12 digits}}. */
    static Map<String, AttributeValue> settingsChangeKey(long revision) {
        return key(SETTINGS, SETTINGS_CHANGE + String.format(java.util.Locale.ROOT, "%012d", revision));
    }

    // --- follow-up tasks and outbox -----------------------------------------------------------

    /** The task id of a task item's pk, or null when the pk is not a task's. */
    static String taskIdOf(String pk) {
        return pk != null && pk.startsWith(TASK) ? pk.substring(TASK.length()) : null;
    }

    static Map<String, AttributeValue> taskKey(String taskId) {
        return key(TASK + taskId, TASK_SK);
    }

    static String openTasksGsi1pk(String programmeId, String consultantId) {
        return OPENTASKS + programmeId + "#" + consultantId;
    }

    /** gsi2's partition of a referral's follow-up tasks, open and closed (the web app's participant page). */
    static String referralTasksGsi2pk(String referralId) {
        return REFERRAL + referralId + "#TASKS";
    }

    /**
     * gsi2's partition of the items about a referral kept outside its own partitions and its tasks (the
     * idempotency items of its intake, its due work): found at the exit to carry the referral's retention.
     */
    static String referralItemsGsi2pk(String referralId) {
        return REFERRAL + referralId + "#ITEMS";
    }

    /** gsi2's attributes of an item about {@code referralId} (see {@link #referralItemsGsi2pk}). */
    static Map<String, AttributeValue> aboutReferral(String referralId, Map<String, AttributeValue> key) {
        return Map.of("gsi2pk", Attrs.s(referralItemsGsi2pk(referralId)),
                "gsi2sk", Attrs.s(key.get("pk").s() + "|" + key.get("sk").s()));
    }

    /** An outbox message's partition key (as a stream record names it). */
    public static String messagePk(String messageId) {
        return OUTBOX + messageId;
    }

    /** An outbox message's sort key. */
    public static String messageSk() {
        return OUTBOX_SK;
    }

    /** The message id of an outbox message's key (e.g. from a stream record), or null if it is not one. */
    public static String messageIdOf(String pk, String sk) {
        return pk != null && pk.startsWith(OUTBOX) && OUTBOX_SK.equals(sk) ? pk.substring(OUTBOX.length()) : null;
    }

    static Map<String, AttributeValue> messageKey(String messageId) {
        return key(messagePk(messageId), OUTBOX_SK);
    }

    static String outboxFailedGsi1pk() {
        return OUTBOX_FAILED;
    }

    // --- due work and sweeps ------------------------------------------------------------------

    /** The gsi1pk of due work of {@code kind} due at {@code at}: one partition per kind and UTC day. */
    public static String dueGsi1pk(String kind, Instant at) {
        return dueGsi1pk(kind, at.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    static String dueGsi1pk(String kind, LocalDate day) {
        if (kind.isEmpty() || kind.indexOf('#') >= 0) throw new IllegalArgumentException("kind");
        return DUE + kind + "#" + day;
    }

    /** The gsi1 attributes that put an item on the due index: {@code gsi1pk} and {@code gsi1sk}. */
    public static Map<String, AttributeValue> due(String kind, Instant dueAt, String id) {
        return Map.of("gsi1pk", Attrs.s(dueGsi1pk(kind, dueAt)), "gsi1sk", Attrs.s(timeSk(dueAt, id)));
    }

    /** The due partitions a window [from, to] touches, oldest first (one per UTC day). */
    static List<String> dueBuckets(String kind, Instant from, Instant to) {
        List<String> out = new ArrayList<>();
        LocalDate last = to.atOffset(ZoneOffset.UTC).toLocalDate();
        for (LocalDate d = from.atOffset(ZoneOffset.UTC).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            out.add(dueGsi1pk(kind, d));
        }
        return out;
    }

    /** Generic due work ({@link DynamoDueWork}): one item per kind and decision-derived id. */
    static Map<String, AttributeValue> dueWorkKey(String kind, String id) {
        if (kind.isEmpty() || kind.indexOf('#') >= 0) throw new IllegalArgumentException("kind");
        return key(DUEWORK + kind + "#" + id, DUEWORK_SK);
    }

    static Map<String, AttributeValue> watermarkKey(String sweep) {
        return key(SWEEP + sweep, WATERMARK_SK);
    }

    /** A web app session ended at logout ({@link DynamoSessionRevocations}). */
    static Map<String, AttributeValue> sessionRevokedKey(String sessionId) {
        if (sessionId.isEmpty() || sessionId.indexOf('#') >= 0) throw new IllegalArgumentException("sessionId");
        return key(WEBSESSION + sessionId, REVOKED_SK);
    }

    // --- audit table --------------------------------------------------------------------------

    static String auditPk(String subject) {
        return SUBJECT + subject;
    }

    static String auditSk(Instant at, String uniqueId) {
        return timeSk(at, uniqueId);
    }

    // --- referral lists (gsi2) and the participant's plan (web app) ------------------------

    /** gsi2's partition: every referral of the programme. */
    static String programmeReferralsGsi2pk(String programmeId) {
        return "PROGRAMME#" + programmeId + "#REFERRAL";
    }

    /** gsi2's sort key: by status, then oldest first. */
    static String programmeReferralsGsi2sk(String status, Instant createdAt, String id) {
        return status + "#" + timeSk(createdAt, id);
    }

    /** The prefix of gsi2 sort keys of one status. */
    static String programmeReferralsGsi2skPrefix(String status) {
        return status + "#";
    }

    static Map<String, AttributeValue> planKey(String referralId) {
        return key(REFERRAL + referralId, "PLAN");
    }

    // --- attendance -----------------------------------------------------------------
    // ATTENDANCE#{referralId}   PLAN#{validFrom}
    //                           AGREEMENT#{date}#{recordedAt}#{id}
    //                           REGISTRATION#{date}#{recordedAt}#{id}
    //                           NOTICE#{date}#{id} (id from the decision: one notice per absence date)
    //                           FLAG
    //                           WARNING#{date}#{id} (id from the decision: one early warning per start date)
    // The next planned session of each referral is due work of kind "absence" (DynamoDueWork).
    private static final String ATTENDANCE = "ATTENDANCE#";
    static final String ATTENDANCE_PLAN = "PLAN#";
    static final String ATTENDANCE_AGREEMENT = "AGREEMENT#";
    static final String ATTENDANCE_REGISTRATION = "REGISTRATION#";
    static final String ATTENDANCE_NOTICE = "NOTICE#";
    static final String ATTENDANCE_FLAG = "FLAG";
    static final String ATTENDANCE_WARNING = "WARNING#";

    static String attendancePk(String referralId) {
        return ATTENDANCE + referralId;
    }

    static Map<String, AttributeValue> attendancePlanKey(String referralId, LocalDate validFrom) {
        return key(attendancePk(referralId), ATTENDANCE_PLAN + validFrom);
    }

    static Map<String, AttributeValue> attendanceAgreementKey(String referralId, LocalDate date, Instant at, String id) {
        return key(attendancePk(referralId), ATTENDANCE_AGREEMENT + date + "#" + timeSk(at, id));
    }

    static Map<String, AttributeValue> attendanceRegistrationKey(String referralId, LocalDate date, Instant at,
                                                                  String id) {
        return key(attendancePk(referralId), ATTENDANCE_REGISTRATION + date + "#" + timeSk(at, id));
    }

    /** The sort-key range of the dated items of {@code prefix} from {@code from} to {@code to}, both inclusive. */
    static String[] attendanceRange(String prefix, LocalDate from, LocalDate to) {
        return new String[] {prefix + from + "#", prefix + to + "#" + AFTER_ANY_ID};
    }

    static Map<String, AttributeValue> attendanceNoticeKey(String referralId, LocalDate date, String id) {
        return key(attendancePk(referralId), ATTENDANCE_NOTICE + date + "#" + id);
    }

    static Map<String, AttributeValue> attendanceWarningKey(String referralId, LocalDate date, String id) {
        return key(attendancePk(referralId), ATTENDANCE_WARNING + date + "#" + id);
    }

    static Map<String, AttributeValue> attendanceFlagKey(String referralId) {
        return key(attendancePk(referralId), ATTENDANCE_FLAG);
    }

    // --- report ------------------------------------------------------------------------

    /** The outbox's failed messages partition on gsi1 (read by the report's delivery health). */
    static String reportFailedOutboxGsi1pk() {
        return outboxFailedGsi1pk();
    }

    // --- the monthly report's sends ---------------------------------------------------------------
    // REPORT#{programme}   SENT#{yyyy-mm}   what was done with the month's report (DynamoReportDeliveries)

    static Map<String, AttributeValue> reportSentKey(String programmeId, String month) {
        return key("REPORT#" + programmeId, "SENT#" + month);
    }

    // REPORT#{programme}   FACTS#{yyyy-mm}  the month's de-identified figures, kept for good (DynamoMonthlyFacts)
    static final String REPORT_FACTS_PREFIX = "FACTS#";

    static Map<String, AttributeValue> reportFactsKey(String programmeId, String month) {
        return key(reportPk(programmeId), REPORT_FACTS_PREFIX + month);
    }

    static String reportPk(String programmeId) {
        return "REPORT#" + programmeId;
    }

    // --- aftercare: the participant's path ------------------------------------------
    // REFERRAL#{id}    MILESTONE#{recordedAt}#{milestoneId}    (none: read with the referral's partition)
    // Reminders are generic due work (DUEWORK#aftercare#{id}, DUE#aftercare#{day}).

    static final String MILESTONE_SK_PREFIX = "MILESTONE#";

    /** A milestone record under its referral's partition, sorted by when it was recorded. */
    static Map<String, AttributeValue> milestoneKey(String referralId, Instant recordedAt, String milestoneId) {
        return key(referralPk(referralId), MILESTONE_SK_PREFIX + timeSk(recordedAt, milestoneId));
    }

    /**
     * The revision of a referral's path: REFERRAL#{id} / PATH, moved on by one with every record, the condition
     * a record decided on the path as it was read is written under.
     */
    static Map<String, AttributeValue> pathRevisionKey(String referralId) {
        return key(referralPk(referralId), "PATH");
    }

    /** The consultant's text for a referral's exit description: REFERRAL#{id} / EXITDESCRIPTION. */
    static Map<String, AttributeValue> exitTextKey(String referralId) {
        return key(referralPk(referralId), "EXITDESCRIPTION");
    }

    // --- absence: the session chain ------------------------------------------------------
    // ATTENDANCE#{referralId}   CONSENT#SMS   the participant's consent to an SMS at the cutoff
    static final String ATTENDANCE_SMS_CONSENT = "CONSENT#SMS";

    static Map<String, AttributeValue> attendanceSmsConsentKey(String referralId) {
        return key(attendancePk(referralId), ATTENDANCE_SMS_CONSENT);
    }

    // --- budgets (the detection reads the due item and the referral) ----------
    // ATTENDANCE#{referralId}   NEXT          the session chain: the referral's one piece of absence due work,
    //                                         on gsi1 under DUE#absence#{day} / {cutoff}#{referralId} while it
    //                                         waits for a session, with a copy of what the detection needs
    //                           INTERNSHIPS   the participant's internships, written with the path's records
    static final String ATTENDANCE_CHAIN = "NEXT";
    static final String ATTENDANCE_INTERNSHIPS = "INTERNSHIPS";

    static Map<String, AttributeValue> attendanceChainKey(String referralId) {
        return key(attendancePk(referralId), ATTENDANCE_CHAIN);
    }

    static Map<String, AttributeValue> attendanceInternshipsKey(String referralId) {
        return key(attendancePk(referralId), ATTENDANCE_INTERNSHIPS);
    }
}
