package com.vproptrader.sim.broker;

/** The MT5 TRADE_RETCODE_* values the stand-in answers with in {@code reject} frames. */
public final class Retcode {
    private Retcode() {
    }

    /** Request invalid: unknown symbol. */
    public static final int INVALID = 10013;
    /** Volume below min, above max or off the step. */
    public static final int INVALID_VOLUME = 10014;
    /** SL/TP on the wrong side of the price or inside the stops level. */
    public static final int INVALID_STOPS = 10016;
    /** Market closed: the symbol has no quote yet (the stand-in has no trading sessions otherwise). */
    public static final int MARKET_CLOSED = 10018;
    /** Not enough free margin. */
    public static final int NO_MONEY = 10019;
    /** MT5's "no quotes to process the request". Kept for callers; the broker answers a symbol without a quote with {@link #MARKET_CLOSED}. */
    public static final int PRICE_OFF = 10021;
    /** The signal's expiry_msc has passed (server time). */
    public static final int INVALID_EXPIRATION = 10022;
    /** The signal_key was seen before: executed at most once. MT5's "no changes in request". */
    public static final int DUPLICATE = 10025;
    /** Trading halted by a {@code halt} command (MT5: autotrading disabled by client). */
    public static final int CLIENT_DISABLES_AT = 10027;
    /** Close/modify of a ticket that is not open. */
    public static final int POSITION_CLOSED = 10036;
}
