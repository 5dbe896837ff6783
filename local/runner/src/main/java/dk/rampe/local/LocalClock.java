package dk.rampe.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local runner's clock: real time plus an offset that can be moved forward (never back),
 * so a newcomer can see what happens in three months without waiting. Every handler and the
 * local scheduler read this one clock.
 */
public final class LocalClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public LocalClock(Clock base) {
        this.base = base;
    }

    /**
     * A clock that reads {@code start} now and runs on from there ({@code RAMPE_LOCAL_CLOCK_START}):
     * a script with fixed dates (the tests, a demonstration) then runs the same on any day. The one
     * time the clock may be set behind real time; after that it only moves forward.
     */
    public LocalClock(Clock base, Instant start) {
        this.base = base;
        if (start != null) offset.set(Duration.between(base.instant(), start));
    }

    public Instant advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("the local clock only moves forward");
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
