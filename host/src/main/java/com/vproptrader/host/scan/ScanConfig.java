package com.vproptrader.host.scan;

/**
 * The strategy layer's settings, each documented where it is used.
 *
 * @param barsKept       closed M1 bars kept per symbol for the alphas (the largest warm-up an alpha may ask)
 * @param minStrength    a vote weaker than this is not counted (0.5 = at least at an alpha's own threshold)
 * @param q              Q* weights and grade thresholds ({@link QScore})
 * @param evidence       Beta prior of win probability and payoff ({@link Evidence})
 * @param banditMayTrade how many alphas may trade per regime at once ({@link RegimeBandit})
 * @param banditSeed     seed of the Thompson draws
 * @param weights        the adaptive weight rule ({@link WeightRule})
 */
public record ScanConfig(int barsKept, double minStrength, QScore q, Evidence evidence, int banditMayTrade,
                         long banditSeed, WeightRule weights) {

    /** 240 bars, strength ≥ 0.5, {@link QScore#DEFAULT}, {@link Evidence#DEFAULT}, 4 alphas per regime, seed 42. */
    public static ScanConfig defaults() {
        return new ScanConfig(240, 0.5, QScore.DEFAULT, Evidence.DEFAULT, 4, 42, WeightRule.DEFAULT);
    }

    public ScanConfig withMinStrength(double strength) {
        return new ScanConfig(barsKept, strength, q, evidence, banditMayTrade, banditSeed, weights);
    }
}
