package dk.rampe.attendance;

import static dk.rampe.core.Html.esc;

import dk.rampe.core.EmailAddress;
import dk.rampe.core.PhoneNumber;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.NudgeService;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The neutral words of an absence's extra messages, sent with the consultant's nudge from
 * the same outbox: the team lead's email when the follow-up is still open after the escalation time,
 * and the participant's SMS at the cutoff. They carry a case reference, a date, a first name and a
 * phone number: never a CPR number, a benefit or anything about health.
 */
public final class AbsenceMessages {
    public static final String TEAM_LEAD = "teamlead";
    public static final String PARTICIPANT = "participant";

    private AbsenceMessages() {
    }

    /** To the team lead, sent only while the follow-up is still open at {@code at}. */
    public static NudgeService.Extra teamLead(EmailAddress to, String referralId, LocalDate date, String consultantName,
                                              Instant at) {
        String who = consultantName == null || consultantName.isBlank() ? "" : " (" + firstName(consultantName) + ")";
        String subject = "Rampe: opfølgning ikke lukket i sag " + referralId;
        String text = "En opfølgning på fremmøde i sag " + referralId + " fra " + date + " er ikke lukket efter to "
                + "arbejdstimer. Konsulenten" + who + " har fået en påmindelse.\n\n"
                + "An attendance follow-up in case " + referralId + " from " + date + " is still open after two "
                + "working hours. The consultant" + who + " has been reminded.\n";
        String html = "<p>En opfølgning på fremmøde i sag " + esc(referralId) + " fra " + date + " er ikke lukket "
                + "efter to arbejdstimer. Konsulenten" + esc(who) + " har fået en påmindelse.</p>"
                + "<p lang=\"en\">An attendance follow-up in case " + esc(referralId) + " from " + date
                + " is still open after two working hours. The consultant" + esc(who) + " has been reminded.</p>";
        return new NudgeService.Extra(TEAM_LEAD, MessageChannel.EMAIL, to.value(), subject, text, html, true, at);
    }

    /** To the participant at the cutoff: "we have not seen you today, call {first name} on {phone}". */
    public static NudgeService.Extra participant(PhoneNumber to, String consultantName, PhoneNumber consultantPhone,
                                                 Instant at) {
        String text = "Vi har ikke set dig i dag — ring til " + firstName(consultantName) + " på "
                + display(consultantPhone);
        return new NudgeService.Extra(PARTICIPANT, MessageChannel.SMS, to.e164(), null, text, null, false, at);
    }

    static String firstName(String name) {
        String n = name == null ? "" : name.strip();
        int space = n.indexOf(' ');
        return space < 0 ? n : n.substring(0, space);
    }

    /** A Danish number as people write it (12 34 56 78); others as E.164. */
    static String display(PhoneNumber p) {
        String e = p.e164();
        if (e.startsWith("+45") && e.length() == 11) {
            String n = e.substring(3);
            return n.substring(0, 2) + " " + n.substring(2, 4) + " " + n.substring(4, 6) + " " + n.substring(6);
        }
        return e;
    }
}
