package com.vproptrader.host.memory;

import com.vproptrader.host.risk.Money;

/**
 * Rolling statistics of the closed trades in the memory's window that match one {@link StatsKey}.
 *
 * <p>Conventions: a win is a net result above zero. R is the net result over the planned loss at the stop;
 * trades without a stop are counted everywhere except in the R figures ({@code rCount}). Expectancy is the
 * arithmetic mean. {@code sharpeR} is per trade, not annualised: mean R over the sample standard deviation
 * of R (n − 1), NaN with fewer than two R values or when every R is the same.
 *
 * @param count           closed trades
 * @param wins            of which won
 * @param totalPnl        sum of net results, exact to the cent
 * @param rCount          trades with a stop (those the R figures are over)
 * @param expectancyR     mean R (NaN when rCount is 0)
 * @param sharpeR         mean R / sample sd of R
 * @param winRs           winners with a stop
 * @param meanWinR        mean R of those winners (NaN when none)
 * @param lossRs          losers with a stop
 * @param meanLossR       mean |R| of those losers (NaN when none)
 */
public record WindowStats(int count, int wins, Money totalPnl, int rCount, double expectancyR, double sharpeR,
                          int winRs, double meanWinR, int lossRs, double meanLossR) {
    public static final WindowStats EMPTY = new WindowStats(0, 0, Money.ZERO, 0, Double.NaN, Double.NaN, 0, Double.NaN,
            0, Double.NaN);

    public int losses() {
        return count - wins;
    }

    /** wins / count, NaN with no trades. */
    public double winRate() {
        return count == 0 ? Double.NaN : (double) wins / count;
    }

    /** Mean net result per trade in account currency, NaN with no trades. */
    public double expectancyMoney() {
        return count == 0 ? Double.NaN : totalPnl.toDouble() / count;
    }
}
