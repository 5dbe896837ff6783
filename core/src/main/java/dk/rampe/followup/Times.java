package dk.rampe.followup;

import dk.rampe.core.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Times as people read them, in Danish or English, written out here rather than taken from the
 * JDK's locale data (which a trimmed runtime may lack): "mandag den 23. november 2026 kl. 11:00",
 * "Monday 23 November 2026 at 11:00", and short "23/11 kl. 11:00" / "23/11 at 11:00".
 */
public final class Times {
    private static final String[] DAYS_DA = {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"};
    private static final String[] DAYS_EN = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTHS_DA = {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
        "september", "oktober", "november", "december"};
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private Times() {
    }

    public static String longTime(Instant at, ZoneId zone, Language language) {
        ZonedDateTime t = at.atZone(zone);
        int day = t.getDayOfWeek().getValue() - 1;
        int month = t.getMonthValue() - 1;
        String clock = String.format("%02d:%02d", t.getHour(), t.getMinute());
        return language == Language.EN
                ? DAYS_EN[day] + " " + t.getDayOfMonth() + " " + MONTHS_EN[month] + " " + t.getYear() + " at " + clock
                : DAYS_DA[day] + " den " + t.getDayOfMonth() + ". " + MONTHS_DA[month] + " " + t.getYear() + " kl. " + clock;
    }

    /** A date as people read it: "mandag den 23. november 2026", "Monday 23 November 2026". */
    public static String longDate(java.time.LocalDate date, Language language) {
        int day = date.getDayOfWeek().getValue() - 1;
        int month = date.getMonthValue() - 1;
        return language == Language.EN
                ? DAYS_EN[day] + " " + date.getDayOfMonth() + " " + MONTHS_EN[month] + " " + date.getYear()
                : DAYS_DA[day] + " den " + date.getDayOfMonth() + ". " + MONTHS_DA[month] + " " + date.getYear();
    }

    public static String shortTime(Instant at, ZoneId zone, Language language) {
        ZonedDateTime t = at.atZone(zone);
        String clock = String.format("%02d:%02d", t.getHour(), t.getMinute());
        return t.getDayOfMonth() + "/" + t.getMonthValue() + (language == Language.EN ? " at " : " kl. ") + clock;
    }
}
