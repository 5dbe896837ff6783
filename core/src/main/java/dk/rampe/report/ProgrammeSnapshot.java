package dk.rampe.report;

import dk.rampe.attendance.Attendance;
import dk.rampe.attendance.Notice;
import dk.rampe.followup.FollowUpTask;
import dk.rampe.path.Path;
import dk.rampe.referral.Referral;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A programme's dated history as one report reads it: what an adapter loads (once per report) and
 * {@link ProgrammeFigures} computes every figure from. The adapter only loads; the rules are in core.
 */
public interface ProgrammeSnapshot {

    /** The programme's referrals, each with its whole status history. */
    List<Referral> referrals();

    /**
     * Each referral enrolled before the report month's end, with its path and, unless it left before the
     * twelve months the report shows, its attendance in those months and its notices.
     */
    Collection<Participant> participants();

    /** The follow-up tasks of these ids that exist (read by key: their ids are derived from the decision). */
    Map<String, FollowUpTask> tasks(Collection<String> ids);

    /** A participant as read: the referral (its whole history), its path, its attendance in the window, its notices. */
    /** A participant as the report reads them; {@code warnings}: the early warnings started, as stored. */
    record Participant(Referral referral, Path path, Attendance attendance, List<Notice> notices,
                       List<dk.rampe.attendance.Warning> warnings) {
        public Participant {
            notices = List.copyOf(notices);
            warnings = List.copyOf(warnings);
        }

        public Participant(Referral referral, Path path, Attendance attendance, List<Notice> notices) {
            this(referral, path, attendance, notices, List.of());
        }
    }

    /** An in-memory snapshot (tests, and anything that holds the history already). */
    static ProgrammeSnapshot of(List<Referral> referrals, List<Participant> participants, List<FollowUpTask> tasks) {
        Map<String, FollowUpTask> byId = new HashMap<>();
        for (FollowUpTask t : tasks) byId.put(t.taskId(), t);
        List<Referral> r = List.copyOf(referrals);
        List<Participant> p = List.copyOf(participants);
        return new ProgrammeSnapshot() {
            @Override
            public List<Referral> referrals() {
                return r;
            }

            @Override
            public Collection<Participant> participants() {
                return p;
            }

            @Override
            public Map<String, FollowUpTask> tasks(Collection<String> ids) {
                Map<String, FollowUpTask> out = new HashMap<>();
                for (String id : ids) if (byId.containsKey(id)) out.put(id, byId.get(id));
                return out;
            }

        };
    }
}
