package com.vproptrader.host.analytics;

import com.vproptrader.host.memory.ClosedTrade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

/** {@link Metrics} overall and per alpha, regime, symbol and session, over the same closed trades. */
public final class Analytics {
    /** A grouping of trades: by what each trade is keyed. */
    public enum Dimension {
        OVERALL(t -> "all"),
        ALPHA(ClosedTrade::alpha),
        REGIME(ClosedTrade::regime),
        SYMBOL(ClosedTrade::symbol),
        SESSION(ClosedTrade::session);

        private final Function<ClosedTrade, String> key;

        Dimension(Function<ClosedTrade, String> key) {
            this.key = key;
        }
    }

    private Analytics() {
    }

    /** For each dimension, the metrics of each of its groups (groups in name order). */
    public static Map<Dimension, Map<String, Metrics>> report(List<ClosedTrade> trades, double initialBalance,
                                                              LongUnaryOperator tradingDayOf) {
        Map<Dimension, Map<String, Metrics>> out = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            out.put(d, byGroup(trades, d, initialBalance, tradingDayOf));
        }
        return out;
    }

    public static Map<String, Metrics> byGroup(List<ClosedTrade> trades, Dimension dimension, double initialBalance,
                                               LongUnaryOperator tradingDayOf) {
        Map<String, List<ClosedTrade>> groups = new TreeMap<>();
        for (ClosedTrade t : trades) {
            groups.computeIfAbsent(dimension.key.apply(t), k -> new ArrayList<>()).add(t);
        }
        Map<String, Metrics> out = new LinkedHashMap<>();
        groups.forEach((group, list) -> out.put(group, TradeSeries.metrics(list, initialBalance, tradingDayOf)));
        return out;
    }
}
