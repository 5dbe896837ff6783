package dk.rampe.path;

import dk.rampe.attendance.AttendanceService;
import dk.rampe.core.Caller;
import dk.rampe.referral.Referral;
import dk.rampe.referral.ReferralService;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The enrolment, as one use case behind both doors (the API's {@code POST …/enrolment} and the web
 * app's enrolment form): the referral's status, the path's first step, and the participant's answer
 * on a neutral SMS when absent, when one was given. Enrolling again changes nothing but records the
 * answer given, so a retry after a failure completes it. The doors only parse and render.
 */
public final class ParticipantEnrolment {
    private final ReferralService referrals;
    private final PathService paths;
    private final AttendanceService attendance;

    public ParticipantEnrolment(ReferralService referrals, PathService paths, AttendanceService attendance) {
        this.referrals = Objects.requireNonNull(referrals, "referrals");
        this.paths = Objects.requireNonNull(paths, "paths");
        this.attendance = Objects.requireNonNull(attendance, "attendance");
    }

    /** {@code absenceSmsConsent}: null when the participant was not asked (what was recorded stays). */
    public Referral enrol(Caller caller, String referralId, Boolean absenceSmsConsent) {
        return enrol(caller, referralId, null, absenceSmsConsent);
    }

    /** Enrolled on {@code startedOn} (null: today), a day checked against the path's order and today. */
    public Referral enrol(Caller caller, String referralId, LocalDate startedOn, Boolean absenceSmsConsent) {
        Referral enrolled = referrals.enrol(caller, referralId, startedOn);
        paths.statusChanged(enrolled, MilestoneType.ENROLLED, caller.id(), null);
        if (absenceSmsConsent != null) attendance.recordSmsConsent(enrolled, absenceSmsConsent, caller.id());
        return enrolled;
    }
}
