package com.vproptrader.host.feed;

import com.vproptrader.proto.Timeframe;

/**
 * Bar periods in broker server time. Server time is the broker's wall clock written as UTC, so server
 * midnight is a multiple of 86,400,000 ms and flooring a time to a multiple of the period aligns every
 * timeframe (H4 and D1 included) to server midnight, whatever the DST state: no zone maths on the hot path.
 */
public final class Timeframes {
    public static final long MINUTE_MS = 60_000L;
    public static final long DAY_MS = 1440 * MINUTE_MS;

    /** The six timeframes the host builds, shortest first. */
    public static final Timeframe[] ALL = {Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4,
            Timeframe.D1};

    private Timeframes() {
    }

    /** Length of one bar, ms. The enum's number is its length in minutes. */
    public static long periodMs(Timeframe timeframe) {
        int minutes = timeframe.getNumber();
        if (minutes <= 0 || DAY_MS % (minutes * MINUTE_MS) != 0) {
            throw new IllegalArgumentException("not a bar timeframe: " + timeframe);
        }
        return minutes * MINUTE_MS;
    }

    /** Open time (server ms) of the bar of length {@code periodMs} containing {@code serverMsc}. */
    public static long openTime(long serverMsc, long periodMs) {
        return Math.floorDiv(serverMsc, periodMs) * periodMs;
    }

    /** Day of week of a server time, 1 = Monday ... 7 = Sunday (ISO). 1970-01-01 was a Thursday. */
    public static int dayOfWeek(long serverMsc) {
        return (int) Math.floorMod(Math.floorDiv(serverMsc, DAY_MS) + 3, 7) + 1;
    }
}
