package dk.rampe.referral;

import dk.rampe.core.Caller;
import dk.rampe.core.DomainException;
import dk.rampe.core.FieldError;
import dk.rampe.core.Intent;
import dk.rampe.core.ValidationException;
import dk.rampe.settings.Settings;

import dk.rampe.audit.AuditEntry;
import dk.rampe.audit.AuditLog;
import dk.rampe.settings.SettingsStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rules of referral intake and visitation: who may refer to which programme, when intake
 * is open, quotas, one active referral per citizen, named consultants, the status path, and
 * that every read and change is audited.
 */
public final class ReferralService {

    /** What a referral posting answers: the first answer, whether this was a retry, and warnings. */
    public record IntakeResult(IntakeAnswer answer, boolean replayed) {
        public List<String> warnings() {
            return answer.overQuota() ? List.of("intake.overQuota") : List.of();
        }
    }

    public enum VisitationDecision {
        ACCEPTED(ReferralStatus.ACCEPTED), DECLINED(ReferralStatus.DECLINED),
        OUTSIDE_TARGET_GROUP(ReferralStatus.OUTSIDE_TARGET_GROUP);

        final ReferralStatus status;

        VisitationDecision(ReferralStatus status) {
            this.status = status;
        }

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<VisitationDecision> fromWire(String s) {
            for (VisitationDecision d : values()) if (d.name().equalsIgnoreCase(s)) return Optional.of(d);
            return Optional.empty();
        }

        /** The accepted wire names, for error messages. */
        public static String wireNames() {
            return String.join(", ", java.util.Arrays.stream(values()).map(VisitationDecision::wireName).toList());
        }
    }

    /** How far back a desired start may lie, and how far ahead. */
    public static final java.time.Period DESIRED_START_BEFORE = java.time.Period.ofYears(5);
    public static final java.time.Period DESIRED_START_AFTER = java.time.Period.ofYears(2);

    private final ReferralStore store;
    private final SettingsStore settings;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final CitizenMatchKey matchKey;
    private final Duration retentionAfterExit;
    private final Supplier<String> ids;
    private volatile ConsultantHandover handover = ConsultantHandover.NONE;

    public ReferralService(ReferralStore store, SettingsStore settings, AuditLog audit, Clock clock, ZoneId zone,
                           CitizenMatchKey matchKey, Duration retentionAfterExit) {
        this(store, settings, audit, clock, zone, matchKey, retentionAfterExit, ReferralService::newId);
    }

    public ReferralService(ReferralStore store, SettingsStore settings, AuditLog audit, Clock clock, ZoneId zone,
                           CitizenMatchKey matchKey, Duration retentionAfterExit, Supplier<String> ids) {
        this.store = store;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        this.matchKey = matchKey;
        this.retentionAfterExit = retentionAfterExit;
        this.ids = ids;
    }

    /** Moves a referral's open follow-ups when its consultant changes (wired by the function; none by default). */
    public ReferralService withConsultantHandover(ConsultantHandover handover) {
        this.handover = java.util.Objects.requireNonNull(handover);
        return this;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    /** "R" and twelve Crockford base-32 characters: 60 random bits, easy to read out on the phone. */
    static String newId() {
        char[] c = new char[13];
        c[0] = 'R';
        long bits = RANDOM.nextLong();
        for (int i = 1; i < 13; i++) {
            c[i] = CROCKFORD[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(c);
    }

    /**
     * Receives a referral. The same referral posted again under the same key (its
     * {@link ReferralFingerprint}) answers the first answer; another referral under a used key is refused.
     */
    public IntakeResult submit(Caller caller, ReferralDetails details, String idempotencyKeyHeader) {
        return submit(caller, details, idempotencyKeyHeader, null);
    }

    /**
     * As {@link #submit(Caller, ReferralDetails, String)}, for a referral the jobcentre received on {@code receivedOn}
     * (null: today): a day in the past is within the programme's intake ({@code intakeOpens} to {@code intakeStops})
     * and not after today, else a 400 {@code date.range} on {@code receivedAt}; such a referral is let in even after
     * intake has stopped (it was received before), and its later steps and milestones may be dated back to that day.
     */
    public IntakeResult submit(Caller caller, ReferralDetails details, String idempotencyKeyHeader, LocalDate receivedOn) {
        if (caller.role() != Caller.Role.JOBCENTRE) throw DomainException.forbidden("role.jobcentreOnly");
        String requestFingerprint = ReferralFingerprint.of(details) + (receivedOn == null ? "" : "|" + receivedOn);
        List<IdempotencyKey> keys = new ArrayList<>();
        keys.add(new IdempotencyKey("jobcentreReference", details.jobcentreReference()));
        if (idempotencyKeyHeader != null) keys.add(new IdempotencyKey("Idempotency-Key", idempotencyKeyHeader));

        // A retry answers with the first result even after intake has closed since.
        Optional<ReferralStore.KeyTaken> earlier = store.findKey(caller.id(), keys);
        if (earlier.isPresent()) return replayOrRefuse(earlier.get(), requestFingerprint);

        Settings.Programme programme = settings.current().programme(details.programmeId())
                .orElseThrow(() -> DomainException.unprocessable("programme.unknown", "programmeId"));
        Settings.Partner partner = programme.partner(caller.id())
                .orElseThrow(() -> DomainException.unprocessable("programme.notPartner", "programmeId"));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (receivedOn != null && !receivedOn.equals(today)) {
            LocalDate latest = programme.intakeStops().isBefore(today) ? programme.intakeStops() : today;
            EffectiveDates.check("receivedAt", receivedOn, programme.intakeOpens(), latest);
            today = receivedOn; // the intake rules below as on the day it was received
        }
        if (today.isBefore(programme.intakeOpens())) {
            throw DomainException.unprocessable("intake.notOpen", "programmeId", programme.intakeOpens());
        }
        if (today.isAfter(programme.intakeStops())) {
            throw DomainException.unprocessable("intake.closed", "programmeId", programme.intakeStops());
        }
        if (details.desiredStart() != null) {
            LocalDate earliest = today.minus(DESIRED_START_BEFORE);
            LocalDate latest = today.plus(DESIRED_START_AFTER);
            if (details.desiredStart().isBefore(earliest) || details.desiredStart().isAfter(latest)) {
                throw new ValidationException(new FieldError("desiredStart", "date.range", earliest, latest));
            }
        }
        // The store decides overQuota inside the transaction that counts the referral.
        Referral referral = Referral.received(ids.get(), caller.id(), details, partner.defaultConsultantId(),
                false, EffectiveDates.at(receivedOn, now, zone), now);
        ReferralStore.CreateResult result = store.create(referral, matchKey.of(details.citizen().cpr()), keys,
                requestFingerprint, partner.quota(), new AuditEntry(referral.id(), caller.id(), "referral.created", now));
        if (result instanceof ReferralStore.Created created) return new IntakeResult(created.answer(), false);
        if (result instanceof ReferralStore.KeyTaken taken) return replayOrRefuse(taken, requestFingerprint);
        ReferralStore.CitizenActive active = (ReferralStore.CitizenActive) result;
        // Only the jobcentre that owns the active referral learns its id.
        if (active.jobcentreId().equals(caller.id())) {
            throw DomainException.conflict("citizen.alreadyActive", "citizen.cpr", active.referralId());
        }
        throw DomainException.conflict("citizen.alreadyActiveElsewhere", "citizen.cpr");
    }

    /** What {@link #submit} would find of a referral already received: nothing, the same one, or another under its reference. */
    public enum Received { NEW, SAME, OTHER }

    /**
     * Whether {@code jobcentreId} already sent a referral under {@code details}' jobcentre reference (a read only, as
     * {@link #submit} would read it): {@link Received#SAME} when {@code submit} with these details and day would
     * replay it, {@link Received#OTHER} when it would be refused as another referral under a used reference.
     */
    public Received received(String jobcentreId, ReferralDetails details, LocalDate receivedOn) {
        Optional<ReferralStore.KeyTaken> taken = store.findKey(jobcentreId,
                List.of(new IdempotencyKey("jobcentreReference", details.jobcentreReference())));
        if (taken.isEmpty()) return Received.NEW;
        String fingerprint = ReferralFingerprint.of(details) + (receivedOn == null ? "" : "|" + receivedOn);
        return taken.get().requestFingerprint().equals(fingerprint) ? Received.SAME : Received.OTHER;
    }

    private static IntakeResult replayOrRefuse(ReferralStore.KeyTaken taken, String fingerprint) {
        if (taken.requestFingerprint().equals(fingerprint)) return new IntakeResult(taken.firstAnswer(), true);
        throw DomainException.conflict("idempotency.differentBody", taken.key().field(),
                taken.firstAnswer().referralId());
    }

    /** Reads a referral; anyone who may not see it gets "not found", exactly as if it did not exist. */
    public Referral read(Caller caller, String referralId) {
        Referral r = visible(caller, referralId);
        audit.record(new AuditEntry(r.id(), caller.id(), "referral.read", clock.instant()));
        return r;
    }

    public Referral recordVisitation(Caller caller, String referralId, VisitationDecision decision, String reason) {
        return recordVisitation(caller, referralId, decision, reason, null);
    }

    /**
     * The visitation meeting's decision. A decline needs a reason: the code from the fixed list, a free
     * text, or both; outside the target group needs the free text; a reason code goes with a decline only.
     */
    public Referral recordVisitation(Caller caller, String referralId, VisitationDecision decision, String reason,
                                     DeclineReason reasonCode) {
        return recordVisitation(caller, referralId, decision, reason, reasonCode, null);
    }

    /**
     * As {@link #recordVisitation(Caller, String, VisitationDecision, String, DeclineReason)}, decided on
     * {@code decidedOn} (null: today): not before the referral was received, not after today ({@code date.range}).
     */
    public Referral recordVisitation(Caller caller, String referralId, VisitationDecision decision, String reason,
                                     DeclineReason reasonCode, LocalDate decidedOn) {
        if (reasonCode != null && decision != VisitationDecision.DECLINED) {
            throw new ValidationException(new FieldError("reasonCode", "reasonCode.declinedOnly"));
        }
        return decided(() -> visitation(caller, referralId, decision, reason, reasonCode, decidedOn));
    }

    private Referral visitation(Caller caller, String referralId, VisitationDecision decision, String reason,
                                DeclineReason reasonCode, LocalDate decidedOn) {
        Referral r = visibleToStaff(caller, referralId);
        if (r.status() == decision.status) { // the same decision twice changes nothing but the retention
            if (!r.status().active()) retainAgain(r);
            return r;
        }
        boolean noText = reason == null || reason.isBlank();
        if (decision != VisitationDecision.ACCEPTED && noText && reasonCode == null) {
            throw new ValidationException(new FieldError("reason", "required"));
        }
        Instant now = clock.instant();
        EffectiveDates.checkNext("decidedOn", decidedOn, r, LocalDate.ofInstant(now, zone), zone);
        Referral next = r.moveTo(decision.status, EffectiveDates.at(decidedOn, now, zone), now, caller.id(),
                noText ? null : reason, null, reasonCode == null ? null : reasonCode.wireName());
        boolean ends = !next.status().active();
        store.update(next, citizenKey(r), ends, ends ? now.plus(retentionAfterExit) : null,
                new AuditEntry(r.id(), caller.id(), "referral.visitation." + decision.name().toLowerCase(), now));
        return next;
    }

    public Referral enrol(Caller caller, String referralId) {
        return enrol(caller, referralId, null);
    }

    /** Enrols on {@code startedOn} (null: today): not before the visitation's day, not after today ({@code date.range}). */
    public Referral enrol(Caller caller, String referralId, LocalDate startedOn) {
        return decided(() -> enrolment(caller, referralId, startedOn));
    }

    private Referral enrolment(Caller caller, String referralId, LocalDate startedOn) {
        Referral r = visibleToStaff(caller, referralId);
        if (r.status() == ReferralStatus.ENROLLED) return r;
        Instant now = clock.instant();
        if (r.status().next().contains(ReferralStatus.ENROLLED)) {
            EffectiveDates.checkNext("startedOn", startedOn, r, LocalDate.ofInstant(now, zone), zone);
        }
        Referral next = r.moveTo(ReferralStatus.ENROLLED, EffectiveDates.at(startedOn, now, zone), now, caller.id(),
                null, null, null);
        store.update(next, citizenKey(r), false, null, new AuditEntry(r.id(), caller.id(), "referral.enrolled", now));
        return next;
    }

    /** The participant leaves; a second exit (with the same or another outcome) is a 409 {@code status.alreadyExited}. */
    public Referral exit(Caller caller, String referralId, ExitOutcome outcome, String note) {
        return exit(caller, referralId, outcome, note, null, null);
    }

    /**
     * Exits on {@code exitedOn} (null: today): not before the referral's latest step nor {@code notBefore} (the
     * path's latest step, or null), not after today ({@code date.range}).
     */
    public Referral exit(Caller caller, String referralId, ExitOutcome outcome, String note, LocalDate exitedOn,
                         LocalDate notBefore) {
        return decided(() -> leaving(caller, referralId, outcome, note, exitedOn, notBefore));
    }

    private Referral leaving(Caller caller, String referralId, ExitOutcome outcome, String note, LocalDate exitedOn,
                             LocalDate notBefore) {
        Referral r = visibleToStaff(caller, referralId);
        if (r.status() == ReferralStatus.EXITED) {
            retainAgain(r); // completes a first exit's retention that stopped part-way
            throw DomainException.conflict("status.alreadyExited", "outcome");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (r.status().next().contains(ReferralStatus.EXITED)) {
            EffectiveDates.checkNext("exitedOn", exitedOn, r, today, zone);
            if (notBefore != null) EffectiveDates.check("exitedOn", exitedOn, notBefore, today);
        }
        Referral next = r.moveTo(ReferralStatus.EXITED, EffectiveDates.at(exitedOn, now, zone), now, caller.id(), note,
                outcome.wireName(), null);
        store.update(next, citizenKey(r), true, now.plus(retentionAfterExit),
                new AuditEntry(r.id(), caller.id(), "referral.exited", now));
        return next;
    }

    /**
     * A repeated exit or decline writes the referral's retention again on every item about the participant
     * (a first one that stopped between its transaction and the items that did not fit in it is completed).
     */
    private void retainAgain(Referral r) {
        r.history().stream().filter(c -> c.status() == r.status()).reduce((a, b) -> b)
                .ifPresent(c -> store.applyRetention(r.id(), c.at().plus(retentionAfterExit)));
    }

    public Referral assignConsultant(Caller caller, String referralId, String consultantId) {
        return decided(() -> consultantChange(caller, referralId, consultantId));
    }

    private Referral consultantChange(Caller caller, String referralId, String consultantId) {
        Referral r = visibleToStaff(caller, referralId);
        Settings.Programme programme = programmeOf(r);
        if (programme.consultant(consultantId).isEmpty()) {
            throw DomainException.unprocessable("consultant.unknown", "consultantId");
        }
        if (consultantId.equals(r.consultantId())) return r;
        if (!r.status().active()) throw DomainException.conflict("status.closed", "status", r.status().wireName());
        Instant now = clock.instant();
        // the open follow-ups first: if the referral is then not saved (changed meanwhile), a retry moves the rest
        if (r.consultantId() != null) handover.handOver(r.programmeId(), r.id(), r.consultantId(), consultantId, caller.id());
        Referral next = r.withConsultant(consultantId);
        store.update(next, citizenKey(r), false, null,
                new AuditEntry(r.id(), caller.id(), "referral.consultantAssigned", now));
        return next;
    }

    /**
     * A change decided on the referral as read, written under its version: when another change came in between,
     * read again and decided again (the same change twice is then no change; a second exit a 409), at most
     * {@link Intent#ATTEMPTS} times, then the 409 {@code referral.changedMeanwhile}.
     */
    private static Referral decided(Supplier<Referral> decision) {
        for (int attempt = 1; ; attempt++) {
            try {
                return decision.get();
            } catch (ReferralStore.ConcurrentChange e) {
                if (attempt >= Intent.ATTEMPTS) throw e;
                Intent.pause(attempt);
            }
        }
    }

    /**
     * The referral a staff member is about to act on (for example to plan a follow-up): visible to
     * them, and still active. Reading it this way is not a read of personal data, so it is not audited.
     */
    public Referral activeReferralForStaff(Caller caller, String referralId) {
        Referral r = visibleToStaff(caller, referralId);
        if (!r.status().active()) throw DomainException.conflict("status.closed", "status", r.status().wireName());
        return r;
    }

    /** The programmes a staff member works in (consultant or listed staff); empty for anyone else. */
    public List<Settings.Programme> programmesOf(Caller caller) {
        if (caller.role() != Caller.Role.STAFF) return List.of();
        return settings.current().programmes().stream().filter(p -> p.hasStaff(caller.id())).toList();
    }

    /**
     * A programme's referrals (only those in {@code statusOrNull} when given), oldest first, for
     * its staff; anyone else gets "not found". The listing is audited as one read.
     */
    public List<Referral> programmeReferrals(Caller caller, String programmeId, ReferralStatus statusOrNull) {
        boolean staff = caller.role() == Caller.Role.STAFF && settings.current().programme(programmeId)
                .map(p -> p.hasStaff(caller.id())).orElse(false);
        if (!staff) throw DomainException.notFound("programme.unknown");
        List<Referral> list = store.listByProgramme(programmeId, statusOrNull);
        audit.record(new AuditEntry("programme:" + programmeId, caller.id(), "referrals.listed", clock.instant()));
        return list;
    }

    /** The referrals the calling jobcentre sent, to every programme it is a partner of, oldest first; audited. */
    public List<Referral> jobcentreReferrals(Caller caller) {
        if (caller.role() != Caller.Role.JOBCENTRE) throw DomainException.forbidden("role.jobcentreOnly");
        List<Referral> out = new ArrayList<>();
        for (Settings.Programme p : settings.current().programmes()) {
            if (p.partner(caller.id()).isPresent()) out.addAll(store.listByProgrammeForJobcentre(p.id(), caller.id()));
        }
        audit.record(new AuditEntry("jobcentre:" + caller.id(), caller.id(), "referrals.listed", clock.instant()));
        return out;
    }

    /**
     * The referral a staff member records a step of the path for: visible to them, in any status
     * (a correction may come after the exit). Not a read of personal data, so not audited.
     */
    public Referral referralForStaff(Caller caller, String referralId) {
        return visibleToStaff(caller, referralId);
    }

    private String citizenKey(Referral r) {
        return matchKey.of(r.details().citizen().cpr());
    }

    private Settings.Programme programmeOf(Referral r) {
        return settings.current().programme(r.programmeId())
                .orElseThrow(() -> DomainException.notFound("referral.notFound"));
    }

    private Referral visible(Caller caller, String referralId) {
        Referral r = store.find(referralId).orElseThrow(() -> DomainException.notFound("referral.notFound"));
        boolean visible = switch (caller.role()) {
            case JOBCENTRE -> r.jobcentreId().equals(caller.id());
            case STAFF -> settings.current().programme(r.programmeId()).map(p -> p.hasStaff(caller.id())).orElse(false);
            case ADMIN -> false;
        };
        if (!visible) throw DomainException.notFound("referral.notFound");
        return r;
    }

    private Referral visibleToStaff(Caller caller, String referralId) {
        Referral r = visible(caller, referralId);
        if (caller.role() != Caller.Role.STAFF) throw DomainException.forbidden("role.staffOnly");
        return r;
    }
}
