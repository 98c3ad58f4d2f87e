package com.vproptrader.host.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * SYNTHETIC trade candidates, not market data: features drawn at random, the outcome drawn from a known
 * logistic rule of them (momentum in the trade's favour helps, a wide spread hurts, the trending regime
 * helps), so a model has something real to learn and its quality can be checked against the rule.
 * One entry a minute; the outcome is known 1 to 120 minutes later.
 */
final class SyntheticEntries {
    static final ModelSchema SCHEMA = ModelSchema.of("mom_20", "rv_30", "spread_z", "regime", "hour_server",
            "efficiency_10");
    static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00, arbitrary

    private SyntheticEntries() {
    }

    /**
     * The same rule on a wider vector: the six signals fill the first six columns of {@code schema}, every
     * other column is noise the model must learn to ignore.
     */
    static List<LabeledEntry> generate(ModelSchema schema, int n, long seed) {
        SplittableRandom noise = new SplittableRandom(seed + 1);
        return generate(n, seed).stream().map(e -> {
            double[] wide = new double[schema.size()];
            for (int k = 0; k < wide.length; k++) {
                wide[k] = noise.nextGaussian();
            }
            System.arraycopy(e.features(), 0, wide, 0, SCHEMA.size());
            return new LabeledEntry(e.entryMs(), e.labelKnownMs(), wide, e.tp1First());
        }).toList();
    }

    static List<LabeledEntry> generate(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<LabeledEntry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double mom = rnd.nextGaussian();
            double rv = 0.5 + rnd.nextDouble();
            double spreadZ = rnd.nextGaussian();
            double regime = rnd.nextInt(3);
            double hour = rnd.nextInt(24);
            double efficiency = rnd.nextDouble();
            double logOdds = 1.2 * mom - 0.7 * spreadZ + (regime == 1 ? 0.6 : -0.2) + 0.8 * (efficiency - 0.5);
            boolean hit = rnd.nextDouble() < 1 / (1 + Math.exp(-logOdds));
            long entry = T0 + i * 60_000L;
            long known = entry + (1 + rnd.nextInt(120)) * 60_000L;
            out.add(new LabeledEntry(entry, known, new double[] {mom, rv, spreadZ, regime, hour, efficiency}, hit));
        }
        return out;
    }
}
