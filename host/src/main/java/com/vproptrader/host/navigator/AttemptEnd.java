package com.vproptrader.host.navigator;

/** How a simulated attempt at the phase ends. */
public enum AttemptEnd {
    /** Profit target banked with every objective met (minimum trading days, best-day share). */
    PASSED,
    /** Equity went below the firm's daily floor. */
    DAILY_LOSS,
    /**
     * Equity went below the firm's overall floor, or the governors stopped all new trades for good because the
     * next one would risk the overall floor (the attempt cannot go on without operator action).
     */
    MAX_LOSS,
    /** The firm's inactivity limit passed without a trade. */
    INACTIVITY,
    /** The phase's time limit (or the navigator's horizon) came first. */
    TIME_OUT
}
