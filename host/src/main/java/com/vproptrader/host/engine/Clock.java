package com.vproptrader.host.engine;

/**
 * Time as the account's event loop sees it, in broker server time ms. Live it follows the wall clock
 * shifted to server time; in replay it is the time of the last event, so a replay never reads the wall.
 */
public interface Clock {
    long nowMsc();

    /** A monotonic nanosecond count for measuring round trips: the real one live, event time in replay. */
    default long nanos() {
        return nowMsc() * 1_000_000L;
    }

    /**
     * The newest event time observed (server ms): what journal rows and the admin "last event" carry, so no
     * row is ever stamped by the wall clock. In replay it is {@link #nowMsc()}.
     */
    default long eventMsc() {
        return nowMsc();
    }

    /** Called by the loop with each inbound event's server time. */
    default void observe(long eventTimeMsc) {
    }

    /** Replay: time is the newest event time seen (never goes back). */
    static Clock eventTime() {
        return eventTime(null);
    }

    /**
     * Replay of a live session: event time, and for latency the loop clock reading {@code loopNanos} gives (the
     * one the live loop journaled with the event being replayed); null = event time in ns, as a file replay.
     */
    static Clock eventTime(java.util.function.LongSupplier loopNanos) {
        return new Clock() {
            private long now;

            @Override
            public long nowMsc() {
                return now;
            }

            @Override
            public long nanos() {
                return loopNanos == null ? now * 1_000_000L : loopNanos.getAsLong();
            }

            @Override
            public void observe(long eventTimeMsc) {
                now = Math.max(now, eventTimeMsc);
            }
        };
    }

    /** Live: the wall clock plus the broker's offset from UTC (learned from the terminal's events). */
    static Clock wall() {
        return new Clock() {
            private volatile long offsetMs;
            private volatile long newestEventMsc;

            @Override
            public long nowMsc() {
                return System.currentTimeMillis() + offsetMs;
            }

            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public long eventMsc() {
                return newestEventMsc;
            }

            @Override
            public void observe(long eventTimeMsc) {
                newestEventMsc = Math.max(newestEventMsc, eventTimeMsc);
                // Round to the quarter hour: server offsets are whole zones; the rest is latency and drift.
                long raw = eventTimeMsc - System.currentTimeMillis();
                offsetMs = Math.round(raw / 900_000.0) * 900_000L;
            }
        };
    }
}
