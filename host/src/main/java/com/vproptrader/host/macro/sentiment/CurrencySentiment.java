package com.vproptrader.host.macro.sentiment;

/**
 * Headline sentiment of one currency at a time t: the mean of the scores known by t, each weighted by
 * 2^(−age / halfLife), shrunk towards 0 by a neutral prior of {@code priorWeight} headlines:
 * S(t) = Σ wᵢ·xᵢ / (Σ wᵢ + priorWeight). In [−1, 1]; fades to 0 when no news comes. Feed headlines in the
 * order they became known; reading at t never uses a headline known after t.
 */
public final class CurrencySentiment {
    private final double halfLifeMs;
    private final double priorWeight;
    private double weightedSum;
    private double weights;
    private long lastMs = Long.MIN_VALUE;

    public CurrencySentiment(double halfLifeMs, double priorWeight) {
        if (!(halfLifeMs > 0) || !(priorWeight > 0)) {
            throw new IllegalArgumentException("half-life " + halfLifeMs + " ms, prior " + priorWeight);
        }
        this.halfLifeMs = halfLifeMs;
        this.priorWeight = priorWeight;
    }

    public void add(long knownAtMs, double score) {
        decayTo(knownAtMs);
        weightedSum += score;
        weights += 1;
    }

    /** S at {@code timeMs} (not before the last headline added). */
    public double at(long timeMs) {
        double f = lastMs == Long.MIN_VALUE ? 0 : Math.pow(2, -(timeMs - lastMs) / halfLifeMs);
        return weightedSum * f / (weights * f + priorWeight);
    }

    private void decayTo(long timeMs) {
        if (lastMs != Long.MIN_VALUE) {
            if (timeMs < lastMs) {
                throw new IllegalArgumentException("headline known at " + timeMs + " before the previous one " + lastMs);
            }
            double f = Math.pow(2, -(timeMs - lastMs) / halfLifeMs);
            weightedSum *= f;
            weights *= f;
        }
        lastMs = timeMs;
    }
}
