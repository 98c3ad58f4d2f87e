package com.vproptrader.sim;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The stand-in broker's server clock, named as rule packs name theirs. MT5 writes every time as the server's wall
 * clock; the terminal reports that clock's offset from UTC in its hello ({@code TimeTradeServer() - TimeGMT()}),
 * which the host checks against its rule pack.
 */
public enum ServerZone {
    /** GMT+2, GMT+3 while Europe is on summer time. */
    EET_EU_DST(ZoneId.of("Europe/Athens"), 0),
    /** New York + 7 h: GMT+2, GMT+3 while New York is on summer time; server midnight = 17:00 New York. */
    NY_CLOSE(ZoneId.of("America/New_York"), 7),
    /** GMT+0 all year. */
    UTC(ZoneOffset.UTC, 0);

    private final ZoneId reference;
    private final int shiftHours;

    ServerZone(ZoneId reference, int shiftHours) {
        this.reference = reference;
        this.shiftHours = shiftHours;
    }

    /** The offset from UTC, seconds, of the server clock when it reads {@code serverMsc}. */
    public int utcOffsetSec(long serverMsc) {
        LocalDateTime referenceWall = LocalDateTime.ofEpochSecond(Math.floorDiv(serverMsc, 1000), 0, ZoneOffset.UTC)
                .minusHours(shiftHours);
        return reference.getRules().getOffset(referenceWall).getTotalSeconds() + shiftHours * 3600;
    }
}
