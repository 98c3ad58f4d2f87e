package com.vproptrader.host.govern;

import com.vproptrader.host.time.WallClock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * When the firm's trading day starts: a local time on a wall clock (midnight CE(S)T for FTMO,
 * server midnight for The5ers and FundedNext). Day anchors and trading-day counts hang off it.
 */
public record DayReset(WallClock clock, LocalTime time) {

    /** Start of the trading day containing {@code now}: the latest reset at or before it. */
    public Instant dayStart(Instant now) {
        LocalDateTime local = clock.toLocal(now);
        LocalDateTime candidate = local.toLocalDate().atTime(time);
        if (candidate.isAfter(local)) {
            candidate = candidate.minusDays(1);
        }
        Instant start = clock.toInstant(candidate);
        // A reset time inside a spring-forward gap is pushed forward and may land after now.
        return start.isAfter(now) ? clock.toInstant(candidate.minusDays(1)) : start;
    }

    /** The first reset strictly after {@code now}. */
    public Instant nextReset(Instant now) {
        LocalDateTime local = clock.toLocal(dayStart(now));
        return clock.toInstant(local.toLocalDate().plusDays(1).atTime(time));
    }

    /**
     * Trading days from the one containing {@code from} to the one containing {@code to}: 0 on the same
     * day, 1 from the first reset after it, and so on (the firm's calendar days, DST-proof).
     */
    public int daysBetween(Instant from, Instant to) {
        LocalDate first = clock.toLocal(dayStart(from)).toLocalDate();
        LocalDate last = clock.toLocal(dayStart(to)).toLocalDate();
        return (int) ChronoUnit.DAYS.between(first, last);
    }

    /** True when {@code a} and {@code b} fall in the same trading day. */
    public boolean sameDay(Instant a, Instant b) {
        return dayStart(a).equals(dayStart(b));
    }
}
