package com.vproptrader.host.navigator;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the simulated paths say at one risk level: the share of each ending with its 95% interval, and the
 * trading days to pass (1 = today) among the paths that pass: mean with a 95% interval, 10th/50th/90th
 * percentile, and how many passed on each day ({@code histogram[d - 1]} for day d).
 */
public record Forecast(double riskFraction, int paths, Map<AttemptEnd, Proportion> ends, DaysToPass daysToPass,
                       double meanAttemptDays) {

    public Forecast {
        ends = Map.copyOf(ends);
    }

    /** Days to pass over the passing paths; NaN figures when none passed. */
    public record DaysToPass(double mean, double low, double high, int p10, int p50, int p90, int[] histogram) {
    }

    public Proportion pass() {
        return ends.get(AttemptEnd.PASSED);
    }

    public Proportion end(AttemptEnd end) {
        return ends.get(end);
    }

    /** The ending other than a pass that most paths met (ties: the earlier in {@link AttemptEnd}). */
    public AttemptEnd mostLikelyFailure() {
        AttemptEnd worst = null;
        for (AttemptEnd e : AttemptEnd.values()) {
            if (e != AttemptEnd.PASSED && (worst == null || ends.get(e).hits() > ends.get(worst).hits())) {
                worst = e;
            }
        }
        return worst;
    }

    /** Expected trading days spent per pass when failed attempts are retried like this one: E[days] / P(pass). */
    public double daysPerPass() {
        double p = pass().estimate();
        return p == 0 ? Double.POSITIVE_INFINITY : meanAttemptDays / p;
    }

    static Forecast of(double riskFraction, AttemptEnd[] end, int[] day) {
        int n = end.length;
        long[] counts = new long[AttemptEnd.values().length];
        int maxDay = 0;
        double attemptDays = 0;
        for (int i = 0; i < n; i++) {
            counts[end[i].ordinal()]++;
            attemptDays += day[i];
            if (end[i] == AttemptEnd.PASSED) {
                maxDay = Math.max(maxDay, day[i]);
            }
        }
        Map<AttemptEnd, Proportion> ends = new EnumMap<>(AttemptEnd.class);
        for (AttemptEnd e : AttemptEnd.values()) {
            ends.put(e, Proportion.of(counts[e.ordinal()], n));
        }
        return new Forecast(riskFraction, n, ends, daysToPass(end, day, maxDay), n == 0 ? 0 : attemptDays / n);
    }

    private static DaysToPass daysToPass(AttemptEnd[] end, int[] day, int maxDay) {
        int[] passDays = new int[end.length];
        int m = 0;
        int[] histogram = new int[maxDay]; // [d - 1] = paths passing on day d
        for (int i = 0; i < end.length; i++) {
            if (end[i] == AttemptEnd.PASSED) {
                passDays[m++] = day[i];
                histogram[day[i] - 1]++;
            }
        }
        if (m == 0) {
            return new DaysToPass(Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, histogram);
        }
        int[] sorted = Arrays.copyOf(passDays, m);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
        double var = 0;
        for (int d : sorted) {
            var += (d - mean) * (d - mean);
        }
        double se = m > 1 ? Math.sqrt(var / (m - 1) / m) : 0;
        return new DaysToPass(mean, mean - 1.96 * se, mean + 1.96 * se, percentile(sorted, 0.10),
                percentile(sorted, 0.50), percentile(sorted, 0.90), histogram);
    }

    /** Nearest-rank percentile. */
    private static int percentile(int[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
