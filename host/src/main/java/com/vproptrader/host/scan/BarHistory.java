package com.vproptrader.host.scan;

import com.vproptrader.host.feed.FeedListener;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.PeerCloses;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.Timeframe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest closed bars of each symbol on the scanner's timeframe, for {@code AlphaInput.bars} and
 * {@code AlphaInput.peers}, and which symbols closed a bar since the scanner last looked. A feed listener on
 * the event loop; owns nothing else.
 */
public final class BarHistory implements FeedListener {
    private final Timeframe timeframe;
    private final int capacity;
    private final Map<String, Ring> rings = new LinkedHashMap<>();

    public BarHistory(Timeframe timeframe, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.timeframe = timeframe;
        this.capacity = capacity;
    }

    @Override
    public void onTick(Tick tick) {
        // bars only
    }

    @Override
    public void onBarClosed(Bar bar) {
        if (bar.getTimeframe() == timeframe) {
            Ring ring = rings.computeIfAbsent(bar.getSymbol(), s -> new Ring(capacity));
            ring.add(bar);
            ring.closedUnseen = true;
        }
    }

    /** Whether {@code symbol} closed a bar since the last call for it (the call clears the flag). */
    public boolean takeBarClose(String symbol) {
        Ring ring = rings.get(symbol);
        if (ring == null || !ring.closedUnseen) {
            return false;
        }
        ring.closedUnseen = false;
        return true;
    }

    public int size(String symbol) {
        Ring ring = rings.get(symbol);
        return ring == null ? 0 : ring.count;
    }

    /** Adds the newest {@code max} bars of {@code symbol}, oldest first; with {@code peers}, the others aligned. */
    public void fill(AlphaInput.Builder input, String symbol, int max, boolean peers) {
        Ring ring = rings.get(symbol);
        if (ring == null || max <= 0) {
            return;
        }
        int n = Math.min(max, ring.count);
        List<Bar> own = new ArrayList<>(n);
        for (int i = ring.count - n; i < ring.count; i++) {
            own.add(ring.get(i));
        }
        input.addAllBars(own);
        if (peers) {
            for (Map.Entry<String, Ring> e : rings.entrySet()) {
                if (!e.getKey().equals(symbol)) {
                    PeerCloses aligned = e.getValue().alignedTo(e.getKey(), own);
                    if (aligned != null) {
                        input.addPeers(aligned);
                    }
                }
            }
        }
    }

    /**
     * Log returns of the newest {@code n} bars of {@code symbols[0]} and, on the same bar times, of the others
     * (their last close at or before each bar, carried forward): {@code [symbol][t]}. Fewer than {@code n}
     * columns while history is short; an empty array when a symbol cannot be aligned over the window.
     */
    public double[][] alignedReturns(List<String> symbols, int n) {
        Ring first = symbols.isEmpty() ? null : rings.get(symbols.get(0));
        if (first == null || first.count < 2) {
            return new double[0][0];
        }
        int m = Math.min(n, first.count - 1);
        List<Bar> own = new ArrayList<>(m + 1);
        for (int i = first.count - m - 1; i < first.count; i++) {
            own.add(first.get(i));
        }
        double[][] returns = new double[symbols.size()][m];
        for (int k = 0; k < symbols.size(); k++) {
            Ring ring = rings.get(symbols.get(k));
            PeerCloses closes = ring == null ? null : ring.alignedTo(symbols.get(k), own);
            if (closes == null) {
                return new double[0][0];
            }
            for (int t = 0; t < m; t++) {
                returns[k][t] = Math.log(closes.getCloses(t + 1) / closes.getCloses(t));
            }
        }
        return returns;
    }

    /** A fixed ring of bars, oldest evicted first. */
    private static final class Ring {
        final Bar[] bars;
        int count;
        int next;
        boolean closedUnseen;
        /** True while every bar added opened after the one before it (always, from the feed): binary search holds. */
        boolean ascending = true;

        Ring(int capacity) {
            bars = new Bar[capacity];
        }

        void add(Bar bar) {
            if (count > 0 && bar.getOpenTimeMsc() <= get(count - 1).getOpenTimeMsc()) {
                ascending = false;
            }
            bars[next] = bar;
            next = (next + 1) % bars.length;
            count = Math.min(count + 1, bars.length);
        }

        Bar get(int i) {
            int k = next - count + i;
            return bars[k < 0 ? k + bars.length : k >= bars.length ? k - bars.length : k];
        }

        /** The first j from which {@code get(j).getOpenTimeMsc() <= t} stops holding, as a walk from 0 finds it. */
        int walkPast(long t) {
            if (!ascending) {
                int j = 0;
                while (j < count && get(j).getOpenTimeMsc() <= t) {
                    j++;
                }
                return j;
            }
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (get(mid).getOpenTimeMsc() <= t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /**
         * This symbol's last close at or before each of {@code own}'s open times (carried forward); null when it
         * has no bar at or before the first one (it cannot be aligned over the whole window).
         */
        PeerCloses alignedTo(String symbol, List<Bar> own) {
            PeerCloses.Builder out = PeerCloses.newBuilder().setSymbol(symbol);
            if (own.isEmpty()) {
                return out.build();
            }
            // skip to where the walk below would stand after the first bar (the older bars only set `last`)
            int j = Math.max(0, walkPast(own.get(0).getOpenTimeMsc()) - 1);
            double last = Double.NaN;
            for (Bar b : own) {
                while (j < count && get(j).getOpenTimeMsc() <= b.getOpenTimeMsc()) {
                    last = get(j).getClose();
                    j++;
                }
                if (Double.isNaN(last)) {
                    return null;
                }
                out.addCloses(last);
            }
            return out.build();
        }
    }
}
