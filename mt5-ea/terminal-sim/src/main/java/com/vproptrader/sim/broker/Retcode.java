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
    /** Trading disabled for the symbol (its trade mode). */
    public static final int TRADE_DISABLED = 10017;
    /** Market closed: outside the symbol's trading sessions, or no quote yet. */
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
    /** Modify refused: the price is within the symbol's freeze level of the position's SL or TP. */
    public static final int FROZEN = 10029;
    /** Close/modify of a ticket that is not open. */
    public static final int POSITION_CLOSED = 10036;
    /** Only long positions may be opened on the symbol. */
    public static final int LONG_ONLY = 10042;
    /** Only short positions may be opened on the symbol. */
    public static final int SHORT_ONLY = 10043;
    /** Only closing existing positions is allowed on the symbol. */
    public static final int CLOSE_ONLY = 10044;
}
