package com.vproptrader.host.feature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling Pearson correlation of log returns across symbols (and macro series, which are just more
 * series), over the last {@code window} periods, from incremental sums: O(n²) per period for n series, O(1)
 * per pair, no allocation.
 *
 * <p>Synchronisation: each series reports its price per period (e.g. the close of its M1 bar). A period's row
 * is committed when a later period starts. A series with no bar in a period contributes a 0 return (its price
 * did not change) and its next return is measured from its last price, so no move is lost or invented. A
 * price reported after its period's row was committed counts in the current row. A pair's correlation is NaN
 * until both series have {@code window} rows of history, or when one did not move at all.
 *
 * <p>The sums are recomputed exactly from the window every {@code window} rows so rounding cannot drift.
 */
public final class CorrelationMatrix {
    private final int window;
    private final int capacity;
    private final Map<String, Integer> column = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final double[] lastPrice;
    private final double[] pending;
    private final long[] rowsSeen;
    private final double[][] rows;
    private final double[] sum;
    private final double[][] sumProducts;
    private long pendingPeriod = Long.MIN_VALUE;
    private int filled;
    private int next;
    private int sinceRebuild;

    /**
     * @param window   periods in the rolling window
     * @param capacity most series the matrix will hold (memory is capacity² doubles)
     */
    public CorrelationMatrix(int window, int capacity) {
        if (window < 3 || capacity < 1) {
            throw new IllegalArgumentException("window " + window + ", capacity " + capacity);
        }
        this.window = window;
        this.capacity = capacity;
        lastPrice = new double[capacity];
        pending = new double[capacity];
        rowsSeen = new long[capacity];
        rows = new double[window][capacity];
        sum = new double[capacity];
        sumProducts = new double[capacity][capacity];
        java.util.Arrays.fill(lastPrice, Double.NaN);
    }

    /** Reports the price of {@code series} for the period starting at {@code periodTime} (server ms). */
    public void onPrice(String series, long periodTime, double price) {
        int c = columnOf(series);
        if (periodTime > pendingPeriod) {
            if (pendingPeriod != Long.MIN_VALUE) {
                commitRow();
            }
            pendingPeriod = periodTime;
        }
        double last = lastPrice[c];
        if (!Double.isNaN(last)) {
            // Prices: log returns. A macro series that can be zero or negative (yields, spreads): differences.
            pending[c] += price > 0 && last > 0 ? Math.log(price / last) : price - last;
        }
        lastPrice[c] = price;
    }

    private int columnOf(String series) {
        Integer c = column.get(series);
        if (c == null) {
            if (names.size() == capacity) {
                throw new IllegalStateException("correlation matrix full (" + capacity + " series)");
            }
            c = names.size();
            column.put(series, c);
            names.add(series);
        }
        return c;
    }

    private void commitRow() {
        int n = names.size();
        double[] row = rows[next];
        boolean evict = filled == window;
        for (int i = 0; i < n; i++) {
            double x = pending[i];
            double old = evict ? row[i] : 0;
            sum[i] += x - old;
            double[] products = sumProducts[i];
            for (int j = 0; j <= i; j++) {
                products[j] += x * pending[j] - old * row[j];
            }
        }
        for (int i = 0; i < n; i++) {
            row[i] = pending[i];
            pending[i] = 0;
            if (!Double.isNaN(lastPrice[i])) {
                rowsSeen[i]++;
            }
        }
        next = next + 1 == window ? 0 : next + 1;
        if (!evict) {
            filled++;
        }
        if (++sinceRebuild >= window) {
            rebuild(n);
        }
    }

    private void rebuild(int n) {
        for (int i = 0; i < n; i++) {
            sum[i] = 0;
            java.util.Arrays.fill(sumProducts[i], 0, i + 1, 0);
        }
        for (int r = 0; r < filled; r++) {
            double[] row = rows[r];
            for (int i = 0; i < n; i++) {
                sum[i] += row[i];
                for (int j = 0; j <= i; j++) {
                    sumProducts[i][j] += row[i] * row[j];
                }
            }
        }
        sinceRebuild = 0;
    }

    /** Correlation of two series' returns over the window, NaN when not yet known. */
    public double correlation(String a, String b) {
        Integer i = column.get(a);
        Integer j = column.get(b);
        return i == null || j == null ? Double.NaN : correlation(i, j);
    }

    /** Correlation by column index (see {@link #series()}). */
    public double correlation(int i, int j) {
        if (filled < window || rowsSeen[i] < window || rowsSeen[j] < window) {
            return Double.NaN;
        }
        double n = filled;
        double cov = n * product(i, j) - sum[i] * sum[j];
        double varI = n * product(i, i) - sum[i] * sum[i];
        double varJ = n * product(j, j) - sum[j] * sum[j];
        if (varI <= 0 || varJ <= 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, cov / Math.sqrt(varI * varJ)));
    }

    private double product(int i, int j) {
        return i >= j ? sumProducts[i][j] : sumProducts[j][i];
    }

    /** A copy of the full matrix in {@link #series()} order (allocates: for AdminService and reports). */
    public double[][] matrix() {
        int n = names.size();
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = i == j ? 1 : correlation(i, j);
            }
        }
        return m;
    }

    public List<String> series() {
        return Collections.unmodifiableList(names);
    }

    public int window() {
        return window;
    }
}
