package dk.rampe.followup.page;

import dk.rampe.core.Language;
import dk.rampe.followup.FollowUpKind;
import dk.rampe.followup.FollowUpOutcome;
import java.util.Map;

/** The page's words, Danish by default and English available. */
final class PageTexts {
    private PageTexts() {
    }

    private static final Map<String, String[]> T = Map.ofEntries(
            e("title", "Opfølgning", "Follow-up"),
            e("kind." + FollowUpKind.FOLLOW_UP_DUE.wireName(), "Opfølgning", "Follow-up"),
            e("kind." + FollowUpKind.ABSENCE_TODAY.wireName(), "Fravær i dag", "Absence today"),
            e("kind." + FollowUpKind.AFTERCARE_CALL_DUE.wireName(), "Efterværnsopkald", "Aftercare call"),
            e("kind." + FollowUpKind.GENERIC.wireName(), "Opgave", "Task"),
            e("case", "Sag", "Case"),
            e("due", "Forfalder", "Due"),
            e("lookUp", "Slå sagen op i jeres eget system for at se, hvem det drejer sig om.",
                    "Look the case up in your own records to see who it concerns."),
            e("reached", "Fik du kontakt?", "Did you reach them?"),
            e("yes", "Ja", "Yes"),
            e("no", "Nej", "No"),
            e("cause", "Årsag", "Cause"),
            e("next", "Næste skridt", "Next step"),
            e("note", "Note (valgfri)", "Note (optional)"),
            e("noteHint", "Skriv ikke CPR-nummer eller helbredsoplysninger.", "Do not write CPR numbers or health details."),
            e("submit", "Gem og luk opgaven", "Save and close the task"),
            e("saved", "Tak. Opgaven er registreret og lukket.", "Thank you. The task is recorded and closed."),
            e("alreadyClosed", "Opgaven er allerede registreret og lukket. Intet er ændret.",
                    "The task has already been recorded and closed. Nothing was changed."),
            e("closedAt", "Lukket", "Closed"),
            e("refusedTitle", "Linket virker ikke", "This link does not work"),
            e("refused", "Linket er udløbet eller ugyldigt. Åbn den nyeste besked, eller kontakt din leder.",
                    "The link has expired or is not valid. Open the latest message, or contact your manager."),
            e("errors", "Ret venligst:", "Please correct:"),
            e("error.reached", "Vælg ja eller nej.", "Choose yes or no."),
            e("error.cause", "Vælg en årsag.", "Choose a cause."),
            e("error.next", "Vælg et næste skridt.", "Choose a next step."),
            e("error.noteLength", "Noten må højst være 1000 tegn.", "The note may be at most 1000 characters."),
            e("error.noteCpr", "Noten må ikke indeholde et CPR-nummer.", "The note must not contain a CPR number."),
            e("cause." + FollowUpOutcome.Cause.NONE.wireName(), "Ingen / ikke relevant", "None / not relevant"),
            e("cause." + FollowUpOutcome.Cause.ILLNESS.wireName(), "Sygdom", "Illness"),
            e("cause." + FollowUpOutcome.Cause.APPOINTMENT.wireName(), "Aftale (læge, kommune o.l.)", "Appointment"),
            e("cause." + FollowUpOutcome.Cause.TRANSPORT.wireName(), "Transport", "Transport"),
            e("cause." + FollowUpOutcome.Cause.FAMILY.wireName(), "Familie", "Family"),
            e("cause." + FollowUpOutcome.Cause.WORKPLACE.wireName(), "Forhold på arbejdspladsen", "The workplace"),
            e("cause." + FollowUpOutcome.Cause.OTHER.wireName(), "Andet", "Other"),
            e("cause." + FollowUpOutcome.Cause.UNKNOWN.wireName(), "Ukendt", "Unknown"),
            e("next." + FollowUpOutcome.NextStep.NONE.wireName(), "Intet", "Nothing"),
            e("next." + FollowUpOutcome.NextStep.CALL_AGAIN.wireName(), "Ring igen", "Call again"),
            e("next." + FollowUpOutcome.NextStep.MEETING.wireName(), "Aftal et møde", "Arrange a meeting"),
            e("next." + FollowUpOutcome.NextStep.FEWER_HOURS.wireName(), "Færre timer i en periode", "Fewer hours for a while"),
            e("next." + FollowUpOutcome.NextStep.CONTACT_EMPLOYER.wireName(), "Kontakt arbejdsgiver", "Contact the employer"),
            e("next." + FollowUpOutcome.NextStep.CONTACT_CASEWORKER.wireName(), "Kontakt sagsbehandler", "Contact the caseworker"),
            e("methodNotAllowed", "Denne handling understøttes ikke.", "This action is not supported."),
            // --- aftercare (issue 10): the path's follow-ups and their outcome fields ---------------
            e("kind." + FollowUpKind.WORKPLACE_CHECK_DUE.wireName(), "Opfølgning på arbejdspladsen", "Workplace check"),
            e("kind." + FollowUpKind.RETENTION_CHECK_DUE.wireName(), "Opfølgning efter seks måneder", "Six-month check"),
            e("kind." + FollowUpKind.OUTCOME_CHECK_DUE.wireName(), "Opfølgning efter forløbet", "Follow-up after the programme"),
            e("kind." + FollowUpKind.JOB_ENDED_CALL_DUE.wireName(), "Opkald efter ændring", "Call after a change"),
            e("kind." + FollowUpKind.FOLLOW_UP_OVERDUE.wireName(), "Opfølgning ikke lukket", "Follow-up not closed"),
            e("method", "Hvordan?", "How?"),
            e("method." + FollowUpOutcome.Method.PHONE.wireName(), "Telefon", "Phone"),
            e("method." + FollowUpOutcome.Method.VISIT.wireName(), "Besøg", "Visit"),
            e("withWhom", "Med hvem?", "With whom?"),
            e("withWhom." + FollowUpOutcome.WithWhom.EMPLOYEE.wireName(), "Medarbejderen", "The employee"),
            e("withWhom." + FollowUpOutcome.WithWhom.EMPLOYER.wireName(), "Arbejdsgiveren", "The employer"),
            e("withWhom." + FollowUpOutcome.WithWhom.BOTH.wireName(), "Begge", "Both"),
            e("stillEmployed", "Er personen stadig i jobbet?", "Is the person still in the job?"),
            e("hours", "Timer om ugen", "Hours a week"),
            e("error.hours", "Timer om ugen skal være et tal fra 0 til 80.", "Hours a week must be a number from 0 to 80."),
            e("error.aftercare", "Vælg en af de viste muligheder.", "Choose one of the options shown."));

    private static Map.Entry<String, String[]> e(String k, String da, String en) {
        return Map.entry(k, new String[] {da, en});
    }

    static String t(String key, Language language) {
        String[] v = T.get(key);
        if (v == null) throw new IllegalArgumentException("no text " + key);
        return v[language == Language.EN ? 1 : 0];
    }
}
