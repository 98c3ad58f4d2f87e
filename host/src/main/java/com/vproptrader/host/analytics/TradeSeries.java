package com.vproptrader.host.analytics;

import com.vproptrader.host.memory.ClosedTrade;
import com.vproptrader.host.risk.ExpectedShortfall;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/**
 * Computes {@link Metrics} for one list of closed trades. Daily figures use the net result of the trades
 * closed on each trading day ({@code tradingDayOf} maps a close time to the start of its trading day, the
 * governors' day reset in broker server time); the daily return is that day's result over the closed-trade
 * equity at the start of the day ({@code initialBalance} plus every earlier result).
 */
public final class TradeSeries {
    static final int TRADING_DAYS_PER_YEAR = 252;
    private static final long DAY_MS = 86_400_000L;

    private TradeSeries() {
    }

    public static Metrics metrics(List<ClosedTrade> trades, double initialBalance, LongUnaryOperator tradingDayOf) {
        if (!(initialBalance > 0)) {
            throw new IllegalArgumentException("initial balance must be > 0, got " + initialBalance);
        }
        int wins = 0;
        long net = 0;
        long grossProfit = 0;
        long grossLoss = 0;
        double sumR = 0;
        int rCount = 0;
        for (ClosedTrade t : trades) {
            long c = t.pnl().cents();
            net += c;
            if (c > 0) {
                wins++;
                grossProfit += c;
            } else {
                grossLoss -= c;
            }
            if (!Double.isNaN(t.rMultiple())) {
                sumR += t.rMultiple();
                rCount++;
            }
        }
        int n = trades.size();
        double[] dayPnl = dailyPnl(trades, tradingDayOf);
        Daily daily = daily(dayPnl, initialBalance);
        return new Metrics(n, wins, net / 100.0, grossProfit / 100.0, grossLoss / 100.0,
                n == 0 ? Double.NaN : (double) wins / n, ratio(grossProfit, grossLoss),
                n == 0 ? Double.NaN : net / 100.0 / n, rCount == 0 ? Double.NaN : sumR / rCount, dayPnl.length,
                daily.sharpe, daily.sortino, daily.calmar,
                dayPnl.length == 0 ? Double.NaN : valueAtRisk(dayPnl),
                dayPnl.length == 0 ? Double.NaN : ExpectedShortfall.historical(dayPnl),
                daily.maxDrawdown, daily.maxDrawdownPct, daily.maxDrawdownDays);
    }

    /**
     * Net result per trading day, Monday to Friday, from the first close's day to the last's, days without a
     * close included as flat, oldest first.
     */
    static double[] dailyPnl(List<ClosedTrade> trades, LongUnaryOperator tradingDayOf) {
        TreeMap<Long, Long> byDay = new TreeMap<>();
        for (ClosedTrade t : trades) {
            byDay.merge(tradingDayOf.applyAsLong(t.closeTimeMsc()), t.pnl().cents(), Long::sum);
        }
        if (byDay.isEmpty()) {
            return new double[0];
        }
        List<Double> days = new java.util.ArrayList<>();
        long first = byDay.firstKey();
        long last = byDay.lastKey();
        for (long day = first; day <= last + DAY_MS / 2; day += DAY_MS) {
            // Day starts may sit a few hours off midnight: the weekday is the one at the day's middle.
            DayOfWeek weekday = Instant.ofEpochMilli(day + DAY_MS / 2).atZone(ZoneOffset.UTC).getDayOfWeek();
            Long cents = byDay.floorKey(day + DAY_MS / 2) != null && byDay.floorKey(day + DAY_MS / 2) > day - DAY_MS / 2
                    ? byDay.get(byDay.floorKey(day + DAY_MS / 2)) : null;
            if (cents != null || (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY)) {
                days.add(cents == null ? 0.0 : cents / 100.0);
            }
        }
        return days.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Historical VaR 95: the k-th worst day, k the same tail count expected shortfall averages over. */
    static double valueAtRisk(double[] pnl) {
        double[] sorted = pnl.clone();
        Arrays.sort(sorted);
        return -sorted[ExpectedShortfall.tailCount(pnl.length) - 1];
    }

    private static double ratio(long numerator, long denominator) {
        if (denominator == 0) {
            return numerator == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        return (double) numerator / denominator;
    }

    private record Daily(double sharpe, double sortino, double calmar, double maxDrawdown, double maxDrawdownPct,
                         int maxDrawdownDays) {
    }

    private static Daily daily(double[] pnl, double initialBalance) {
        int n = pnl.length;
        double[] returns = new double[n];
        double equity = initialBalance;
        double peak = initialBalance;
        double maxDd = 0;
        double maxDdPct = 0;
        int peakDay = -1; // the start (before day 0) is the first peak
        int longest = 0;
        for (int i = 0; i < n; i++) {
            returns[i] = pnl[i] / equity;
            equity += pnl[i];
            if (equity >= peak) {
                peak = equity;
                peakDay = i;
            } else {
                maxDd = Math.max(maxDd, peak - equity);
                maxDdPct = Math.max(maxDdPct, (peak - equity) / peak);
                longest = Math.max(longest, i - peakDay);
            }
        }
        double mean = n == 0 ? Double.NaN : Arrays.stream(returns).average().orElse(Double.NaN);
        double sd = sampleSd(returns, mean);
        double downside = n == 0 ? Double.NaN
                : Math.sqrt(Arrays.stream(returns).map(r -> Math.min(r, 0)).map(r -> r * r).sum() / n);
        double annual = Math.sqrt(TRADING_DAYS_PER_YEAR);
        double sharpe = sd > 0 ? mean / sd * annual : Double.NaN;
        double sortino = downside > 0 ? mean / downside * annual
                : (n > 0 && mean > 0 ? Double.POSITIVE_INFINITY : Double.NaN);
        double growth = n == 0 ? Double.NaN : Math.pow(equity / initialBalance, (double) TRADING_DAYS_PER_YEAR / n) - 1;
        double calmar = maxDdPct > 0 ? growth / maxDdPct : (n > 0 && growth > 0 ? Double.POSITIVE_INFINITY : Double.NaN);
        return new Daily(sharpe, sortino, calmar, maxDd, maxDdPct, longest);
    }

    private static double sampleSd(double[] x, double mean) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }
}
