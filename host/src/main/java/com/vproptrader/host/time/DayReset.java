package com.vproptrader.host.time;

import com.vproptrader.host.time.WallClock;

import java.time.Instant;
import java.time.LocalTime;

/**
 * When the firm's trading day starts: a local time on a wall clock (midnight CE(S)T for FTMO,
 * server midnight for The5ers and FundedNext). Day anchors and trading-day counts hang off it.
 *
 * <p>Worked in epoch milliseconds of local time (the wall clock written as if it were UTC): a local day is
 * then 86,400,000 ms, and only the two conversions go through the clock's DST table. The governors ask this
 * on every check and the navigator on every simulated trade.
 */
public record DayReset(WallClock clock, LocalTime time) {
    private static final long DAY_MS = 86_400_000L;

    /** Start of the trading day containing {@code now}: the latest reset at or before it. */
    public Instant dayStart(Instant now) {
        return Instant.ofEpochMilli(dayStartMs(now.toEpochMilli()));
    }

    /** The first reset strictly after {@code now}. */
    public Instant nextReset(Instant now) {
        long startDate = localDate(dayStartMs(now.toEpochMilli()));
        return Instant.ofEpochMilli(clock.toUtcMs((startDate + 1) * DAY_MS + resetMs()));
    }

    /**
     * Trading days from the one containing {@code from} to the one containing {@code to}: 0 on the same
     * day, 1 from the first reset after it, and so on (the firm's calendar days, DST-proof).
     */
    public int daysBetween(Instant from, Instant to) {
        return (int) (localDate(dayStartMs(to.toEpochMilli())) - localDate(dayStartMs(from.toEpochMilli())));
    }

    /** True when {@code a} and {@code b} fall in the same trading day. */
    public boolean sameDay(Instant a, Instant b) {
        return dayStartMs(a.toEpochMilli()) == dayStartMs(b.toEpochMilli());
    }

    private long dayStartMs(long nowMs) {
        long local = clock.toLocalMs(nowMs);
        long reset = Math.floorDiv(local - resetMs(), DAY_MS) * DAY_MS + resetMs(); // latest local reset <= now
        long start = clock.toUtcMs(reset);
        // A reset time inside a spring-forward gap is pushed forward and may land after now.
        return start > nowMs ? clock.toUtcMs(reset - DAY_MS) : start;
    }

    /** The local calendar day (days since 1970-01-01) of a real instant. */
    private long localDate(long utcMs) {
        return Math.floorDiv(clock.toLocalMs(utcMs), DAY_MS);
    }

    private long resetMs() {
        return time.toNanoOfDay() / 1_000_000;
    }
}
