package com.vproptrader.host.feed;

import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;
import java.io.IOException;

/** Pushes a file source through the same {@link Feed} entry points the live link uses. */
public final class Replay {
    private Replay() {
    }

    /** Feeds every tick of {@code source} to {@code feed}; returns how many were accepted. */
    public static long ticks(MarketSource<Tick> source, Feed feed) throws IOException {
        long accepted = 0;
        for (Tick t = source.next(); t != null; t = source.next()) {
            accepted += feed.onTick(t) == null ? 1 : 0;
        }
        return accepted;
    }

    /** Feeds every bar of {@code source} to {@code feed}; returns how many were accepted. */
    public static long bars(MarketSource<Bar> source, Feed feed) throws IOException {
        long accepted = 0;
        for (Bar b = source.next(); b != null; b = source.next()) {
            accepted += feed.onBar(b) ? 1 : 0;
        }
        return accepted;
    }
}
