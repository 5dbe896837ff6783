package dk.rampe.followup;

import dk.rampe.core.DomainException;
import dk.rampe.core.Language;
import dk.rampe.settings.Settings;
import dk.rampe.log.Log;
import dk.rampe.audit.AuditEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides follow-up tasks and the nudges that go with them. Creating a task writes the task,
 * one message per channel the consultant wants (and, if configured, a reminder per channel for
 * when the task is still open after {@code reminderAfter}) and the audit entry in ONE
 * transaction: a decided nudge is never lost and never duplicated, because the same decision
 * gives the same task id and the same message ids.
 */
public final class NudgeService {
    /** Audit subject prefix for tasks. */
    public static final String SUBJECT = "followup:";

    private final FollowUpStore store;
    private final Outbox outbox;
    private final Supplier<Settings> settings;
    private final FollowUpTokens tokens;
    private final NudgeTemplates templates;
    private final QuietHours quietHours;
    private final Clock clock;
    private final String publicBaseUrl;
    private final Duration reminderAfter;
    /** The programme's working days for the links' life (null: the tokens' clock-hour ttl only). */
    private dk.rampe.schedule.WorkingDays linkDays;

    /** How many working days after the day it is sent a follow-up link works (to the end of that day). */
    public static final int LINK_WORKING_DAYS = 3;

    public NudgeService(FollowUpStore store, Outbox outbox, Supplier<Settings> settings, FollowUpTokens tokens,
                        NudgeTemplates templates, QuietHours quietHours, Clock clock, String publicBaseUrl,
                        Duration reminderAfter) {
        this.store = store;
        this.outbox = outbox;
        this.settings = settings;
        this.tokens = tokens;
        this.templates = templates;
        this.quietHours = quietHours;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        this.reminderAfter = reminderAfter;
    }

    /**
     * Follow-up links live for working days ({@value #LINK_WORKING_DAYS} after the day they are sent, to the end of
     * that day, on the programme's calendar) rather than clock hours, and never less than the tokens' ttl: a nudge
     * on the Wednesday before Easter still opens on the Tuesday after it. Returns this service.
     */
    public NudgeService withLinkWorkingDays(dk.rampe.schedule.WorkingDays workingDays) {
        this.linkDays = workingDays;
        return this;
    }

    /**
     * A decision to follow up. {@code decisionKey} names the decision within its kind and referral
     * (e.g. the date of the absence); deciding it again returns the first task and sends nothing new.
     * {@code notifyAt} (null: now) is when the first nudge should go.
     */
    public record NewFollowUp(FollowUpKind kind, String programmeId, String referralId, String consultantId,
                              Instant dueAt, Instant notifyAt, String decisionKey) {
    }

    public FollowUpStore.CreateResult create(NewFollowUp request, String actor) {
        return create(request, actor, reminderAfter.isZero() ? null : request.dueAt().plus(reminderAfter), List.of());
    }

    /**
     * A follow-up that was overdue already when Rampe learnt of it (its step dated before Rampe was used): the task
     * is listed for the consultant (in the app, on the follow-up page) without a nudge of its own, never an SMS;
     * the consultant gets at most one summary email on {@code listedOn} (derived id per programme, consultant and
     * day, queued once however many are listed), if they take email. Deciding it again creates nothing twice.
     */
    public FollowUpStore.CreateResult createOverdueFromBefore(NewFollowUp request, String actor,
                                                             java.time.LocalDate listedOn) {
        Instant now = clock.instant();
        Settings.Programme programme = settings.get().programme(request.programmeId())
                .orElseThrow(() -> DomainException.unprocessable("programme.unknown", "programmeId"));
        Settings.Consultant consultant = programme.consultant(request.consultantId())
                .orElseThrow(() -> DomainException.unprocessable("consultant.unknown", "consultantId"));
        String taskId = taskId(request.kind(), request.programmeId(), request.referralId(), request.decisionKey());
        FollowUpTask task = FollowUpTask.open(taskId, request.kind(), request.referralId(), consultant.id(),
                programme.id(), request.dueAt(), now);
        FollowUpStore.CreateResult result = store.create(task, List.of(),
                new AuditEntry(SUBJECT + taskId, actor, "followUp.created", now));
        if (result instanceof FollowUpStore.Created && consultant.email() != null
                && (consultant.channel() == null || consultant.channel().email())) {
            Language language = consultant.language() == null ? Language.DA : consultant.language();
            NudgeTemplates.Rendered r = templates.overdueSummary(language, publicBaseUrl + "/app");
            String key = "overdueFromBefore|" + programme.id() + "|" + consultant.id() + "|" + listedOn;
            boolean queued = outbox.enqueue(OutboxMessage.pending(key, Ids.taskId(key), programme.id(),
                    MessageChannel.EMAIL, consultant.email().value(), r.subject(), r.text(), r.html(), false,
                    quietHours.earliest(MessageChannel.EMAIL, now), now));
            if (queued) Log.info("followUp.overdueSummaryQueued", "programmeId", programme.id(), "consultantId", consultant.id());
        }
        Log.info(result instanceof FollowUpStore.Created ? "followUp.listedOverdue" : "followUp.alreadyDecided",
                "taskId", taskId, "kind", request.kind().wireName());
        return result;
    }

    /**
     * A message that goes with a task besides the consultant's nudges (an absence escalated to the
     * team lead, the participant's SMS), written in the same transaction. {@code name} makes its
     * dedupe key within the task; {@code whileOpen}: sent only while the task is still open (and
     * cancelled when it is closed), like a reminder. It is never re-addressed by a handover.
     */
    public record Extra(String name, MessageChannel channel, String recipient, String subject, String text,
                        String html, boolean whileOpen, Instant at) {
    }

    /** The id of the follow-up a decision creates: derived from its kind, programme, referral and decision. */
    public static String taskId(FollowUpKind kind, String programmeId, String referralId, String decisionKey) {
        return Ids.taskId(kind.wireName() + "|" + programmeId + "|" + referralId + "|" + decisionKey);
    }

    /** The dedupe key of an {@link Extra} of a task. */
    public static String extraDedupeKey(String taskId, String name, MessageChannel channel) {
        return taskId + "|" + name + "|" + channel.wireName();
    }

    /**
     * As {@link #create(NewFollowUp, String)}, with the consultant's reminder at {@code reminderAt}
     * (null: none) instead of {@code dueAt + reminderAfter}, and the {@code extras}.
     */
    public FollowUpStore.CreateResult create(NewFollowUp request, String actor, Instant reminderAt, List<Extra> extras) {
        Instant now = clock.instant();
        Settings.Programme programme = settings.get().programme(request.programmeId())
                .orElseThrow(() -> DomainException.unprocessable("programme.unknown", "programmeId"));
        Settings.Consultant consultant = programme.consultant(request.consultantId())
                .orElseThrow(() -> DomainException.unprocessable("consultant.unknown", "consultantId"));
        if (!NudgeTemplates.CASE_REFERENCE.matcher(request.referralId()).matches()) {
            throw DomainException.unprocessable("referral.notFound", "referralId");
        }
        String taskId = taskId(request.kind(), request.programmeId(), request.referralId(), request.decisionKey());
        FollowUpTask task = FollowUpTask.open(taskId, request.kind(), request.referralId(), consultant.id(),
                programme.id(), request.dueAt(), now);

        Instant notifyAt = request.notifyAt() == null || request.notifyAt().isBefore(now) ? now : request.notifyAt();
        if (reminderAt != null && !reminderAt.isAfter(notifyAt)) reminderAt = null;
        // the least time between the first nudge and its reminder (both held over the night, say):
        // reminderAfter, or, for a reminder at a time given (working hours), that time but at most an hour
        Duration gap = reminderAt == null ? Duration.ZERO : Duration.between(request.dueAt(), reminderAt);
        if (gap.isNegative()) gap = Duration.ZERO;
        if (!reminderAfter.isZero() && reminderAt != null && reminderAt.equals(request.dueAt().plus(reminderAfter))) {
            gap = reminderAfter;
        } else if (gap.compareTo(Duration.ofHours(1)) > 0) {
            gap = Duration.ofHours(1);
        }
        Instant linkFrom = later(later(notifyAt, request.dueAt()),
                reminderAt == null ? notifyAt : later(reminderAt, quietHours.earliestSms(notifyAt).plus(gap)));
        String link = link(taskId, programme.id(), linkFrom);
        Language language = consultant.language() == null ? Language.DA : consultant.language();

        List<OutboxMessage> messages = new ArrayList<>();
        for (MessageChannel channel : channels(consultant)) {
            String recipient = channel == MessageChannel.EMAIL ? consultant.email().value() : consultant.phone().e164();
            OutboxMessage first = message(task, channel, recipient, language, false, notifyAt, link, now);
            messages.add(first);
            if (reminderAt != null) {
                // never on the heels of the first nudge (e.g. both held over the night): at least reminderAfter later
                Instant at = later(reminderAt, first.notBefore().plus(gap));
                messages.add(message(task, channel, recipient, language, true, at, link, now));
            }
        }
        for (Extra x : extras) {
            Instant at = quietHours.earliest(x.channel(), x.at() == null || x.at().isBefore(now) ? now : x.at());
            messages.add(OutboxMessage.pending(extraDedupeKey(taskId, x.name(), x.channel()), taskId, programme.id(),
                    x.channel(), x.recipient(), x.subject(), x.text(), x.html(), x.whileOpen(), at, now));
        }
        if (messages.isEmpty()) Log.warn("followUp.noChannel", "taskId", taskId, "consultantId", consultant.id());
        FollowUpStore.CreateResult result = store.create(task, messages,
                new AuditEntry(SUBJECT + taskId, actor, "followUp.created", now));
        Log.info(result instanceof FollowUpStore.Created ? "followUp.created" : "followUp.alreadyDecided",
                "taskId", taskId, "kind", request.kind().wireName(), "messages", Integer.toString(messages.size()));
        return result;
    }

    private OutboxMessage message(FollowUpTask task, MessageChannel channel, String recipient, Language language,
                                  boolean reminder, Instant at, String link, Instant now) {
        Instant notBefore = quietHours.earliest(channel, at);
        // an SMS held over the night names its date rather than "today"
        NudgeTemplates.Rendered r = templates.render(task.kind(), language, reminder, task.referralId(),
                task.dueAt(), link, notBefore);
        String dedupeKey = OutboxMessage.dedupeKey(task.taskId(), reminder, channel);
        return channel == MessageChannel.EMAIL
                ? OutboxMessage.pending(dedupeKey, task.taskId(), task.programmeId(), channel, recipient, r.subject(),
                        r.text(), r.html(), reminder, notBefore, now)
                : OutboxMessage.pending(dedupeKey, task.taskId(), task.programmeId(), channel, recipient, null,
                        r.sms(), null, reminder, notBefore, now);
    }

    /** The channels a consultant wants and can be reached by, email first (also for today's list). */
    public static List<MessageChannel> channels(Settings.Consultant c) {
        List<MessageChannel> out = new ArrayList<>(2);
        if (c.channel() == null || c.channel().email()) {
            if (c.email() != null) out.add(MessageChannel.EMAIL);
        }
        if (c.channel() != null && c.channel().sms() && c.phone() != null) out.add(MessageChannel.SMS);
        if (out.isEmpty() && c.email() != null) out.add(MessageChannel.EMAIL);
        else if (out.isEmpty() && c.phone() != null) out.add(MessageChannel.SMS);
        return out;
    }

    public String link(String taskId, Instant from) {
        return publicBaseUrl + "/f/" + tokens.issue(taskId, from);
    }

    /** A link that works from {@code from} to the end of the programme's {@value #LINK_WORKING_DAYS}rd working day after. */
    public String link(String taskId, String programmeId, Instant from) {
        Instant until = from.plus(tokens.ttl());
        if (linkDays != null) {
            java.time.LocalDate day = from.atZone(dk.rampe.schedule.WorkingDays.ZONE).toLocalDate();
            Instant end = linkDays.plusWorkingDays(programmeId, day, LINK_WORKING_DAYS).plusDays(1)
                    .atStartOfDay(dk.rampe.schedule.WorkingDays.ZONE).toInstant();
            if (end.isAfter(until)) until = end;
        }
        return publicBaseUrl + "/f/" + tokens.issueUntil(taskId, until);
    }

    public Optional<FollowUpTask> find(String taskId) {
        return store.find(taskId);
    }

    /** Every follow-up of a referral, open and closed, by due time. */
    public List<FollowUpTask> tasksOf(String referralId) {
        return store.tasksOf(referralId);
    }

    /** The follow-ups still open for one consultant of a programme, by due time. */
    public List<FollowUpTask> openTasks(String programmeId, String consultantId) {
        return store.openTasks(programmeId, consultantId);
    }

    public enum Recorded { CLOSED, ALREADY_CLOSED }

    /**
     * Records the outcome and closes the task (with its audit entry, in one transaction); then
     * cancels the reminders not yet sent. Recording again changes nothing.
     */
    public Recorded record(String taskId, FollowUpOutcome outcome, String actor) {
        return record(taskId, outcome, actor, "followUp.closed");
    }

    /** As {@link #record(String, FollowUpOutcome, String)}, audited as {@code action} (e.g. closed by a registration). */
    public Recorded record(String taskId, FollowUpOutcome outcome, String actor, String action) {
        Instant now = clock.instant();
        boolean closed = store.close(taskId, outcome, actor, now,
                new AuditEntry(SUBJECT + taskId, actor, action, now));
        if (!closed) return Recorded.ALREADY_CLOSED;
        for (OutboxMessage m : store.messagesOf(taskId)) {
            if (m.reminder() && m.state() == OutboxMessage.State.PENDING) outbox.cancel(m.messageId(), now);
        }
        Log.info("followUp.closed", "taskId", taskId);
        return Recorded.CLOSED;
    }

    /**
     * A referral got another consultant: every follow-up still open for the previous consultant on
     * that referral moves to the new one (task, history, audit), and its pending messages are
     * re-addressed to the new consultant's channels in their language, keeping their time and link.
     * A pending message on a channel the new consultant does not use is cancelled. Messages already
     * sent stay as they were. Doing it again moves nothing twice.
     */
    public int handOver(String programmeId, String referralId, String from, String to, String actor) {
        Instant now = clock.instant();
        Settings.Programme programme = settings.get().programme(programmeId)
                .orElseThrow(() -> DomainException.unprocessable("programme.unknown", "programmeId"));
        Settings.Consultant next = programme.consultant(to)
                .orElseThrow(() -> DomainException.unprocessable("consultant.unknown", "consultantId"));
        Language language = next.language() == null ? Language.DA : next.language();
        List<MessageChannel> channels = channels(next);
        int moved = 0;
        for (String taskId : store.openTaskIds(programmeId, from)) {
            // a message being sent right now makes the transaction fail: read again and retry
            for (int attempt = 1; attempt <= 3; attempt++) {
                Optional<FollowUpTask> found = store.find(taskId);
                if (found.isEmpty() || !found.get().isOpen() || !found.get().referralId().equals(referralId)
                        || !found.get().consultantId().equals(from)) {
                    break;
                }
                FollowUpTask task = found.get();
                List<OutboxMessage> readdressed = new ArrayList<>();
                List<String> cancelled = new ArrayList<>();
                for (OutboxMessage m : store.messagesOf(taskId)) {
                    if (m.state() != OutboxMessage.State.PENDING) continue;
                    // only the consultant's own nudges move with the task (not an extra to the team lead or participant)
                    if (!m.dedupeKey().equals(OutboxMessage.dedupeKey(taskId, m.reminder(), m.channel()))) continue;
                    if (!channels.contains(m.channel())) {
                        cancelled.add(m.messageId());
                        continue;
                    }
                    String link = linkIn(m);
                    String recipient = m.channel() == MessageChannel.EMAIL ? next.email().value() : next.phone().e164();
                    NudgeTemplates.Rendered r = templates.render(task.kind(), language, m.reminder(), task.referralId(),
                            task.dueAt(), link, m.notBefore());
                    readdressed.add(m.channel() == MessageChannel.EMAIL
                            ? m.readdressed(recipient, r.subject(), r.text(), r.html())
                            : m.readdressed(recipient, null, r.sms(), null));
                }
                if (store.handOver(taskId, from, to, now, readdressed, cancelled,
                        new AuditEntry(SUBJECT + taskId, actor, "followUp.handedOver", now))) {
                    moved++;
                    Log.info("followUp.handedOver", "taskId", taskId, "from", from, "to", to, "readdressed",
                            Integer.toString(readdressed.size()), "cancelled", Integer.toString(cancelled.size()));
                    break;
                }
            }
        }
        return moved;
    }

    /** The follow-up link a message carries (the same link goes on after a handover). */
    private String linkIn(OutboxMessage m) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile(java.util.regex.Pattern.quote(publicBaseUrl) + "/f/[A-Za-z0-9._~-]+").matcher(m.text());
        if (!matcher.find()) throw new IllegalStateException("message " + m.messageId() + " carries no follow-up link");
        return matcher.group();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
