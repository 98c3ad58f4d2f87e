package com.vproptrader.host.exec;

import java.util.Arrays;

/**
 * The newest round trips (signal sent to its fill or reject), in ms, with the monotonic time each ended.
 * Only those that ended within the recent window count: without new signals the old evidence ages out.
 */
final class RoundTrips {
    private final double[] ms;
    private final long[] endNanos;
    private final double[] scratch;
    private final long windowNanos;
    private int next;
    private int size;

    RoundTrips(int capacity, long recentWindowMs) {
        ms = new double[capacity];
        endNanos = new long[capacity];
        scratch = new double[capacity];
        windowNanos = recentWindowMs * 1_000_000L;
    }

    void add(double roundTripMs, long nanos) {
        ms[next] = roundTripMs;
        endNanos[next] = nanos;
        next = next + 1 == ms.length ? 0 : next + 1;
        size = Math.min(size + 1, ms.length);
    }

    /** The newest recent round trip, ms; 0 when none is recent. */
    double lastRecent(long nanos) {
        if (size == 0) {
            return 0;
        }
        int k = index(size - 1);
        return nanos - endNanos[k] < windowNanos ? ms[k] : 0;
    }

    int recentCount(long nanos) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (nanos - endNanos[index(i)] < windowNanos) {
                n++;
            }
        }
        return n;
    }

    /**
     * Percentile p (0..100, linear interpolation) of the recent round trips when it exceeds {@code floor}; NaN
     * when it does not or none is recent. An interpolated percentile never exceeds the largest sample, so while
     * every recent round trip is under {@code floor} (the usual case, checked every tick) nothing is sorted.
     * No allocation.
     */
    double recentPercentileAbove(long nanos, double p, double floor) {
        int n = 0;
        double largest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            int k = index(i);
            if (nanos - endNanos[k] < windowNanos) {
                scratch[n++] = ms[k];
                largest = Math.max(largest, ms[k]);
            }
        }
        if (n == 0 || largest < floor) {
            return Double.NaN;
        }
        Arrays.sort(scratch, 0, n);
        double rank = p / 100 * (n - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        double percentile = scratch[lo] + (scratch[hi] - scratch[lo]) * (rank - lo);
        return percentile > floor ? percentile : Double.NaN;
    }

    private int index(int i) {
        int k = next - size + i;
        return k < 0 ? k + ms.length : k;
    }
}
