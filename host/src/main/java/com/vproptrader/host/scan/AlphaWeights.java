package com.vproptrader.host.scan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The weight of each alpha (by plugin id) in the scanner's vote merge, moved by {@link WeightRule} after every
 * closed trade and saved to the {@link WeightStore} at once, so a restart continues where it stopped. An alpha
 * never seen has weight 1 (the mean). Owned by the event loop.
 */
public final class AlphaWeights {
    private final WeightRule rule;
    private final Map<String, Double> weights = new TreeMap<>();
    private WeightStore store = WeightStore.NONE;

    public AlphaWeights(WeightRule rule) {
        this.rule = rule;
    }

    /** Continues from {@code store}'s saved weights and saves every change there (once the account is known). */
    public void attach(WeightStore newStore) {
        store = newStore;
        weights.clear();
        weights.putAll(newStore.load());
    }

    public double weight(String alphaId) {
        return weights.getOrDefault(alphaId, 1.0);
    }

    /** A copy, ordered by alpha id. */
    public Map<String, Double> snapshot() {
        return new LinkedHashMap<>(weights);
    }

    /**
     * A trade closed: one step of the rule for every alpha known (serving now, weighted before, or in the
     * results), from the newest closed trades.
     */
    public void onClosedTrade(Collection<String> serving, List<TradeEvidence.Result> recent) {
        TreeSet<String> alphas = new TreeSet<>(serving);
        alphas.addAll(weights.keySet());
        recent.forEach(r -> alphas.add(r.alpha()));
        Map<String, Double> current = new LinkedHashMap<>();
        alphas.forEach(a -> current.put(a, weight(a)));
        Map<String, Double> sharpe = new HashMap<>();
        Map<String, Double> rho = new HashMap<>();
        for (String a : alphas) {
            sharpe.put(a, sharpe(a, recent));
            rho.put(a, correlationWithTheRest(a, recent));
        }
        weights.clear();
        weights.putAll(rule.step(current, sharpe, rho));
        store.save(weights);
    }

    /** Mean R / sample sd of R over the alpha's newest {@code window} trades with a finite R; NaN below two. */
    double sharpe(String alpha, List<TradeEvidence.Result> recent) {
        List<Double> rs = new ArrayList<>();
        for (int i = recent.size() - 1; i >= 0 && rs.size() < rule.window(); i--) {
            TradeEvidence.Result r = recent.get(i);
            if (r.alpha().equals(alpha) && Double.isFinite(r.r())) {
                rs.add(r.r());
            }
        }
        if (rs.size() < 2) {
            return Double.NaN;
        }
        double mean = rs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double ss = rs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        double sd = Math.sqrt(ss / (rs.size() - 1));
        return sd > 0 ? mean / sd : Double.NaN;
    }

    /** Pearson correlation of the alpha's R per close-time bucket with the other alphas' R; NaN below 3 buckets. */
    double correlationWithTheRest(String alpha, List<TradeEvidence.Result> recent) {
        TreeMap<Long, double[]> buckets = new TreeMap<>();
        for (TradeEvidence.Result r : recent) {
            if (Double.isFinite(r.r())) {
                double[] b = buckets.computeIfAbsent(Math.floorDiv(r.closeTimeMsc(), rule.bucketMs()), k -> new double[2]);
                b[r.alpha().equals(alpha) ? 0 : 1] += r.r();
            }
        }
        int n = buckets.size();
        if (n < 3) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (double[] b : buckets.values()) {
            mx += b[0] / n;
            my += b[1] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] b : buckets.values()) {
            sxy += (b[0] - mx) * (b[1] - my);
            sxx += (b[0] - mx) * (b[0] - mx);
            syy += (b[1] - my) * (b[1] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }
}
