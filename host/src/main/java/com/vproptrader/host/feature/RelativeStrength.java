package com.vproptrader.host.feature;

/**
 * Wilder's RSI (0..100) from Wilder-smoothed gains and losses of closes. The first bar counts as a gain and a
 * loss of 0 (ta4j's Gain/LossIndicator do the same), so the averages start at 0. No losses and no gains in
 * the window gives 0, only gains gives 100, matching ta4j's RSIIndicator.
 */
public final class RelativeStrength {
    private final Ema averageGain;
    private final Ema averageLoss;
    private double previousClose = Double.NaN;
    private double value = Double.NaN;

    public RelativeStrength(int period) {
        averageGain = Ema.wilder(period);
        averageLoss = Ema.wilder(period);
    }

    public double update(double close) {
        double change = Double.isNaN(previousClose) ? 0 : close - previousClose;
        previousClose = close;
        double gain = averageGain.update(Math.max(change, 0));
        double loss = averageLoss.update(Math.max(-change, 0));
        if (loss == 0) {
            value = gain == 0 ? 0 : 100;
        } else {
            value = 100 - 100 / (1 + gain / loss);
        }
        return value;
    }

    public double value() {
        return value;
    }
}
