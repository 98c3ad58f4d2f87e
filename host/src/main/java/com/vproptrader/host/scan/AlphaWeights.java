package com.vproptrader.host.scan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The current weight of each alpha (by plugin id) in the scanner's vote merge. An alpha never seen has weight 1
 * (the mean). Owned by the event loop; changed only by {@link #apply}.
 */
public final class AlphaWeights {
    private final Map<String, Double> weights = new TreeMap<>();

    public double weight(String alphaId) {
        return weights.getOrDefault(alphaId, 1.0);
    }

    /** A copy, ordered by alpha id. */
    public Map<String, Double> snapshot() {
        return new LinkedHashMap<>(weights);
    }

    /** Replaces the weights (after a {@link WeightRule#step}, or when loaded from the store). */
    public void apply(Map<String, Double> next) {
        weights.clear();
        weights.putAll(next);
    }
}
