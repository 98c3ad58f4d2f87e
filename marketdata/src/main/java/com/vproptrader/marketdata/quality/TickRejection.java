package com.vproptrader.marketdata.quality;

/**
 * Why a tick or bar was refused before it could reach a feature. Counted per symbol, shown in AdminService.
 */
public enum TickRejection {
    /** the symbol is not among those the terminal announced in its hello: no spec to trade it with. */
    UNKNOWN_SYMBOL,
    /** bid, ask, last or volume is NaN or infinite: a broken feed or a parsing error. */
    NON_FINITE_PRICE,
    /** bid or ask is zero or negative (MT5 sends 0 while a symbol has no quote yet). */
    NON_POSITIVE_PRICE,
    /** ask below bid: a crossed book cannot be traded at and would give a negative spread. */
    CROSSED_QUOTE,
    /** time earlier than the previous accepted tick of the symbol: replaying it would leak the past. */
    OUT_OF_ORDER,
    /** same time and same prices as the previous accepted tick (link re-sends, overlapping files). */
    DUPLICATE,
    /** mid moved more than k sigma of its recent tick returns: a bad print, not a market move. */
    ABSURD_JUMP,
    /** a bar whose high/low do not contain open/close, or a non-positive/non-finite price. */
    INCONSISTENT_BAR;

    private static final TickRejection[] VALUES = values();

    static TickRejection ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
