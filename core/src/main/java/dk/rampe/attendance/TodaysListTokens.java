package dk.rampe.attendance;

import dk.rampe.followup.LinkSigner;
import dk.rampe.schedule.DecisionIds;
import dk.rampe.schedule.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;

/**
 * Signed links to one consultant's list of one day: {@code {listId}.{yyyymmdd}.{signature}}.
 * <ul>
 * <li>{@code listId} = {@code L} + 12 base32 characters of an HMAC over the consultant id and the
 * date (purpose {@value #ID_PURPOSE}): it names the list without naming the consultant, and cannot
 * be worked back to them without the key; the page finds the consultant by computing the ids of
 * the consultants in the settings for that date.</li>
 * <li>the signature ({@link LinkSigner}, purpose {@value #PURPOSE}) covers the list id and the date,
 * so a link cannot be moved to another day or another consultant's list.</li>
 * <li>a link works on its day only (Copenhagen time): yesterday's list is refused as expired.</li>
 * </ul>
 * Same key as the follow-up links ({@code RAMPE_FOLLOW_UP_TOKEN_KEY}), other purpose labels, so a
 * follow-up link is never a list link. No personal data in the link; 39 characters.
 */
public final class TodaysListTokens {
    static final String PURPOSE = "rampe.todays-list.v1";
    static final String ID_PURPOSE = "rampe.todays-list.id.v1";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final LinkSigner signer;
    private final LinkSigner ids;

    public TodaysListTokens(byte[] key) {
        this.signer = new LinkSigner(key, PURPOSE);
        this.ids = new LinkSigner(key, ID_PURPOSE);
    }

    /** The id of a consultant's list of a day. */
    public String listId(String consultantId, LocalDate date) {
        return "L" + DecisionIds.base32(ids.mac(consultantId, date.toString()), 12);
    }

    /** The token of a consultant's list of a day. */
    public String issue(String consultantId, LocalDate date) {
        String listId = listId(consultantId, date);
        String day = date.format(DAY);
        return listId + "." + day + "." + signer.sign(listId, day);
    }

    /** What a token is: valid for one list today, or refused (with the list's day when it is only too old). */
    public sealed interface Check permits Valid, Refused {
    }

    public record Valid(String listId, LocalDate date) implements Check {
    }

    /** {@code date}: set for an authentic link of an earlier day (EXPIRED), else null. */
    public record Refused(Reason reason, LocalDate date) implements Check {
    }

    public enum Reason { MALFORMED, BAD_SIGNATURE, EXPIRED, OTHER_LIST, UNKNOWN_CONSULTANT }

    public Check verify(String token, Instant now) {
        if (token == null || token.length() > 60) return new Refused(Reason.MALFORMED, null);
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("^L[0-9A-HJKMNP-TV-Z]{12}$") || !parts[1].matches("^[0-9]{8}$")
                || !parts[2].matches("^[A-Za-z0-9_-]{16}$")) {
            return new Refused(Reason.MALFORMED, null);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(parts[1], DAY);
        } catch (DateTimeParseException e) {
            return new Refused(Reason.MALFORMED, null);
        }
        if (!signer.verify(parts[2], parts[0], parts[1])) return new Refused(Reason.BAD_SIGNATURE, null);
        LocalDate today = LocalDate.ofInstant(now, WorkingDays.ZONE);
        if (date.isBefore(today)) return new Refused(Reason.EXPIRED, date);
        if (date.isAfter(today)) return new Refused(Reason.MALFORMED, null); // never issued ahead of its day
        return new Valid(parts[0], date);
    }

    /** The consultant among {@code consultantIds} whose list of {@code date} has this id. */
    public Optional<String> consultant(String listId, LocalDate date, Collection<String> consultantIds) {
        for (String c : consultantIds) {
            if (c != null && c.indexOf('|') < 0 && listId(c, date).equals(listId)) return Optional.of(c);
        }
        return Optional.empty();
    }
}
