package dk.rampe.plan;

import dk.rampe.audit.AuditEntry;
import dk.rampe.core.Caller;
import dk.rampe.core.FieldError;
import dk.rampe.core.InputFields;
import dk.rampe.core.TextField;
import dk.rampe.core.ValidationException;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralService;
import dk.rampe.referral.ReferralStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading and changing the participant's plan, with the referral's own rules: whoever may read
 * the referral may read its plan (and the read is audited as a read of the referral); only the
 * programme's staff change it, while the referral is active; relatives only with consent.
 */
public final class PlanService {
    public static final int MAX_STEP = InputFields.PLAN_STEP.maxLength();
    public static final int MAX_AGREEMENTS = InputFields.PLAN_AGREEMENTS.maxLength();
    public static final int MAX_NAME = InputFields.TOVHOLDER.maxLength();

    /** The plan together with the referral it belongs to. */
    public record View(Referral referral, Plan plan) {
    }

    /** What staff send: the whole plan as they see it, and the version they saw. */
    public record Input(List<Plan.Step> steps, String agreements, String tovholder, List<Plan.Supporter> supporters,
                        long expectedVersion) {
    }

    private final PlanStore store;
    private final ReferralService referrals;
    private final Clock clock;

    public PlanService(PlanStore store, ReferralService referrals, Clock clock) {
        this.store = store;
        this.referrals = referrals;
        this.clock = clock;
    }

    /** A plan text as its one definition says (length, characters, no CPR-like number). */
    private static void check(TextField field, String path, String value, List<FieldError> errors) {
        if (value == null) return;
        FieldError e = field.error(path, value);
        if (e != null) errors.add(e);
    }

    public View read(Caller caller, String referralId) {
        Referral r = referrals.read(caller, referralId);
        return new View(r, store.find(r.id()).orElseGet(() -> Plan.initial(r)));
    }

    public Plan update(Caller caller, String referralId, Input in) {
        Referral r = referrals.activeReferralForStaff(caller, referralId);
        List<FieldError> errors = new ArrayList<>();
        if (in.steps().size() > Plan.MAX_STEPS) errors.add(new FieldError("steps", "tooMany", Plan.MAX_STEPS));
        for (int i = 0; i < in.steps().size(); i++) {
            check(InputFields.PLAN_STEP, "steps[" + i + "]", in.steps().get(i).text(), errors);
        }
        check(InputFields.PLAN_AGREEMENTS, "agreements", in.agreements(), errors);
        check(InputFields.TOVHOLDER, "tovholder", in.tovholder(), errors);
        if (in.supporters().size() > Plan.MAX_SUPPORTERS) {
            errors.add(new FieldError("supporters", "tooMany", Plan.MAX_SUPPORTERS));
        }
        for (int i = 0; i < in.supporters().size(); i++) {
            Plan.Supporter s = in.supporters().get(i);
            check(InputFields.SUPPORTER_NAME, "supporters[" + i + "]", s.name(), errors);
            if (s.role() == Plan.SupporterRole.RELATIVE && !r.details().relativesConsent()) {
                errors.add(new FieldError("supporters[" + i + "]", "relatives.noConsent"));
            }
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Plan current = store.find(r.id()).orElseGet(() -> Plan.initial(r));
        if (current.version() != in.expectedVersion()) throw new ReferralStore.ConcurrentChange();
        Instant now = clock.instant();
        List<Plan.Change> changes = new ArrayList<>(current.changes());
        changes.add(new Plan.Change(now, caller.id(), current.version() + 1));
        Plan next = new Plan(r.id(), in.steps(), in.agreements(), in.tovholder(), in.supporters(),
                current.version() + 1, changes);
        store.save(next, new AuditEntry(r.id(), caller.id(), "plan.updated", now));
        return next;
    }
}
