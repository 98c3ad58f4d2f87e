package com.vproptrader.host.learn;

import java.util.Arrays;

/**
 * Population stability index of one feature: how far the recent distribution moved from the reference one,
 * over bins cut at the reference's quantiles. Sum over bins of (recent% - reference%) x ln(recent% /
 * reference%); empty bins count as {@value #FLOOR} so the log stays finite. The usual reading: below 0.1
 * stable, 0.1 to 0.25 moving, above 0.25 shifted.
 */
public final class Psi {
    static final double FLOOR = 1e-4;
    private final double[] edges; // inner bin edges, ascending
    private final double[] referenceShares;

    /** Bins cut at the reference's {@code bins}-quantiles (fewer where values repeat). */
    public Psi(double[] reference, int bins) {
        if (reference.length < bins || bins < 2) {
            throw new IllegalArgumentException("need at least " + bins + " reference values and 2 bins");
        }
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        edges = Arrays.stream(java.util.stream.IntStream.range(1, bins)
                        .mapToDouble(k -> sorted[(int) ((long) k * sorted.length / bins)]).toArray())
                .distinct().toArray();
        referenceShares = shares(reference);
    }

    public double of(double[] recent) {
        if (recent.length == 0) {
            throw new IllegalArgumentException("no recent values");
        }
        double[] a = shares(recent);
        double psi = 0;
        for (int i = 0; i < a.length; i++) {
            double e = Math.max(FLOOR, referenceShares[i]);
            double r = Math.max(FLOOR, a[i]);
            psi += (r - e) * Math.log(r / e);
        }
        return psi;
    }

    private double[] shares(double[] values) {
        double[] counts = new double[edges.length + 1];
        for (double v : values) {
            int i = Arrays.binarySearch(edges, v);
            int bin = i >= 0 ? i + 1 : -i - 1; // a value equal to an edge falls in the bin above it
            counts[bin]++;
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] /= values.length;
        }
        return counts;
    }
}
