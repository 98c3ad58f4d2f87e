package com.vproptrader.host.feed;

/**
 * A silence in a symbol's ticks long enough to matter. No bar is invented inside it.
 *
 * @param symbol  the symbol that went quiet
 * @param fromMsc server time of the last tick before the silence
 * @param toMsc   server time of the first tick after it
 * @param kind    why we think it was quiet
 */
public record MarketGap(String symbol, long fromMsc, long toMsc, Kind kind) {

    public enum Kind {
        /** the silence covers (part of) a Saturday in server time: the FX weekend close */
        WEEKEND,
        /** a weekday silence of at least {@link GapConfig#closureMs()}: a holiday or a session break */
        HOLIDAY,
        /** a shorter silence, or any silence after the link reported being down */
        DISCONNECT
    }

    public long durationMs() {
        return toMsc - fromMsc;
    }
}
