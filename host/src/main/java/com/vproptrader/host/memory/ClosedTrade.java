package com.vproptrader.host.memory;

import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Side;

import java.util.Objects;

/**
 * One position from its first entry fill to the fill that closed it, as the account saw it.
 *
 * @param positionId   the terminal's position ticket
 * @param signalKey    the signal that opened it ("" when opened by hand)
 * @param alpha        plugin id of the alpha that proposed it, without version ("manual" for a hand trade)
 * @param alphaVersion that plugin's version ("" for a hand trade)
 * @param regime       the symbol's {@link com.vproptrader.host.feature.Regime} name when the signal was decided
 * @param session      the {@link com.vproptrader.host.feature.TradingSession} name when the signal was decided
 * @param symbol       the instrument
 * @param side         BUY or SELL
 * @param volume       lots opened (sum of the entry fills)
 * @param entryPrice   volume-weighted price of the entry fills
 * @param exitPrice    volume-weighted price of the exit fills
 * @param openTimeMsc  broker server time of the first entry fill
 * @param closeTimeMsc broker server time of the fill that closed it
 * @param pnl          net result: profit + commission + swap of every fill of the position, to the cent
 * @param riskAtStop   what the planned stop would have lost at entry (zero when it had no stop)
 * @param exitReason   the closing fill's reason ("sl", "tp", "close", "flatten", "stop_out", ...)
 */
public record ClosedTrade(long positionId, String signalKey, String alpha, String alphaVersion, String regime,
                          String session, String symbol, Side side, double volume, double entryPrice, double exitPrice,
                          long openTimeMsc, long closeTimeMsc, Money pnl, Money riskAtStop, String exitReason) {
    public ClosedTrade {
        Objects.requireNonNull(alpha, "alpha");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(riskAtStop, "riskAtStop");
    }

    /** A win is a strictly positive net result; a trade that nets zero is not a win. */
    public boolean won() {
        return pnl.cents() > 0;
    }

    /** The result in units of the planned risk (R); NaN when the trade had no stop to measure it by. */
    public double rMultiple() {
        return riskAtStop.cents() > 0 ? (double) pnl.cents() / riskAtStop.cents() : Double.NaN;
    }

    public long holdingMs() {
        return closeTimeMsc - openTimeMsc;
    }
}
