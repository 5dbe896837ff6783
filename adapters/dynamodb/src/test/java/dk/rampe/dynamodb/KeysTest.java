package dk.rampe.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void aZeroFractionSortsBeforeAHalfSecond() {
        Instant whole = Instant.parse("2026-11-24T09:00:00Z");
        Instant half = Instant.parse("2026-11-24T09:00:00.500Z");
        assertTrue(whole.toString().compareTo(half.toString()) > 0, "the bug: Instant.toString sorts wrong");
        assertTrue(Keys.time(whole).compareTo(Keys.time(half)) < 0);
        assertEquals("2026-11-24T09:00:00.000000000Z", Keys.time(whole));
        assertEquals(Keys.time(whole).length(), Keys.time(half).length());
    }

    @Test
    void theEncodingSortsAsTimeSortsAndReadsBack() {
        List<Instant> times = new ArrayList<>(List.of(
                Instant.parse("2025-12-31T23:59:59.999999999Z"), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00.000000001Z"), Instant.parse("2026-01-01T00:00:00.001Z"),
                Instant.parse("2026-01-01T00:00:00.000001Z"), Instant.parse("2026-03-29T01:00:00Z"),
                Instant.parse("2026-10-25T00:59:59.5Z"), Instant.parse("2027-02-28T23:00:00Z"),
                Instant.parse("2028-02-29T12:00:00.120Z"), Instant.parse("2099-01-01T00:00:00Z"),
                Instant.parse("1999-12-31T23:59:59Z")));
        Random random = new Random(2026);
        Instant base = Instant.parse("2025-06-01T00:00:00Z");
        for (int i = 0; i < 2000; i++) {
            long seconds = random.nextInt(3 * 366 * 86_400);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            times.add(base.plusSeconds(seconds).plusNanos(nanos));
        }
        List<Instant> byTime = times.stream().sorted().toList();
        List<Instant> byKey = times.stream().sorted(Comparator.comparing(Keys::time)).toList();
        assertEquals(byTime, byKey);
        for (Instant t : times) {
            assertEquals(t, Keys.parseTime(Keys.time(t)));
            assertEquals(30, Keys.time(t).length());
        }
    }

    @Test
    void sortKeysOrderByTimeThenIdAndRangeEndsCoverTheirInstant() {
        Instant t = Instant.parse("2026-11-24T09:00:00Z");
        String sk = Keys.timeSk(t, "M0123456789ABCDEFGHJK");
        assertTrue(Keys.skFrom(t).compareTo(sk) < 0 && sk.compareTo(Keys.skTo(t)) < 0);
        assertTrue(Keys.skTo(t).compareTo(Keys.timeSk(t.plusNanos(1), "0")) < 0);
        assertTrue(Keys.skTo(t.minusNanos(1)).compareTo(sk) < 0);
        assertEquals("M0123456789ABCDEFGHJK", Keys.idOfTimeSk(sk));
    }

    @Test
    void dueBucketsAreUtcDaysOfTheWindow() {
        assertEquals("DUE#outbox#2026-11-24", Keys.dueGsi1pk("outbox", Instant.parse("2026-11-24T23:30:00Z")));
        assertEquals(List.of("DUE#absence#2026-11-22", "DUE#absence#2026-11-23", "DUE#absence#2026-11-24"),
                Keys.dueBuckets("absence", Instant.parse("2026-11-22T23:59:00Z"), Instant.parse("2026-11-24T00:00:00Z")));
        assertEquals(List.of(), Keys.dueBuckets("absence", Instant.parse("2026-11-24T00:00:00Z"),
                Instant.parse("2026-11-23T00:00:00Z")));
        assertThrows(IllegalArgumentException.class, () -> Keys.dueGsi1pk("a#b", Instant.EPOCH));
    }

    @Test
    void outboxMessageIdsComeOnlyFromOutboxMessageKeys() {
        assertEquals("M1", Keys.messageIdOf("OUTBOX#M1", "OUTBOX"));
        assertEquals(null, Keys.messageIdOf("TASK#T1", "TASK"));
        assertEquals(null, Keys.messageIdOf("OUTBOX#M1", "TASK"));
    }

    /** Key prefixes ("REFERRAL#", "DUE#", …) in string literals anywhere in main code but Keys.java. */
    private static final Pattern KEY_PREFIX = Pattern.compile("\"[A-Z][A-Z_]*#");
    private static final Pattern KNOWN = Pattern.compile("\"(REFERRAL|OUTBOX|DUE|IDEMPOTENCY|CITIZEN|PROGRAMME|"
            + "JOBCENTRE|TASK|OPENTASKS|SWEEP|SUBJECT|INTAKE|SETTINGS|WATERMARK|ACTIVE|DUEWORK)\"");

    @Test
    void noKeyPrefixIsBuiltOutsideKeys() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent(); // adapters/dynamodb → repository
        List<String> offences = new ArrayList<>();
        int files = 0;
        for (String dir : List.of("adapters", "functions", "local")) {
            try (Stream<Path> s = Files.walk(root.resolve(dir))) {
                for (Path p : s.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> f.toString().contains("/src/main/java/"))
                        .filter(f -> !f.getFileName().toString().equals("Keys.java")).toList()) {
                    files++;
                    List<String> lines = Files.readAllLines(p);
                    for (int i = 0; i < lines.size(); i++) {
                        String code = lines.get(i).strip();
                        if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) continue;
                        Matcher m = KEY_PREFIX.matcher(code);
                        Matcher k = KNOWN.matcher(code);
                        if (m.find() || (k.find() && p.toString().contains("/dynamodb/"))) {
                            offences.add(root.relativize(p) + ":" + (i + 1) + ": " + code);
                        }
                    }
                }
            }
        }
        assertTrue(files > 20, "the scan found the sources (" + files + ")");
        assertEquals(List.of(), offences, "build keys with dk.rampe.dynamodb.Keys");
    }

    @Test
    void theScanWouldCatchAPrefix() {
        assertTrue(KEY_PREFIX.matcher("m.put(\"gsi1pk\", Attrs.s(\"DUE#\" + day));").find());
        assertTrue(KNOWN.matcher("Attrs.key(pk, \"REFERRAL\")").find());
        assertTrue(!KEY_PREFIX.matcher("Map.of(\"#state\", \"state\")").find());
    }
}
