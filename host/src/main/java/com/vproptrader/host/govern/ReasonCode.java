package com.vproptrader.host.govern;

/**
 * Why a governor vetoed an order or acted on the market. The names are shared with the EA's governors
 * and the test vectors (mt5-ea/test/vectors/README.md), so never rename one. Declaration order is
 * the precedence: when several checks fail, the first one here is reported.
 */
public enum ReasonCode {
    OK,
    INVALID_ORDER,
    DUPLICATE_ORDER,
    ENGINE_HALTED,
    ENGINE_REDUCING,
    ORDER_RATE,
    NEWS_EMBARGO,
    WEEKEND,
    MARKET_BREAK,
    OUTSIDE_SESSION,
    PROFIT_TARGET_REACHED,
    BEST_DAY_CAP,
    NO_STOP_LOSS,
    TRADE_RISK_CAP,
    SYMBOL_LOTS_CAP,
    MAX_POSITIONS,
    OPEN_RISK_CAP,
    EXPOSURE_CAP,
    DAILY_LOSS,
    MAX_LOSS,
    /** Market actions only: the day's floor is about to be hit. */
    DAILY_LOSS_IMMINENT,
    /** Market actions only: the overall floor is about to be hit. */
    MAX_LOSS_IMMINENT,
    /** Market actions only: an affected position must be closed before a news window. */
    NEWS_PRE_CLOSE,
    /** Market actions only: a new trading day started. */
    DAY_RESET,
    /** Market actions only: an operator halted or resumed the engine. */
    OPERATOR,
    /** Warnings only: the firm's inactivity limit (days without a trade) is near. */
    INACTIVITY
}
