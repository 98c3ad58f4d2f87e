package com.vproptrader.host.feature;

/**
 * Wilder's ATR: Wilder-smoothed true range. The first bar's true range is high − low (no previous close), as
 * in ta4j's TRIndicator.
 */
public final class AverageTrueRange {
    private final Ema smoothed;
    private double previousClose = Double.NaN;

    public AverageTrueRange(int period) {
        smoothed = Ema.wilder(period);
    }

    public double update(double high, double low, double close) {
        double range = high - low;
        if (!Double.isNaN(previousClose)) {
            range = Math.max(range, Math.max(Math.abs(high - previousClose), Math.abs(previousClose - low)));
        }
        previousClose = close;
        return smoothed.update(range);
    }

    public double value() {
        return smoothed.value();
    }
}
