package dk.rampe.local;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge Scheduler expressions as the local scheduler needs them: {@code rate(5 minutes)}
 * and {@code cron(minutes hours day-of-month month day-of-week year)} in a time zone, with
 * {@code *}, {@code ?}, lists, ranges and steps ({@code L}, {@code W} and {@code #} are not
 * supported and are refused rather than misread).
 */
public sealed interface ScheduleExpression {

    /** The first firing strictly after {@code after}. */
    Instant next(Instant after);

    static ScheduleExpression parse(String expression, ZoneId zone) {
        String e = expression.strip();
        Matcher rate = Pattern.compile("^rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)$").matcher(e);
        if (rate.matches()) {
            long n = Long.parseLong(rate.group(1));
            Duration d = switch (rate.group(2).replaceAll("s$", "")) {
                case "minute" -> Duration.ofMinutes(n);
                case "hour" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            if (d.isZero()) throw new IllegalArgumentException("rate must be positive: " + expression);
            return new Rate(d);
        }
        Matcher cron = Pattern.compile("^cron\\((.+)\\)$").matcher(e);
        if (cron.matches()) return Cron.of(cron.group(1), zone);
        throw new IllegalArgumentException("not a schedule expression: " + expression);
    }

    record Rate(Duration every) implements ScheduleExpression {
        @Override
        public Instant next(Instant after) {
            return after.plus(every);
        }
    }

    record Cron(BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek, BitSet years,
                boolean anyDayOfMonth, boolean anyDayOfWeek, ZoneId zone) implements ScheduleExpression {
        private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
                Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
                Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));
        private static final Map<String, Integer> DAYS = Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5,
                "FRI", 6, "SAT", 7);

        static Cron of(String fields, ZoneId zone) {
            String[] f = fields.strip().split("\\s+");
            if (f.length != 6) throw new IllegalArgumentException("cron needs 6 fields: " + fields);
            boolean anyDom = f[2].equals("?") || f[2].equals("*");
            boolean anyDow = f[4].equals("?") || f[4].equals("*");
            return new Cron(field(f[0], 0, 59, Map.of()), field(f[1], 0, 23, Map.of()), field(f[2], 1, 31, Map.of()),
                    field(f[3], 1, 12, MONTHS), field(f[4], 1, 7, DAYS), field(f[5], 1970, 2199, Map.of()),
                    anyDom, anyDow, zone);
        }

        private static BitSet field(String spec, int min, int max, Map<String, Integer> names) {
            BitSet bits = new BitSet();
            for (String part : spec.toUpperCase(Locale.ROOT).split(",")) {
                if (part.matches(".*[LW#].*") && !names.containsKey(part)) {
                    throw new IllegalArgumentException("L, W and # are not supported locally: " + spec);
                }
                int step = 1;
                String range = part;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    step = Integer.parseInt(part.substring(slash + 1));
                    range = part.substring(0, slash);
                }
                int from;
                int to;
                if (range.equals("*") || range.equals("?")) {
                    from = min;
                    to = max;
                } else if (range.contains("-")) {
                    String[] ft = range.split("-");
                    from = value(ft[0], names);
                    to = value(ft[1], names);
                } else {
                    from = value(range, names);
                    to = slash >= 0 ? max : from;
                }
                if (from < min || to > max || from > to) throw new IllegalArgumentException("out of range: " + spec);
                for (int v = from; v <= to; v += step) bits.set(v);
            }
            return bits;
        }

        private static int value(String s, Map<String, Integer> names) {
            Integer named = names.get(s);
            return named != null ? named : Integer.parseInt(s);
        }

        @Override
        public Instant next(Instant after) {
            ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            // walk day by day, then minute by minute inside a matching day: at most a few years
            for (int day = 0; day < 366 * 5; day++) {
                LocalDate date = t.toLocalDate();
                if (dayMatches(date)) {
                    for (int h = (day == 0 ? t.getHour() : 0); h < 24; h++) {
                        if (!hours.get(h)) continue;
                        for (int m = (day == 0 && h == t.getHour() ? t.getMinute() : 0); m < 60; m++) {
                            if (!minutes.get(m)) continue;
                            ZonedDateTime candidate = LocalDateTime.of(date, java.time.LocalTime.of(h, m)).atZone(zone);
                            if (candidate.toInstant().isAfter(after)) return candidate.toInstant();
                        }
                    }
                }
                t = date.plusDays(1).atStartOfDay(zone);
            }
            throw new IllegalStateException("no firing within five years");
        }

        private boolean dayMatches(LocalDate d) {
            if (!years.get(d.getYear()) || !months.get(d.getMonthValue())) return false;
            int dow = d.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : d.getDayOfWeek().getValue() + 1;
            boolean dom = daysOfMonth.get(d.getDayOfMonth());
            boolean wd = daysOfWeek.get(dow);
            if (anyDayOfMonth && anyDayOfWeek) return true;
            if (anyDayOfMonth) return wd;
            if (anyDayOfWeek) return dom;
            return dom && wd;
        }
    }
}
