package com.vproptrader.host.feature;

/**
 * Mean and population variance of the last {@code window} values, O(1) per update.
 *
 * <p>Uses Welford's update with removal of the evicted value, which keeps far more precision than running
 * sums of x and x²; the window is re-summed exactly every {@code max(window, 1024)} updates so rounding cannot
 * accumulate over a year of ticks (amortised O(1)). Before the window fills, statistics are over the values
 * seen so far, as ta4j's SMA and StandardDeviation indicators do.
 */
public final class RollingStats {
    private final DoubleRing ring;
    private final int rebuildEvery;
    private double mean;
    private double m2;
    private int sinceRebuild;

    public RollingStats(int window) {
        ring = new DoubleRing(window);
        rebuildEvery = Math.max(window, 1024);
    }

    public void add(double x) {
        double evicted = ring.push(x);
        int n = ring.size();
        if (Double.isNaN(evicted)) {
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        } else {
            double oldMean = mean;
            mean += (x - evicted) / n;
            m2 += (x - evicted) * (x - mean + evicted - oldMean);
        }
        if (++sinceRebuild >= rebuildEvery) {
            rebuild();
        }
    }

    private void rebuild() {
        int n = ring.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += ring.get(i);
        }
        double m = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = ring.get(i) - m;
            squares += d * d;
        }
        mean = m;
        m2 = squares;
        sinceRebuild = 0;
    }

    public double mean() {
        return ring.size() == 0 ? Double.NaN : mean;
    }

    /** Population variance (divide by n), as ta4j's VarianceIndicator. */
    public double variance() {
        return ring.size() == 0 ? Double.NaN : Math.max(0, m2 / ring.size());
    }

    public double stdDev() {
        return Math.sqrt(variance());
    }

    public double sum() {
        return mean * ring.size();
    }

    /** (x − mean) / stdDev of the window, 0 when the window has no dispersion yet. */
    public double zScore(double x) {
        double sd = stdDev();
        return sd > 0 ? (x - mean) / sd : 0;
    }

    public double latest(int lag) {
        return ring.get(lag);
    }

    public int count() {
        return ring.size();
    }

    public int window() {
        return ring.capacity();
    }

    public boolean isFull() {
        return ring.isFull();
    }
}
