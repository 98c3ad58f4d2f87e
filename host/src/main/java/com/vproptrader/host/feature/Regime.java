package com.vproptrader.host.feature;

/**
 * Market regime of one symbol: direction quality (trend vs range) × volatility state (high vs low).
 * See {@link RegimeClassifier} for the rules.
 */
public enum Regime {
    /** not enough history yet */
    UNKNOWN(0),
    TREND_LOW_VOL(1),
    TREND_HIGH_VOL(2),
    RANGE_LOW_VOL(3),
    RANGE_HIGH_VOL(4);

    private final int code;

    Regime(int code) {
        this.code = code;
    }

    /** Numeric value written into the feature vector. */
    public int code() {
        return code;
    }

    public boolean isTrend() {
        return this == TREND_LOW_VOL || this == TREND_HIGH_VOL;
    }

    public boolean isHighVol() {
        return this == TREND_HIGH_VOL || this == RANGE_HIGH_VOL;
    }

    static Regime of(boolean trend, boolean highVol) {
        if (trend) {
            return highVol ? TREND_HIGH_VOL : TREND_LOW_VOL;
        }
        return highVol ? RANGE_HIGH_VOL : RANGE_LOW_VOL;
    }
}
