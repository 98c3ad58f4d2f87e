package com.vproptrader.host.feature;

/**
 * Kaufman's efficiency ratio over n bars: |net move| / sum of |bar-to-bar moves|, in [0, 1]. Near 1 the price
 * went one way (trend), near 0 it went back and forth (range). Scale-free, so one threshold fits every symbol.
 */
public final class EfficiencyRatio {
    private final DoubleRing closes;
    private final RollingStats absoluteMoves;
    private double value = Double.NaN;

    public EfficiencyRatio(int period) {
        closes = new DoubleRing(period + 1);
        absoluteMoves = new RollingStats(period);
    }

    public double update(double close) {
        if (closes.size() > 0) {
            absoluteMoves.add(Math.abs(close - closes.get(0)));
        }
        closes.push(close);
        if (closes.isFull()) {
            double path = absoluteMoves.sum();
            value = path > 0 ? Math.min(1, Math.abs(close - closes.get(closes.size() - 1)) / path) : 0;
        }
        return value;
    }

    /** NaN until n + 1 closes were seen. */
    public double value() {
        return value;
    }
}
