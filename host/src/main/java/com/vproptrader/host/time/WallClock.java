package com.vproptrader.host.time;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A local wall clock (a time zone, or a broker's server clock) that maps real instants to local
 * date-times and back. Day resets and sessions are defined on a wall clock, so they follow DST.
 */
public interface WallClock {
    /** Name as written in rule packs: SERVER, UTC, Europe/Prague, Europe/London, America/New_York. */
    String name();

    LocalDateTime toLocal(Instant instant);

    /**
     * The instant a local time denotes. In the autumn overlap the earlier instant is taken (the
     * first occurrence); in the spring gap the time is pushed forward by the gap's length.
     */
    Instant toInstant(LocalDateTime local);

    /** {@link #toLocal} in epoch milliseconds: the local wall-clock time written as if it were UTC. */
    long toLocalMs(long utcMs);

    /** {@link #toInstant} in epoch milliseconds (same overlap and gap rules). */
    long toUtcMs(long localMs);
}
