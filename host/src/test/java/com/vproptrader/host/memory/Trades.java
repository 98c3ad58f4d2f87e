package com.vproptrader.host.memory;

import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Side;

/** Closed trades for the memory tests: only what the statistics read is varied. */
final class Trades {
    private Trades() {
    }

    /** A trade of {@code alpha} in {@code regime} on {@code symbol}, closing at {@code closeMsc} with net {@code pnlCents}. */
    static ClosedTrade closed(long id, String alpha, String regime, String symbol, long pnlCents, long riskCents,
                              long closeMsc) {
        return new ClosedTrade(id, "k" + id, alpha, "1.0.0", regime, "LONDON", symbol, Side.BUY, 0.1, 1.1, 1.1,
                closeMsc - 60_000, closeMsc, Money.ofCents(pnlCents), Money.ofCents(riskCents), "tp");
    }

    static ClosedTrade closed(long id, long pnlCents, long riskCents) {
        return closed(id, "momentum", "TREND_LOW_VOL", "EURUSD", pnlCents, riskCents, 1_000_000 + id * 1000);
    }
}
