package com.vproptrader.marketdata;

import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.TradeSession;

import java.util.Optional;

/**
 * Whether the broker takes a new position on a symbol at a server time, from the terminal's own word in its
 * hello: the symbol's trade mode (disabled, long only, short only, close only) and its weekly trading sessions
 * in server time (an index CFD's daily break, gold's roll-over pause, the FX weekend). One reading for the host,
 * which does not send what the broker would refuse, and for the stand-in, which refuses it as MT5 does.
 */
public final class SymbolTradability {
    private static final long DAY_MS = 86_400_000L;

    /** Why a new position is refused; the names are the host's guard codes. */
    public enum Refusal { TRADE_DISABLED, CLOSE_ONLY, LONG_ONLY, SHORT_ONLY, SESSION_CLOSED }

    private SymbolTradability() {
    }

    /** Why opening {@code side} on {@code spec} at server time {@code serverMsc} is refused; empty when it is not. */
    public static Optional<Refusal> refusal(SymbolSpec spec, Side side, long serverMsc) {
        switch (spec.getTradeMode()) {
            case TRADE_MODE_DISABLED:
                return Optional.of(Refusal.TRADE_DISABLED);
            case TRADE_MODE_CLOSE_ONLY:
                return Optional.of(Refusal.CLOSE_ONLY);
            case TRADE_MODE_LONG_ONLY:
                if (side != Side.BUY) {
                    return Optional.of(Refusal.LONG_ONLY);
                }
                break;
            case TRADE_MODE_SHORT_ONLY:
                if (side != Side.SELL) {
                    return Optional.of(Refusal.SHORT_ONLY);
                }
                break;
            default:
                break; // FULL, or not reported
        }
        return inSession(spec, serverMsc) ? Optional.empty() : Optional.of(Refusal.SESSION_CLOSED);
    }

    /** True inside one of the symbol's trading sessions, or when the terminal reported none (nothing to go by). */
    public static boolean inSession(SymbolSpec spec, long serverMsc) {
        if (spec.getTradeSessionsCount() == 0) {
            return true;
        }
        long day = Math.floorDiv(serverMsc, DAY_MS);
        int dayOfWeek = (int) Math.floorMod(day + 4, 7); // 1970-01-01 was a Thursday; 0 = Sunday as in MQL5
        long secondOfDay = Math.floorMod(serverMsc, DAY_MS) / 1000;
        for (TradeSession s : spec.getTradeSessionsList()) {
            if (s.getDayOfWeek() == dayOfWeek && secondOfDay >= s.getFromSec() && secondOfDay < s.getToSec()) {
                return true;
            }
        }
        return false;
    }
}
