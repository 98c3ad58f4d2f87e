package com.vproptrader.host.feed;

import com.vproptrader.marketdata.PerSymbol;
/**
 * Notices silences between consecutive accepted ticks of a symbol and classifies them
 * (weekend / holiday / disconnect). Heuristic by design: the feed carries no exchange calendar, so a
 * weekday closure of at least {@link GapConfig#closureMs()} is called a holiday; an explicit
 * {@link #linkDown()} makes the next silence of every symbol a disconnect whatever its length.
 */
public final class GapDetector {
    private static final class State {
        long lastTime = Long.MIN_VALUE;
        boolean linkWasDown;
    }

    private final GapConfig config;
    private final PerSymbol<State> states = new PerSymbol<>(s -> new State());

    public GapDetector(GapConfig config) {
        this.config = config;
    }

    /** Records an accepted tick; returns the gap it ends, or null (the common case, no allocation). */
    public MarketGap onTick(String symbol, long timeMsc) {
        State s = states.get(symbol);
        long last = s.lastTime;
        boolean linkWasDown = s.linkWasDown;
        s.lastTime = timeMsc;
        s.linkWasDown = false;
        if (last == Long.MIN_VALUE) {
            return null;
        }
        long silence = timeMsc - last;
        if (linkWasDown && silence > 0) {
            return new MarketGap(symbol, last, timeMsc, MarketGap.Kind.DISCONNECT);
        }
        if (silence < config.minGapMs()) {
            return null;
        }
        return new MarketGap(symbol, last, timeMsc, classify(last, timeMsc));
    }

    /** The link to the terminal dropped: whatever silence follows is a disconnect. */
    public void linkDown() {
        states.view().values().forEach(s -> s.linkWasDown = true);
    }

    MarketGap.Kind classify(long fromMsc, long toMsc) {
        if (coversSaturday(fromMsc, toMsc)) {
            return MarketGap.Kind.WEEKEND;
        }
        return toMsc - fromMsc >= config.closureMs() ? MarketGap.Kind.HOLIDAY : MarketGap.Kind.DISCONNECT;
    }

    private static boolean coversSaturday(long fromMsc, long toMsc) {
        long firstDay = Math.floorDiv(fromMsc, Timeframes.DAY_MS);
        long lastDay = Math.floorDiv(toMsc, Timeframes.DAY_MS);
        for (long day = firstDay; day <= lastDay && day - firstDay < 8; day++) {
            if (Timeframes.dayOfWeek(day * Timeframes.DAY_MS) == 6) {
                return true;
            }
        }
        return false;
    }
}
