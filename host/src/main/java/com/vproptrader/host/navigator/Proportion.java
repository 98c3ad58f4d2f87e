package com.vproptrader.host.navigator;

/**
 * A share of simulated paths with its Wilson score interval (95%): unlike the normal approximation it stays
 * inside [0, 1] and is honest near 0 and 1, where pass and breach probabilities often sit.
 */
public record Proportion(long hits, long paths, double estimate, double low, double high) {
    private static final double Z = 1.959963984540054;

    public static Proportion of(long hits, long paths) {
        if (paths <= 0) {
            return new Proportion(0, 0, 0, 0, 1);
        }
        double p = (double) hits / paths;
        double z2 = Z * Z;
        double denominator = 1 + z2 / paths;
        double centre = (p + z2 / (2.0 * paths)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / paths + z2 / (4.0 * paths * paths)) / denominator;
        return new Proportion(hits, paths, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** True when {@code p} lies inside the interval. */
    public boolean covers(double p) {
        return p >= low && p <= high;
    }
}
