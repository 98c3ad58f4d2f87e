package com.vproptrader.host.feature;

import com.vproptrader.host.time.ServerClock;

import com.vproptrader.host.feed.Timeframes;
import java.time.ZoneId;

/**
 * Maps broker server time to the {@link TradingSession}. Session borders are whole local hours and server
 * offsets are whole hours, so the answer is constant within a server hour: it is computed once per hour and
 * cached (no allocation per tick).
 */
public final class SessionClock {
    private static final long HOUR_MS = 3_600_000L;

    private final ServerClock server;
    private final ServerClock tokyo = ServerClock.of(ZoneId.of("Asia/Tokyo"));
    private final ServerClock london = ServerClock.of(ZoneId.of("Europe/London"));
    private final ServerClock newYork = ServerClock.of(ZoneId.of("America/New_York"));
    private long cachedHour = Long.MIN_VALUE;
    private TradingSession cached = TradingSession.OFF;

    public SessionClock(ServerClock server) {
        this.server = server;
    }

    public TradingSession sessionAt(long serverMsc) {
        long hour = Math.floorDiv(serverMsc, HOUR_MS);
        if (hour != cachedHour) {
            cached = compute(hour * HOUR_MS);
            cachedHour = hour;
        }
        return cached;
    }

    private TradingSession compute(long serverHourStart) {
        long utc = server.toUtcMsc(serverHourStart);
        boolean londonOpen = open(london, utc, 8, 17);
        boolean newYorkOpen = open(newYork, utc, 8, 17);
        if (londonOpen && newYorkOpen) {
            return TradingSession.LONDON_NEW_YORK;
        }
        if (londonOpen) {
            return TradingSession.LONDON;
        }
        if (newYorkOpen) {
            return TradingSession.NEW_YORK;
        }
        return open(tokyo, utc, 9, 18) ? TradingSession.ASIA : TradingSession.OFF;
    }

    /** Whether local time at {@code utc} in the centre is a weekday within [fromHour, toHour). */
    private static boolean open(ServerClock centre, long utc, int fromHour, int toHour) {
        long local = centre.toServerMsc(utc);
        int hour = (int) Math.floorMod(Math.floorDiv(local, HOUR_MS), 24L);
        return Timeframes.dayOfWeek(local) <= 5 && hour >= fromHour && hour < toHour;
    }
}
