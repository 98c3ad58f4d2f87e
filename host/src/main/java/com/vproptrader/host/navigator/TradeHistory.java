package com.vproptrader.host.navigator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account's closed trades as a series of trading days (days without a trade included, weekends not),
 * each trade on the day it closed, so a day's result is what the firm's daily loss saw. A trade opened on
 * an earlier day is replayed from the day's start.
 */
record TradeHistory(List<TradingDay> days, int trades, double medianRiskFraction) {

    static TradeHistory of(List<TradeOutcome> closed, TradingCalendar calendar) {
        if (closed.isEmpty()) {
            return new TradeHistory(List.of(), 0, Double.NaN);
        }
        List<TradeOutcome> sorted = new ArrayList<>(closed);
        sorted.sort(Comparator.comparing(TradeOutcome::closed));
        Map<Instant, List<TradeOutcome>> byDay = new LinkedHashMap<>();
        Instant first = calendar.dayStart(sorted.get(0).closed());
        Instant last = calendar.dayStart(sorted.get(sorted.size() - 1).closed());
        for (Instant d = first; !d.isAfter(last); d = calendar.nextReset(d)) {
            if (calendar.isTradingDay(d)) {
                byDay.put(d, new ArrayList<>());
            }
        }
        for (TradeOutcome t : sorted) {
            // A trade closed on a weekend (rare: a Friday position closed at the Sunday open) counts on the day it closed.
            byDay.computeIfAbsent(calendar.dayStart(t.closed()), d -> new ArrayList<>()).add(t);
        }
        List<TradingDay> days = new ArrayList<>(byDay.size());
        byDay.forEach((start, trades) -> days.add(day(start, trades)));
        double[] fractions = sorted.stream().mapToDouble(TradeOutcome::riskFraction).sorted().toArray();
        double median = fractions.length % 2 == 1 ? fractions[fractions.length / 2]
                : (fractions[fractions.length / 2 - 1] + fractions[fractions.length / 2]) / 2;
        return new TradeHistory(List.copyOf(days), sorted.size(), median);
    }

    private static TradingDay day(Instant start, List<TradeOutcome> trades) {
        trades.sort(Comparator.comparing(TradeOutcome::opened));
        int n = trades.size();
        long[] open = new long[n];
        long[] close = new long[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            TradeOutcome t = trades.get(i);
            open[i] = Math.max(0, Duration.between(start, t.opened()).toMillis());
            close[i] = Math.max(open[i], Duration.between(start, t.closed()).toMillis());
            r[i] = t.rMultiple();
        }
        return new TradingDay(open, close, r);
    }

    /** Each day's result in R, in order. */
    double[] dailyR() {
        return days.stream().mapToDouble(TradingDay::totalR).toArray();
    }
}
