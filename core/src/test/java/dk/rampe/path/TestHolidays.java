package dk.rampe.path;

import dk.rampe.schedule.PublicHolidays;
import java.time.LocalDate;
import java.util.Set;

/** Danish public holidays 2026-2028 as a fixed list (the real ones come from rampe-calendar's DanishHolidays). */
final class TestHolidays implements PublicHolidays {
    private static final Set<LocalDate> DAYS = Set.of(
            d("2026-01-01"), d("2026-04-02"), d("2026-04-03"), d("2026-04-05"), d("2026-04-06"), d("2026-05-14"),
            d("2026-05-24"), d("2026-05-25"), d("2026-12-25"), d("2026-12-26"),
            d("2027-01-01"), d("2027-03-25"), d("2027-03-26"), d("2027-03-28"), d("2027-03-29"), d("2027-05-06"),
            d("2027-05-16"), d("2027-05-17"), d("2027-12-25"), d("2027-12-26"),
            d("2028-01-01"), d("2028-04-13"), d("2028-04-14"), d("2028-04-16"), d("2028-04-17"), d("2028-05-25"),
            d("2028-06-04"), d("2028-06-05"), d("2028-12-25"), d("2028-12-26"));

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Override
    public boolean isPublicHoliday(LocalDate date) {
        return DAYS.contains(date);
    }
}
