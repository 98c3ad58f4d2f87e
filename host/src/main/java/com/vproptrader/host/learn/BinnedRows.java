package com.vproptrader.host.learn;

import java.util.Arrays;
import java.util.List;

/**
 * Training rows with each feature cut into at most {@value #MAX_BINS} bins at quantiles of its training values
 * (the histogram method of LightGBM and XGBoost's "hist"): a tree then looks for a split among at most 255 cut
 * points per feature, summed over one byte per (row, feature), instead of among every distinct value of a
 * sorted column. A cut lies halfway between two neighbouring training values; bin b holds the values at or
 * below cut b (and above cut b-1), so "bin <= b" and "value <= cut b" send every row the same way: the tree's
 * thresholds are the cuts, and the Java model and the ONNX graph compare the raw value against them.
 */
final class BinnedRows {
    static final int MAX_BINS = 256;

    final int rows;
    final int features;
    /** Row-major: the bin of feature f of row r is {@code bins[r * features + f] & 0xff}. */
    final byte[] bins;
    /** Per feature, the ascending cut points; feature f has {@code cuts[f].length + 1} bins. */
    private final double[][] cuts;

    private BinnedRows(int rows, int features, byte[] bins, double[][] cuts) {
        this.rows = rows;
        this.features = features;
        this.bins = bins;
        this.cuts = cuts;
    }

    static BinnedRows of(List<LabeledEntry> entries, int features) {
        int n = entries.size();
        double[][] cuts = new double[features][];
        byte[] bins = new byte[n * features];
        double[] column = new double[n];
        for (int f = 0; f < features; f++) {
            for (int r = 0; r < n; r++) {
                column[r] = entries.get(r).sharedFeatures()[f];
            }
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            double[] c = cutsOf(sorted);
            cuts[f] = c;
            for (int r = 0; r < n; r++) {
                bins[r * features + f] = (byte) binOf(c, column[r]);
            }
        }
        return new BinnedRows(n, features, bins, cuts);
    }

    int binCount(int feature) {
        return cuts[feature].length + 1;
    }

    /** The threshold of the split "bin <= b" of a feature: rows with value <= it go to the left child. */
    double cut(int feature, int bin) {
        return cuts[feature][bin];
    }

    /**
     * At most MAX_BINS - 1 cuts: between every two neighbouring distinct values when there are few, else after
     * each 1/MAX_BINS quantile (a run of equal values is never split, so a heavy value gets one bin).
     */
    private static double[] cutsOf(double[] sorted) {
        int n = sorted.length;
        double[] out = new double[MAX_BINS - 1];
        int count = 0;
        for (int q = 1; q < MAX_BINS && count < out.length; q++) {
            int pos = Math.max(0, (int) ((long) q * n / MAX_BINS) - 1);
            double below = sorted[pos];
            int next = upperBound(sorted, below);
            if (next == n) {
                break;
            }
            double cut = below + (sorted[next] - below) / 2;
            if (count == 0 || cut > out[count - 1]) {
                out[count++] = cut;
            }
        }
        if (count < out.length) {
            // Fewer distinct values than bins: every gap between neighbours gets its own cut.
            double[] distinct = Arrays.stream(sorted).distinct().toArray();
            if (distinct.length <= MAX_BINS) {
                double[] all = new double[distinct.length - 1];
                for (int i = 0; i < all.length; i++) {
                    all[i] = distinct[i] + (distinct[i + 1] - distinct[i]) / 2;
                }
                return all;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** First index whose value is above {@code v} in an ascending array. */
    private static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first bin whose cut is at or above the value; past the last cut, the last bin. */
    private static int binOf(double[] cuts, double v) {
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v <= cuts[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
