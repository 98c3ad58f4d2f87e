package com.vproptrader.host.feature;

/**
 * Exponential moving average with weight {@code alpha} on the newest value. {@link #standard(int)} uses
 * 2/(n+1); {@link #wilder(int)} uses 1/n (Wilder's smoothing, the "MMA" of ta4j, used by RSI and ATR).
 * Seeded with the first value, exactly as ta4j seeds EMAIndicator/MMAIndicator (Wilder's book seeds with the
 * SMA of the first n values instead; the two converge after a few n bars).
 */
public final class Ema {
    private final double alpha;
    private final int period;
    private double value = Double.NaN;
    private long count;

    private Ema(double alpha, int period) {
        this.alpha = alpha;
        this.period = period;
    }

    public static Ema standard(int period) {
        return new Ema(2.0 / (period + 1), period);
    }

    public static Ema wilder(int period) {
        return new Ema(1.0 / period, period);
    }

    public double update(double x) {
        value = count++ == 0 ? x : value + (x - value) * alpha;
        return value;
    }

    public double value() {
        return value;
    }

    public int period() {
        return period;
    }

    public long count() {
        return count;
    }
}
