package com.vproptrader.host.engine;

import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.time.ServerClock;
import com.vproptrader.proto.Hello;

import java.util.Optional;

/**
 * The terminal's word on its server clock against the rule pack's: if the broker's server runs on another DST
 * calendar than the pack says, every session, bar, day reset and news window would be an hour off for weeks a
 * year, so such a terminal is refused with both offsets named.
 */
final class ServerClockCheck {
    private ServerClockCheck() {
    }

    static Optional<String> refusal(RulePack pack, Hello hello) {
        if (!hello.hasServerUtcOffsetSec()) {
            return Optional.empty();
        }
        ServerClock clock = pack.serverTimeZone();
        long utc = clock.toUtcMsc(hello.getServerTimeMsc());
        long expected = clock.offsetAtUtc(utc) / 1000;
        if (expected == hello.getServerUtcOffsetSec()) {
            return Optional.empty();
        }
        return Optional.of("server_time: the terminal's server clock is " + gmt(hello.getServerUtcOffsetSec())
                + " but rule pack " + pack.name() + " says " + clock.description() + ", i.e. " + gmt(expected)
                + " at " + java.time.Instant.ofEpochMilli(utc) + "; fix serverTimeZone in the pack or the broker");
    }

    private static String gmt(long offsetSec) {
        long minutes = Math.abs(offsetSec) / 60;
        return "GMT" + (offsetSec < 0 ? "-" : "+") + minutes / 60 + (minutes % 60 == 0 ? "" : ":" + minutes % 60);
    }
}
