package com.vproptrader.host.engine;

import com.vproptrader.host.risk.StopLevels;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Tick;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the shadow versions would have earned: a paper book per shadow label, never sent anywhere. A shadow that
 * would trade (an alpha voting at the serving strength, a model rating the candidate above break-even) opens a
 * virtual position on that symbol at the quote's side (a buy at the ask, a sell at the bid) with the stop plan's SL
 * and TP1 at that tick, one at a time per symbol; each later tick of the symbol settles it like the paper broker
 * would fill a stop or limit: a long exits at the bid, a short at the ask, at SL for −1 R or at TP1 for
 * +TP1/SL distance R. Results are in R, the unit the sizing risks, because a shadow is never sized.
 * Written by the event loop only; {@link #snapshot} is safe from any thread.
 */
final class ShadowPaperBook {
    /** One shadow's would-be trading so far. */
    record Stats(int trades, int wins, double pnlR, int open) {
        static final Stats NONE = new Stats(0, 0, 0, 0);

        double winRate() {
            return trades == 0 ? Double.NaN : (double) wins / trades;
        }
    }

    private record Virtual(Side side, double entry, StopLevels levels) {
    }

    /** label → symbol → its open virtual position. */
    private final Map<String, Map<String, Virtual>> open = new HashMap<>();
    private final Map<String, Stats> stats = new ConcurrentHashMap<>();

    /** The shadow {@code label} would trade {@code side} now at {@code entry}: opens unless one is open there. */
    void wouldTrade(String label, String symbol, Side side, double entry, StopLevels levels) {
        if (side != Side.BUY && side != Side.SELL) {
            return;
        }
        Map<String, Virtual> bySymbol = open.computeIfAbsent(label, k -> new HashMap<>());
        if (bySymbol.putIfAbsent(symbol, new Virtual(side, entry, levels)) == null) {
            Stats s = stats.getOrDefault(label, Stats.NONE);
            stats.put(label, new Stats(s.trades(), s.wins(), s.pnlR(), s.open() + 1));
        }
    }

    /** Settles the virtual positions on {@code tick}'s symbol that its quote reaches. */
    void onTick(Tick tick) {
        for (Map.Entry<String, Map<String, Virtual>> shadow : open.entrySet()) {
            Virtual v = shadow.getValue().get(tick.getSymbol());
            if (v == null) {
                continue;
            }
            boolean buy = v.side() == Side.BUY;
            double exit = buy ? tick.getBid() : tick.getAsk();
            boolean stopped = buy ? exit <= v.levels().sl() : exit >= v.levels().sl();
            boolean target = buy ? exit >= v.levels().tp1() : exit <= v.levels().tp1();
            if (!stopped && !target) {
                continue;
            }
            double r = stopped ? -1 : Math.abs(v.levels().tp1() - v.entry()) / Math.abs(v.entry() - v.levels().sl());
            shadow.getValue().remove(tick.getSymbol());
            Stats s = stats.getOrDefault(shadow.getKey(), Stats.NONE);
            stats.put(shadow.getKey(), new Stats(s.trades() + 1, s.wins() + (stopped ? 0 : 1), s.pnlR() + r,
                    s.open() - 1));
        }
        for (Iterator<Map<String, Virtual>> it = open.values().iterator(); it.hasNext(); ) {
            if (it.next().isEmpty()) {
                it.remove();
            }
        }
    }

    /** Every shadow's figures, by label. */
    Map<String, Stats> snapshot() {
        return Map.copyOf(stats);
    }
}
