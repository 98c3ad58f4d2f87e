package com.vproptrader.host.memory;

import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The store's newest closed trades with their entry features, as the indexer (the store's only writer) stored them:
 * each entry row's similar-trade summary reads its sample here instead of reading up to
 * {@link StoreRows#SIMILAR_AMONG} trades and all their features back from the store, which made indexing an entry cost
 * tens of milliseconds once a thousand trades had closed (a flood of signals then left the indexer minutes behind).
 * Every row is read back from the store once, when written, so the sample is exactly what the store's query gives.
 * Indexer thread only; {@link #forget} after a write that did not commit.
 */
final class RecentTrades {
    /** A trade's place in the store's order of closes. */
    private record Key(long closeTimeMsc, long positionId) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int byTime = Long.compare(closeTimeMsc, o.closeTimeMsc);
            return byTime != 0 ? byTime : Long.compare(positionId, o.positionId);
        }
    }

    private record Stored(ClosedTrade trade, Map<String, Double> features) {
    }

    private final int capacity;
    /** Null until read from the store (and after {@link #forget}). */
    private TreeMap<Key, Stored> newest;
    /** The signal keys of the trades held: an entry row written for one of them changes its features. */
    private final Set<String> signalKeys = new HashSet<>();
    /** Whether every trade of the store is held (none was ever dropped for capacity). */
    private boolean holdsAll;

    /** @param capacity trades held; above {@link StoreRows#SIMILAR_AMONG} so decisions a little behind the newest close still find theirs here */
    RecentTrades(int capacity) {
        this.capacity = capacity;
    }

    /**
     * The newest {@code count} trades closed before {@code timeMsc}, oldest first, with their entry features: the same
     * sample as {@link StoreRows#closedBefore}, which it falls back to when the trades held do not reach back far
     * enough.
     */
    SimilarTrades.Sample closedBefore(Handle h, long timeMsc, int count) {
        load(h);
        List<ClosedTrade> trades = new ArrayList<>(count);
        List<Map<String, Double>> features = new ArrayList<>(count);
        for (Stored s : newest.headMap(new Key(timeMsc, Long.MIN_VALUE), false).descendingMap().values()) {
            if (trades.size() == count) {
                break;
            }
            trades.add(s.trade());
            features.add(s.features());
        }
        if (trades.size() < count && !holdsAll) {
            return StoreRows.closedBefore(h, timeMsc, count);
        }
        Collections.reverse(trades);
        Collections.reverse(features);
        return new SimilarTrades.Sample(trades, features);
    }

    /** The trade with this position id was just written through {@code h}: read it back with its entry features. */
    void stored(Handle h, long positionId) {
        if (newest == null) {
            return; // read in full at the next use
        }
        ClosedTrade trade = h.createQuery("SELECT * FROM trades WHERE position_id = :p").bind("p", positionId)
                .map((rs, ctx) -> TradeStore.trade(rs)).one();
        Map<String, Double> features = new HashMap<>();
        h.createQuery("SELECT name, value FROM entry_features WHERE signal_key = :k").bind("k", trade.signalKey())
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getDouble(2)})
                .forEach(r -> features.put((String) r[0], (Double) r[1]));
        newest.put(new Key(trade.closeTimeMsc(), trade.positionId()), new Stored(trade, features));
        signalKeys.add(trade.signalKey());
        if (newest.size() > capacity) {
            newest.pollFirstEntry();
            holdsAll = false;
        }
    }

    /** An entry row was written for {@code signalKey}: a held trade of that signal would show stale features. */
    void entryWritten(String signalKey) {
        if (signalKeys.contains(signalKey)) {
            forget();
        }
    }

    /** Read everything again from the store at the next use (a write that did not commit may be held). */
    void forget() {
        newest = null;
        signalKeys.clear();
    }

    private void load(Handle h) {
        if (newest != null) {
            return;
        }
        SimilarTrades.Sample sample = StoreRows.closedBefore(h, Long.MAX_VALUE, capacity);
        newest = new TreeMap<>();
        for (int i = 0; i < sample.trades().size(); i++) {
            ClosedTrade t = sample.trades().get(i);
            newest.put(new Key(t.closeTimeMsc(), t.positionId()), new Stored(t, sample.features().get(i)));
            signalKeys.add(t.signalKey());
        }
        holdsAll = newest.size() < capacity;
    }
}
