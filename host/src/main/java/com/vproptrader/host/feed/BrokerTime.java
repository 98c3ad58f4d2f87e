package com.vproptrader.host.feed;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The broker's server clock: how MT5 server time (the broker's wall clock written as if it were UTC, the
 * unit of every {@code time_msc}) relates to real UTC.
 *
 * <p>Prop-firm servers run "GMT+2 in winter, GMT+3 in summer" so that server midnight is 17:00 New York all
 * year (the FX day roll): {@link #newYorkClose()}. Others follow a European zone ({@code of("Europe/Athens")})
 * whose DST switches on other dates, or a fixed offset. The offset of the current DST period is cached, so
 * conversions inside one period allocate nothing; immutable cache entries make sharing across threads safe.
 */
public final class BrokerTime {
    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 24 * HOUR_MS;

    private final ZoneRules rules;
    private final long shiftMs;
    private final String description;
    private Period cached = new Period(Long.MAX_VALUE, Long.MIN_VALUE, 0);

    /** One DST period in UTC: [fromUtc, untilUtc) with a constant server offset. */
    private record Period(long fromUtc, long untilUtc, long offsetMs) {
    }

    private BrokerTime(ZoneId reference, long shiftMs, String description) {
        this.rules = reference.getRules();
        this.shiftMs = shiftMs;
        this.description = description;
    }

    /** Server midnight = 17:00 New York: GMT+2 while the US is on standard time, GMT+3 during US DST. */
    public static BrokerTime newYorkClose() {
        return new BrokerTime(ZoneId.of("America/New_York"), 7 * HOUR_MS, "New York close (GMT+2/+3, US DST)");
    }

    /** Server clock follows {@code zone}'s civil time (e.g. Europe/Athens: GMT+2/+3 on EU DST dates). */
    public static BrokerTime of(ZoneId zone) {
        return new BrokerTime(zone, 0, zone.getId());
    }

    /** A server clock with no DST, e.g. {@code fixed(2)} for GMT+2 all year. */
    public static BrokerTime fixed(int offsetHours) {
        return new BrokerTime(ZoneOffset.ofHours(offsetHours), 0, "GMT" + (offsetHours >= 0 ? "+" : "") + offsetHours);
    }

    /** Server time of the real instant {@code utcMsc}. */
    public long toServerMsc(long utcMsc) {
        return utcMsc + offsetAtUtc(utcMsc);
    }

    /**
     * Real UTC instant of server time {@code serverMsc}. In the repeated hour when the server clock falls back
     * the earlier instant is returned; in the skipped hour of spring-forward the time is read with the offset
     * before the switch.
     */
    public long toUtcMsc(long serverMsc) {
        // DST switches are months apart and offsets are below a day, so the offsets in force a day either
        // side are the only candidates.
        long before = offsetAtUtc(serverMsc - DAY_MS);
        long after = offsetAtUtc(serverMsc + DAY_MS);
        long earlier = serverMsc - Math.max(before, after);
        if (toServerMsc(earlier) == serverMsc) {
            return earlier;
        }
        long later = serverMsc - Math.min(before, after);
        return toServerMsc(later) == serverMsc ? later : serverMsc - before;
    }

    /** Server offset from UTC, ms, in force at {@code utcMsc}. */
    public long offsetAtUtc(long utcMsc) {
        Period p = cached;
        if (utcMsc >= p.fromUtc && utcMsc < p.untilUtc) {
            return p.offsetMs;
        }
        p = periodAt(utcMsc);
        cached = p;
        return p.offsetMs;
    }

    private Period periodAt(long utcMsc) {
        Instant at = Instant.ofEpochMilli(utcMsc);
        long offset = rules.getOffset(at).getTotalSeconds() * 1000L + shiftMs;
        ZoneOffsetTransition previous = rules.previousTransition(at.plusMillis(1));
        ZoneOffsetTransition next = rules.nextTransition(at);
        long from = previous == null ? Long.MIN_VALUE : previous.toEpochSecond() * 1000L;
        long until = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000L;
        return new Period(from, until, offset);
    }

    @Override
    public String toString() {
        return description;
    }
}
