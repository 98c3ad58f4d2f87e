package com.vproptrader.host.govern;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * How a broker's MT5 server clock relates to real time. MT5 stamps everything (ticks, deals, the
 * proto's {@code *_msc}) with this wall clock written as if it were UTC.
 */
public enum ServerTimeZone implements WallClock {
    /** UTC+2, UTC+3 in EU summer time (last Sunday of March to last Sunday of October, 01:00 UTC). */
    EET_EU_DST {
        // Europe/Athens is exactly EET/EEST on the EU switching rule.
        private final ZoneId zone = ZoneId.of("Europe/Athens");

        @Override
        public LocalDateTime toLocal(Instant instant) {
            return LocalDateTime.ofInstant(instant, zone);
        }

        @Override
        public Instant toInstant(LocalDateTime local) {
            return ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant();
        }
    },
    /**
     * New York time + 7 h: UTC+2 while New York is on EST, UTC+3 on EDT, switching on US dates, so
     * server midnight is always 17:00 New York (the forex day's close).
     */
    NY_CLOSE {
        private final ZoneId newYork = ZoneId.of("America/New_York");

        @Override
        public LocalDateTime toLocal(Instant instant) {
            return LocalDateTime.ofInstant(instant, newYork).plusHours(7);
        }

        @Override
        public Instant toInstant(LocalDateTime local) {
            return ZonedDateTime.ofLocal(local.minusHours(7), newYork, null).withEarlierOffsetAtOverlap().toInstant();
        }
    },
    /** Server clock = UTC (tests, some brokers). */
    UTC {
        @Override
        public LocalDateTime toLocal(Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }

        @Override
        public Instant toInstant(LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
    };

    /** MT5's server timestamp (ms, wall clock as if UTC) of an instant; what the EA sends as time_msc. */
    public long toServerMillis(Instant instant) {
        return toLocal(instant).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** The instant an MT5 server timestamp (ms) denotes. */
    public Instant fromServerMillis(long serverMillis) {
        return toInstant(LocalDateTime.ofInstant(Instant.ofEpochMilli(serverMillis), ZoneOffset.UTC));
    }
}
