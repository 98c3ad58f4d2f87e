package com.vproptrader.host.feed;

/**
 * When a silence between two ticks of a symbol is a gap, and how it is classified.
 *
 * @param minGapMs  silences shorter than this are ordinary quiet markets (default 3 minutes)
 * @param closureMs weekday silences at least this long are market closures (holidays, session breaks),
 *                  shorter ones are assumed to be disconnects (default 2 hours)
 */
public record GapConfig(long minGapMs, long closureMs) {

    public GapConfig {
        if (minGapMs <= 0 || closureMs < minGapMs) {
            throw new IllegalArgumentException("invalid gap config " + minGapMs + ", " + closureMs);
        }
    }

    public static GapConfig defaults() {
        return new GapConfig(3 * 60_000L, 2 * 3_600_000L);
    }
}
