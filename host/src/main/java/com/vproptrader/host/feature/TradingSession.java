package com.vproptrader.host.feature;

/**
 * The FX session a moment belongs to, by the local business hours of each centre (so it follows each
 * centre's own DST): Tokyo 09:00-18:00, London 08:00-17:00, New York 08:00-17:00, Monday to Friday.
 * Liquidity, spreads and typical volatility differ by session; alphas and filters key on it.
 */
public enum TradingSession {
    /** no centre open: late New York / weekend */
    OFF(0),
    /** Tokyo open, London not yet */
    ASIA(1),
    /** London open, New York not yet */
    LONDON(2),
    /** London and New York both open: the most liquid hours */
    LONDON_NEW_YORK(3),
    /** New York open after London closed */
    NEW_YORK(4);

    private final int code;

    TradingSession(int code) {
        this.code = code;
    }

    /** Numeric value written into the feature vector. */
    public int code() {
        return code;
    }
}
