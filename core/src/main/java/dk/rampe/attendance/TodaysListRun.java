package dk.rampe.attendance;

import dk.rampe.core.Language;
import dk.rampe.followup.MessageChannel;
import dk.rampe.followup.NudgeService;
import dk.rampe.followup.Outbox;
import dk.rampe.followup.OutboxMessage;
import dk.rampe.followup.QuietHours;
import dk.rampe.log.Log;
import dk.rampe.schedule.Watermarks;
import dk.rampe.schedule.WorkingDays;
import dk.rampe.settings.Settings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The morning nudge of today's list: each consultant with participants expected today gets ONE
 * nudge (per channel they want) through the outbox, with the signed link to their list.
 * <ul>
 * <li><b>When</b>: from {@code from} (07:30) to before {@code until} (12:00) Copenhagen time on
 * the day; the schedule fires from 07:30 every 15 minutes through the morning, so a run missed at
 * 07:30 (an outage) is caught up the same morning and never later: a list for a past day is useless.
 * Weekends send nothing; public holidays and closing days take a programme's participants off.</li>
 * <li><b>Once</b>: a message's id is derived from (consultant, date, channel) and written with
 * {@code attribute_not_exists}, so running twice, two overlapping runs or a retried invocation send
 * once. When every consultant of the day is done, the watermark {@value #SWEEP} moves to now and
 * later runs that morning stop after reading it (one GetItem).</li>
 * <li><b>Words</b>: {@link TodaysListMessages}, the consultant's language; SMS respect quiet hours
 * (07:30 is outside them).</li>
 * </ul>
 */
public final class TodaysListRun {
    public static final String SWEEP = "todays-list";
    /** When the list goes out, and the last moment of the morning a missed run is still caught up. */
    public static final LocalTime FROM = LocalTime.of(7, 30);
    public static final LocalTime UNTIL = LocalTime.of(12, 0);

    public enum Outcome { NOT_YET, TOO_LATE, WEEKEND, ALREADY_SENT, SENT }

    /** What a run did: lists found, messages newly written (0 on a repeat), consultants that failed. */
    public record Result(Outcome outcome, LocalDate date, int lists, int participants, int messages, int errors) {
    }

    private final TodaysList lists;
    private final TodaysListTokens tokens;
    private final TodaysListMessages words;
    private final Outbox outbox;
    private final Watermarks watermarks;
    private final Supplier<Settings> settings;
    private final QuietHours quietHours;
    private final Clock clock;
    private final String publicBaseUrl;
    private final LocalTime from;
    private final LocalTime until;

    public TodaysListRun(TodaysList lists, TodaysListTokens tokens, TodaysListMessages words, Outbox outbox,
                         Watermarks watermarks, Supplier<Settings> settings, Clock clock, String publicBaseUrl) {
        this(lists, tokens, words, outbox, watermarks, settings, clock, publicBaseUrl, FROM, UNTIL);
    }

    /** With another morning window (the bench runs it at any hour). */
    public TodaysListRun(TodaysList lists, TodaysListTokens tokens, TodaysListMessages words, Outbox outbox,
                         Watermarks watermarks, Supplier<Settings> settings, Clock clock, String publicBaseUrl,
                         LocalTime from, LocalTime until) {
        if (!from.isBefore(until)) throw new IllegalArgumentException("the window ends before it starts");
        this.lists = lists;
        this.tokens = tokens;
        this.words = words;
        this.outbox = outbox;
        this.watermarks = watermarks;
        this.settings = settings;
        this.quietHours = new QuietHours(WorkingDays.ZONE);
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        this.from = from;
        this.until = until;
    }

    /** The link to a consultant's list of a day. */
    public String link(String consultantId, LocalDate date) {
        return publicBaseUrl + "/t/" + tokens.issue(consultantId, date);
    }

    /** The dedupe key of a consultant's nudge of a day on a channel (its message id derives from it). */
    public static String dedupeKey(String consultantId, LocalDate date, MessageChannel channel) {
        return "todays-list|" + consultantId + "|" + date + "|" + channel.wireName();
    }

    public Result run() {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(WorkingDays.ZONE);
        LocalDate date = local.toLocalDate();
        if (local.toLocalTime().isBefore(from)) return new Result(Outcome.NOT_YET, date, 0, 0, 0, 0);
        if (!local.toLocalTime().isBefore(until)) return new Result(Outcome.TOO_LATE, date, 0, 0, 0, 0);
        if (WorkingDays.isWeekend(date)) return new Result(Outcome.WEEKEND, date, 0, 0, 0, 0);
        Instant dayFrom = ZonedDateTime.of(date, from, WorkingDays.ZONE).toInstant();
        Optional<Instant> done = watermarks.read(SWEEP);
        if (done.isPresent() && !done.get().isBefore(dayFrom)) return new Result(Outcome.ALREADY_SENT, date, 0, 0, 0, 0);

        List<TodaysList.ConsultantList> all = lists.all(date);
        int participants = 0;
        int messages = 0;
        int errors = 0;
        for (TodaysList.ConsultantList list : all) {
            participants += list.entries().size();
            try {
                messages += send(list, now);
            } catch (RuntimeException e) {
                // the others still go; the watermark stays, so the next run (15 minutes on) tries this one again
                errors++;
                Log.error("todaysList.sendFailed", e, "date", date.toString());
            }
        }
        if (errors == 0) watermarks.advance(SWEEP, now);
        else dk.rampe.log.Metrics.count(dk.rampe.schedule.Sweeper.ERRORS_METRIC, errors);
        Log.info("todaysList.run", "date", date.toString(), "lists", Integer.toString(all.size()),
                "participants", Integer.toString(participants), "messages", Integer.toString(messages),
                "errors", Integer.toString(errors));
        return new Result(Outcome.SENT, date, all.size(), participants, messages, errors);
    }

    /** Writes the consultant's nudge once per channel; returns how many messages were new. */
    private int send(TodaysList.ConsultantList list, Instant now) {
        Optional<Settings.Consultant> found = Optional.empty();
        String programmeId = null;
        for (String p : list.programmeIds()) {
            found = settings.get().programme(p).flatMap(x -> x.consultant(list.consultantId()));
            programmeId = p;
            if (found.isPresent()) break;
        }
        if (found.isEmpty()) return 0;
        Settings.Consultant c = found.get();
        List<MessageChannel> channels = NudgeService.channels(c);
        if (channels.isEmpty()) {
            Log.warn("todaysList.noChannel", "consultantId", c.id());
            return 0;
        }
        Language language = c.language() == null ? Language.DA : c.language();
        TodaysListMessages.Rendered r = words.render(language, list.entries().size(), list.date(),
                link(c.id(), list.date()));
        String listId = tokens.listId(c.id(), list.date());
        int written = 0;
        for (MessageChannel channel : channels) {
            boolean email = channel == MessageChannel.EMAIL;
            OutboxMessage m = OutboxMessage.pending(dedupeKey(c.id(), list.date(), channel), listId, programmeId,
                    channel, email ? c.email().value() : c.phone().e164(), email ? r.subject() : null,
                    email ? r.text() : r.sms(), email ? r.html() : null, false, quietHours.earliest(channel, now), now);
            if (outbox.enqueue(m)) written++;
        }
        Log.info("todaysList.nudged", "consultantId", c.id(), "date", list.date().toString(),
                "participants", Integer.toString(list.entries().size()), "new", Integer.toString(written));
        return written;
    }
}
