package com.vproptrader.host.govern.pack;

/** The high-water mark a trailing max loss follows; it only ever moves up. */
public enum TrailBasis {
    /** Static max loss: nothing trails. */
    NONE,
    /** Highest balance at a day reset (FTMO 1-Step). */
    END_OF_DAY_BALANCE,
    /** Highest balance at any time. */
    BALANCE,
    /** Highest equity at any time (the strictest). */
    EQUITY
}
