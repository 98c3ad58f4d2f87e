package com.vproptrader.host.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * SYNTHETIC trade candidates, not market data: features drawn at random, the outcome drawn from a known
 * logistic rule of them (momentum in the trade's favour helps, a wide spread hurts, the trending regime
 * helps), so a model has something real to learn and its quality can be checked against the rule.
 * One entry a minute; the outcome is known 1 to 120 minutes later. For tests and benchmarks only.
 */
public final class SyntheticEntries {
    public static final ModelSchema SCHEMA = ModelSchema.of("mom_20", "rv_30", "spread_z", "regime", "hour_server",
            "efficiency_10");
    static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00, arbitrary

    private SyntheticEntries() {
    }

    /**
     * The same rule on a wider vector: the six signals fill the first six columns of {@code schema}, every
     * other column is noise the model must learn to ignore.
     */
    public static List<LabeledEntry> generate(ModelSchema schema, int n, long seed) {
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

    public static List<LabeledEntry> generate(int n, long seed) {
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

    /**
     * SYNTHETIC return sequences for the two-head LSTM: volatility clusters (GARCH(1,1)-like) and shocks carry
     * over (AR(1) of the standardized shock, 0.4), so both the next volatility and the next direction can be
     * learned. Each step holds [return, |return|]; the volatility target is the next period's true sigma.
     */
    public static List<SequenceTrainer.Sample> sequences(int n, int steps, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int len = n + steps + 1;
        double[] ret = new double[len];
        double[] sigma = new double[len];
        double variance = 1;
        double shock = 0;
        for (int t = 0; t < len; t++) {
            sigma[t] = Math.sqrt(variance);
            shock = 0.4 * shock + Math.sqrt(1 - 0.16) * rnd.nextGaussian();
            ret[t] = sigma[t] * shock;
            variance = 0.05 + 0.85 * variance + 0.1 * ret[t] * ret[t];
        }
        List<SequenceTrainer.Sample> out = new ArrayList<>(n);
        for (int end = steps; end < len - 1; end++) {
            double[][] window = new double[steps][];
            for (int k = 0; k < steps; k++) {
                double r = ret[end - steps + k];
                window[k] = new double[] {r, Math.abs(r)};
            }
            out.add(new SequenceTrainer.Sample(window, sigma[end], ret[end] > 0));
        }
        return out;
    }
}
