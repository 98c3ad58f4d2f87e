package com.vproptrader.host.scan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of the alpha weights after a closed trade:
 * <pre>
 *   w_i ← w_i + η·(Sharpe_i − mean Sharpe) − λ·ρ_{i,portfolio}
 *   w_i ← clip(w_i, min, max);   then all w scaled so their mean is 1
 * </pre>
 * Sharpe_i is alpha i's per-trade Sharpe (mean R / sd R) over its last {@code window} closed trades; an alpha
 * with fewer than two R values has no Sharpe yet and takes the mean (no drift). ρ_{i,portfolio} is the
 * correlation of alpha i's P/L (R summed per {@code bucketMs} of close time) with the rest of the book's over
 * the same buckets: an alpha that only repeats what the others already do earns less weight. Mean 1 keeps the
 * bounds meaningful whatever the number of alphas.
 *
 * @param eta      learning rate on the Sharpe difference
 * @param lambda   penalty per unit of correlation with the rest of the book
 * @param min      lower clip (before normalising)
 * @param max      upper clip
 * @param window   closed trades per alpha the Sharpe is measured over
 * @param bucketMs bucket of close time for the correlation (e.g. one hour)
 */
public record WeightRule(double eta, double lambda, double min, double max, int window, long bucketMs) {
    /** η 0.1, λ 0.05, weights within [0.2, 3] of the mean, 50 trades, hourly buckets. */
    public static final WeightRule DEFAULT = new WeightRule(0.1, 0.05, 0.2, 3.0, 50, 3_600_000L);

    public WeightRule {
        if (eta < 0 || lambda < 0 || !(min > 0 && min <= 1 && max >= 1) || window < 2 || bucketMs <= 0) {
            throw new IllegalArgumentException("need eta, lambda >= 0, 0 < min <= 1 <= max, window >= 2, bucket > 0");
        }
    }

    /**
     * @param weights current weights by alpha id (every alpha to update, in a stable order)
     * @param sharpe  Sharpe by alpha id; NaN or missing = not known yet
     * @param rho     correlation with the rest of the book by alpha id; NaN or missing = 0
     */
    public Map<String, Double> step(Map<String, Double> weights, Map<String, Double> sharpe, Map<String, Double> rho) {
        double sum = 0;
        int known = 0;
        for (String a : weights.keySet()) {
            double s = sharpe.getOrDefault(a, Double.NaN);
            if (!Double.isNaN(s)) {
                sum += s;
                known++;
            }
        }
        double meanSharpe = known == 0 ? 0 : sum / known;
        Map<String, Double> next = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            double s = sharpe.getOrDefault(e.getKey(), Double.NaN);
            double r = rho.getOrDefault(e.getKey(), Double.NaN);
            double w = e.getValue() + eta * (Double.isNaN(s) ? 0 : s - meanSharpe) - lambda * (Double.isNaN(r) ? 0 : r);
            w = Math.max(min, Math.min(max, w));
            next.put(e.getKey(), w);
            total += w;
        }
        double scale = next.isEmpty() ? 1 : next.size() / total;
        next.replaceAll((a, w) -> w * scale);
        return next;
    }
}
