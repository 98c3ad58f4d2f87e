package com.vproptrader.host.govern.order;

import com.vproptrader.host.risk.Money;
import com.vproptrader.host.risk.PriceMove;
import com.vproptrader.proto.Side;

import java.math.BigDecimal;
import java.util.List;

/**
 * Worst-case equity: today's equity minus what every position still loses if it is stopped out,
 * each stop filling a gap allowance (a fraction of its original SL distance) beyond the SL. Gaps
 * and slippage inside that allowance can never take equity below this number.
 */
public final class WorstCase {
    private WorstCase() {
    }

    /** Remaining loss of one position: the adverse move from now to its SL, plus the gap allowance. */
    public static Money remainingLoss(OpenPosition p, BigDecimal gapFraction) {
        if (!p.hasStop()) {
            throw new IllegalArgumentException("position " + p.ticket() + " has no stop: worst case unbounded");
        }
        boolean adverse = p.side() == Side.BUY ? p.currentPrice() > p.sl() : p.currentPrice() < p.sl();
        // A stop already passed fills at the next price: only the allowance is left to lose.
        Money move = adverse ? PriceMove.loss(p.volume(), p.currentPrice(), p.sl(), p.tickSize(), p.tickValue())
                : Money.ZERO;
        return move.plus(gapAllowance(p, gapFraction));
    }

    /** What a stop may fill beyond its level: {@code gapFraction} × the SL distance from the open price. */
    public static Money gapAllowance(OpenPosition p, BigDecimal gapFraction) {
        return PriceMove.lossOfFraction(gapFraction, p.volume(), p.openPrice(), p.sl(), p.tickSize(), p.tickValue());
    }

    /** Equity if every position in {@code positions} is stopped out with the full gap allowance. */
    public static Money equity(Money equity, List<OpenPosition> positions, BigDecimal gapFraction) {
        Money worst = equity;
        for (OpenPosition p : positions) {
            worst = worst.minus(remainingLoss(p, gapFraction));
        }
        return worst;
    }

    /** Loss at SL measured from the open price, without allowance: the position's planned risk. */
    public static Money riskAtStop(OpenPosition p) {
        boolean stopLosesMoney = p.side() == Side.BUY ? p.sl() < p.openPrice() : p.sl() > p.openPrice();
        // A stop at or beyond break-even risks nothing of the capital it was opened with.
        return stopLosesMoney ? PriceMove.loss(p.volume(), p.openPrice(), p.sl(), p.tickSize(), p.tickValue())
                : Money.ZERO;
    }
}
