package com.vproptrader.host.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The window in this process: a bounded queue of closed trades and, per {@link StatsKey}, running sums that
 * follow each addition and eviction. Lost when the process stops (start from the long-term store or Redis).
 */
public final class InProcessMemory implements ShortTermMemory {
    private final int capacity;
    private final ArrayDeque<ClosedTrade> window;
    private final Map<StatsKey, StatsAccumulator> byKey = new HashMap<>();

    public InProcessMemory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.window = new ArrayDeque<>(capacity);
    }

    public InProcessMemory() {
        this(DEFAULT_CAPACITY);
    }

    @Override
    public synchronized void record(ClosedTrade trade) {
        if (window.size() == capacity) {
            ClosedTrade oldest = window.removeFirst();
            for (StatsKey key : StatsKey.matching(oldest)) {
                StatsAccumulator acc = byKey.get(key);
                acc.remove(oldest);
                if (acc.isEmpty()) {
                    byKey.remove(key);
                }
            }
        }
        window.addLast(trade);
        for (StatsKey key : StatsKey.matching(trade)) {
            byKey.computeIfAbsent(key, k -> new StatsAccumulator()).add(trade);
        }
    }

    /** Replaces the whole window (a backend loading what it kept), keeping the newest {@link #capacity()}. */
    synchronized void replaceAll(List<ClosedTrade> trades) {
        window.clear();
        byKey.clear();
        trades.forEach(this::record);
    }

    @Override
    public synchronized List<ClosedTrade> recent(int max) {
        int n = max <= 0 ? window.size() : Math.min(max, window.size());
        List<ClosedTrade> out = new ArrayList<>(n);
        Iterator<ClosedTrade> newestFirst = window.descendingIterator();
        for (int i = 0; i < n; i++) {
            out.add(newestFirst.next());
        }
        java.util.Collections.reverse(out);
        return out;
    }

    @Override
    public synchronized List<ClosedTrade> closedSince(long serverTimeMsc) {
        return window.stream().filter(t -> t.closeTimeMsc() >= serverTimeMsc).toList();
    }

    @Override
    public synchronized WindowStats stats(StatsKey key) {
        StatsAccumulator acc = byKey.get(key);
        return acc == null ? WindowStats.EMPTY : acc.stats();
    }

    @Override
    public synchronized Map<StatsKey, WindowStats> exactStats() {
        Map<StatsKey, WindowStats> out = new TreeMap<>(java.util.Comparator.comparing(StatsKey::toString));
        byKey.forEach((key, acc) -> {
            if (key.isExact()) {
                out.put(key, acc.stats());
            }
        });
        return out;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public void close() {
    }
}
