package com.vproptrader.host.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The broker's MT5 server clock: how server time (the broker's wall clock written as if it were UTC, the unit of
 * every {@code time_msc}) relates to real UTC. The one model of server time in the host: the rule pack names it,
 * the terminal's hello is checked against it, and bars, sessions, the day reset, news, the weekend and the
 * inactivity count all read it.
 *
 * <p>Prop-firm servers run "GMT+2 in winter, GMT+3 in summer", but on two different calendars: {@link #EET_EU_DST}
 * switches on the EU dates (FTMO, FundedNext), {@link #NY_CLOSE} on the US dates so that server midnight is 17:00
 * New York all year (The5ers). For about three weeks a year (in 2026: 8–29 March, 25 October–1 November) the two
 * differ by an hour. Every offset period from 1970 to 2100 is tabled once, so a conversion is a check of the last period used
 * or a binary search over about 260 switch instants, allocates nothing and is the same on every thread (the navigator's workers simulate
 * days on both sides of a switch at once); outside that range the zone rules answer.
 */
public final class ServerClock implements WallClock {
    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 24 * HOUR_MS;
    /** The tabled range of offset periods: 1970-01-01 (UTC) to 2100-01-01, constants so the clocks below see them. */
    private static final long TABLE_FROM = 0L;
    private static final long TABLE_UNTIL = 4_102_444_800_000L;

    /** UTC+2, UTC+3 in EU summer time (last Sunday of March to last Sunday of October, 01:00 UTC). */
    public static final ServerClock EET_EU_DST = new ServerClock("EET_EU_DST", ZoneId.of("Europe/Athens"), 0,
            "GMT+2/+3 (EU DST)");
    /** New York time + 7 h: UTC+2 while New York is on EST, UTC+3 on EDT; server midnight = 17:00 New York. */
    public static final ServerClock NY_CLOSE = new ServerClock("NY_CLOSE", ZoneId.of("America/New_York"), 7 * HOUR_MS,
            "GMT+2/+3 (US DST, New York close)");
    /** Server clock = UTC (tests, some brokers). */
    public static final ServerClock UTC = new ServerClock("UTC", ZoneOffset.UTC, 0, "UTC");

    private static final Map<String, ServerClock> BY_NAME = Map.of(EET_EU_DST.name, EET_EU_DST,
            NY_CLOSE.name, NY_CLOSE, UTC.name, UTC);

    private final String name;
    private final ZoneRules rules;
    private final long shiftMs;
    private final String description;
    /** UTC ms where each tabled period starts, ascending; periods[i] runs until periods[i + 1]. */
    private final long[] periodStarts;
    /** The server offset, ms, in force in each tabled period. */
    private final long[] periodOffsets;
    /**
     * The period of the last lookup: conversions come in runs within one period (months long), so this is
     * checked before the binary search. Shared by threads without locking: an int is read and written whole,
     * and a stale hint only costs the search.
     */
    private int lastPeriod;

    private ServerClock(String name, ZoneId reference, long shiftMs, String description) {
        this.name = name;
        this.rules = reference.getRules();
        this.shiftMs = shiftMs;
        this.description = description;
        List<long[]> periods = new ArrayList<>();
        Instant at = Instant.ofEpochMilli(TABLE_FROM);
        periods.add(new long[] {TABLE_FROM, rules.getOffset(at).getTotalSeconds() * 1000L + shiftMs});
        for (ZoneOffsetTransition next = rules.nextTransition(at);
             next != null && next.toEpochSecond() * 1000L < TABLE_UNTIL; next = rules.nextTransition(next.getInstant())) {
            long offset = next.getOffsetAfter().getTotalSeconds() * 1000L + shiftMs;
            periods.add(new long[] {next.toEpochSecond() * 1000L, offset});
        }
        this.periodStarts = periods.stream().mapToLong(p -> p[0]).toArray();
        this.periodOffsets = periods.stream().mapToLong(p -> p[1]).toArray();
    }

    /**
     * A server clock as rule packs and configs name it: EET_EU_DST, NY_CLOSE or UTC.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static ServerClock named(String name) {
        ServerClock clock = BY_NAME.get(name);
        if (clock == null) {
            throw new IllegalArgumentException("unknown server clock '" + name + "' (known: EET_EU_DST, NY_CLOSE, UTC)");
        }
        return clock;
    }

    /** A civil time zone's clock in the same terms (e.g. London's, to place a session in server time). */
    public static ServerClock of(ZoneId zone) {
        return new ServerClock(zone.getId(), zone, 0, zone.getId());
    }

    @Override
    public String name() {
        return name;
    }

    /** Human text, e.g. "GMT+2/+3 (EU DST)". */
    public String description() {
        return description;
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
        if (utcMsc < TABLE_FROM || utcMsc >= TABLE_UNTIL) {
            return rules.getOffset(Instant.ofEpochMilli(utcMsc)).getTotalSeconds() * 1000L + shiftMs;
        }
        int hint = lastPeriod;
        if (periodStarts[hint] <= utcMsc && (hint + 1 == periodStarts.length || utcMsc < periodStarts[hint + 1])) {
            return periodOffsets[hint];
        }
        int i = Arrays.binarySearch(periodStarts, utcMsc);
        int period = i >= 0 ? i : -i - 2;
        lastPeriod = period;
        return periodOffsets[period];
    }

    /** MT5's server timestamp (ms, wall clock as if UTC) of an instant; what the EA sends as time_msc. */
    public long toServerMillis(Instant instant) {
        return toServerMsc(instant.toEpochMilli());
    }

    /** The instant an MT5 server timestamp (ms) denotes. */
    public Instant fromServerMillis(long serverMillis) {
        return Instant.ofEpochMilli(toUtcMsc(serverMillis));
    }

    @Override
    public LocalDateTime toLocal(Instant instant) {
        long offsetSeconds = offsetAtUtc(instant.toEpochMilli()) / 1000; // whole seconds: hours plus a shift in hours
        return LocalDateTime.ofEpochSecond(instant.getEpochSecond() + offsetSeconds, instant.getNano(), ZoneOffset.UTC);
    }

    /** The instant a server wall-clock time denotes (the earlier one when the clock falls back). */
    @Override
    public Instant toInstant(LocalDateTime local) {
        long asIfUtcSeconds = local.toEpochSecond(ZoneOffset.UTC);
        long asIfUtcMs = asIfUtcSeconds * 1000 + local.getNano() / 1_000_000;
        long shiftSeconds = (asIfUtcMs - toUtcMsc(asIfUtcMs)) / 1000;
        return Instant.ofEpochSecond(asIfUtcSeconds - shiftSeconds, local.getNano());
    }

    @Override
    public long toLocalMs(long utcMs) {
        return toServerMsc(utcMs);
    }

    @Override
    public long toUtcMs(long localMs) {
        return toUtcMsc(localMs);
    }

    @Override
    public String toString() {
        return name;
    }
}
