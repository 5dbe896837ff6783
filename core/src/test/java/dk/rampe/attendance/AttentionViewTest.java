package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The follow-up page's four weeks show the days the early warning counts: a planned day the programme is closed
 * (a public holiday, a closing day) is not a day with nothing registered, unless something was registered on it.
 */
class AttentionViewTest {
    private static final String R = "R7K2M9Q4X1ZW1";
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 21);
    private static final LocalDate CHRISTMAS_EVE = LocalDate.of(2026, 12, 24);
    private static final LocalDate CHRISTMAS_DAY = LocalDate.of(2026, 12, 25);

    @Test
    void aPlannedDayThatIsClosedIsLeftOutUnlessSomethingWasRegisteredOnIt() {
        InMemoryAttendanceStore store = new InMemoryAttendanceStore();
        store.putPlan(R, new AttendancePlan(MONDAY.minusDays(7), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), 240, "c1", Instant.parse("2026-12-01T07:00:00Z")));
        store.addRegistration(R, new Registration("G1", CHRISTMAS_EVE, Registration.Status.PRESENT, null, null, "c1",
                CHRISTMAS_EVE.atTime(9, 0).atZone(ZoneId.of("Europe/Copenhagen")).toInstant(), false, false));
        Set<LocalDate> closed = Set.of(CHRISTMAS_EVE, CHRISTMAS_DAY);
        List<AttentionView.Day> days = AttentionView.days(store.load(R, MONDAY, MONDAY.plusDays(6)), MONDAY,
                MONDAY.plusDays(6), d -> !closed.contains(d));

        assertEquals(List.of(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2), CHRISTMAS_EVE),
                days.stream().map(AttentionView.Day::date).toList(),
                "Christmas Day (closed, nothing registered) and the weekend are left out");
        assertEquals(AttentionView.State.NOTHING, days.get(0).state(), "a working day planned, nothing registered");
        assertEquals(AttentionView.State.PRESENT, days.get(3).state(), "came on a closed day: shown as it happened");

        List<AttentionView.Day> open = AttentionView.days(store.load(R, MONDAY, MONDAY.plusDays(6)), MONDAY,
                MONDAY.plusDays(6), d -> true);
        assertEquals(5, open.size(), "every planned weekday when none is closed");
    }
}
