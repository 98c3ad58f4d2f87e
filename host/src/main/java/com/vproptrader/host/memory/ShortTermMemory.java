package com.vproptrader.host.memory;

import java.util.List;
import java.util.Map;

/**
 * The newest closed trades of one account (a window of {@link #capacity()} trades, oldest evicted first) and
 * rolling statistics over that window per alpha × regime × symbol.
 *
 * <p>Written only by the account's event loop ({@link #record}); reads are safe from any thread and never
 * change anything. Backends: {@link InProcessMemory} (the default) and {@link RedisMemory} (when
 * {@link MemoryConfig#redisUrl()} names a server: the window survives a host restart). Both answer every read
 * from the process's own copy, so a read never waits on the network.
 */
public interface ShortTermMemory extends AutoCloseable {
    /** The default window: the last 1,000 closed trades. */
    int DEFAULT_CAPACITY = 1000;

    /** Adds a closed trade; the oldest one leaves the window when it is full. */
    void record(ClosedTrade trade);

    /** The newest {@code max} closed trades (all in the window when {@code max <= 0}), oldest first. */
    List<ClosedTrade> recent(int max);

    /** Closed trades whose close time is at or after {@code serverTimeMsc}, oldest first. */
    List<ClosedTrade> closedSince(long serverTimeMsc);

    /** Statistics of the window's trades matching {@code key}; {@link WindowStats#EMPTY} when none do. */
    WindowStats stats(StatsKey key);

    /** Statistics for every exact alpha × regime × symbol seen in the window. */
    Map<StatsKey, WindowStats> exactStats();

    int capacity();

    @Override
    void close();
}
