package com.vproptrader.host.govern;

import com.vproptrader.host.govern.order.OpenPosition;
import com.vproptrader.host.govern.order.OrderKind;
import com.vproptrader.host.govern.order.WorstCase;
import com.vproptrader.host.risk.Money;

import java.math.RoundingMode;
import java.util.Optional;

/**
 * Governor 3, and the precondition of every worst case: each position must carry a stop (else the
 * worst case is unbounded), and a new position may lose at most maxRiskPerTradePct % of equity at
 * its stop. MODIFY may not remove a stop.
 */
final class TradeRiskGovernor implements Governor {

    @Override
    public Optional<Verdict> check(ResolvedOrder o, GovernorInput in) {
        if (o.order().kind() == OrderKind.CLOSE) {
            return Optional.empty();
        }
        // A MODIFY answers only for its own position, so stops can be added one at a time.
        var mustHaveStops = o.order().kind() == OrderKind.OPEN ? o.after()
                : o.after().stream().filter(p -> p.ticket() == o.subject().ticket()).toList();
        for (OpenPosition p : mustHaveStops) {
            if (!p.hasStop()) {
                String who = p.ticket() == 0 ? "the order" : "position " + p.ticket();
                return Optional.of(Verdict.veto(ReasonCode.NO_STOP_LOSS, who + " on " + p.symbol()
                        + " has no stop loss: worst case unbounded"));
            }
        }
        if (o.order().kind() != OrderKind.OPEN) {
            return Optional.empty();
        }
        Money risk = WorstCase.riskAtStop(o.subject());
        Money cap = Money.percentOf(in.pack().limits().maxRiskPerTradePct(), in.account().equity(), RoundingMode.FLOOR);
        return cap.isLessThan(risk)
                ? Optional.of(Verdict.veto(ReasonCode.TRADE_RISK_CAP, "loss at SL " + risk + " exceeds "
                + in.pack().limits().maxRiskPerTradePct().toPlainString() + "% of equity = " + cap))
                : Optional.empty();
    }
}
