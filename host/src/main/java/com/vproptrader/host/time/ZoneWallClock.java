package com.vproptrader.host.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

/** The wall clock of one of the few IANA zones rule packs may name (the EA implements the same set). */
public final class ZoneWallClock implements WallClock {
    private static final Map<String, ZoneWallClock> ALLOWED = Map.of(
            "UTC", new ZoneWallClock("UTC", ZoneId.of("UTC")),
            "Europe/Prague", new ZoneWallClock("Europe/Prague", ZoneId.of("Europe/Prague")),
            "Europe/London", new ZoneWallClock("Europe/London", ZoneId.of("Europe/London")),
            "America/New_York", new ZoneWallClock("America/New_York", ZoneId.of("America/New_York")));

    private final String name;
    /** The same conversions with the offset of the current DST period cached (day resets ask on every trade). */
    private final ServerClock clock;

    private ZoneWallClock(String name, ZoneId zone) {
        this.name = name;
        this.clock = ServerClock.of(zone);
    }

    public static final ZoneWallClock NEW_YORK = ALLOWED.get("America/New_York");

    /**
     * Resolves a pack's zone name; {@code SERVER} means the broker's server clock.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static WallClock named(String name, ServerClock server) {
        if ("SERVER".equals(name)) {
            return server;
        }
        ZoneWallClock clock = ALLOWED.get(name);
        if (clock == null) {
            throw new IllegalArgumentException("unsupported zone '" + name
                    + "' (allowed: SERVER, UTC, Europe/Prague, Europe/London, America/New_York)");
        }
        return clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LocalDateTime toLocal(Instant instant) {
        return clock.toLocal(instant);
    }

    /** In the autumn overlap the earlier instant; in the spring gap the time pushed forward by the gap's length. */
    @Override
    public Instant toInstant(LocalDateTime local) {
        return clock.toInstant(local);
    }

    @Override
    public long toLocalMs(long utcMs) {
        return clock.toLocalMs(utcMs);
    }

    @Override
    public long toUtcMs(long localMs) {
        return clock.toUtcMs(localMs);
    }

    @Override
    public String toString() {
        return name;
    }
}
