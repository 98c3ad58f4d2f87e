package com.vproptrader.host.govern;

import com.vproptrader.host.govern.order.OpenPosition;
import com.vproptrader.host.govern.order.OrderKind;
import com.vproptrader.host.govern.order.WorstCase;
import com.vproptrader.host.govern.pack.ExposureLimits;
import com.vproptrader.host.risk.Money;
import com.vproptrader.host.risk.PriceMove;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Governor 4, for OPEN orders: lots per symbol, number of positions, total planned risk at the stops
 * (% of equity) and notional exposure (× equity). Checked in that order.
 */
final class ExposureGovernor implements Governor {

    @Override
    public Optional<Verdict> check(ResolvedOrder o, GovernorInput in) {
        if (o.order().kind() != OrderKind.OPEN) {
            return Optional.empty();
        }
        ExposureLimits limits = in.pack().limits();
        String symbol = o.subject().symbol();
        // one pass over the book after the order (this check runs for every candidate and every simulated order)
        BigDecimal lots = BigDecimal.ZERO;
        Money openRisk = Money.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        for (OpenPosition p : o.after()) {
            if (p.symbol().equals(symbol)) {
                lots = lots.add(BigDecimal.valueOf(p.volume()));
            }
            openRisk = openRisk.plus(WorstCase.riskAtStop(p));
            notional = notional.add(PriceMove.value(p.volume(), p.currentPrice(), 0, p.tickSize(), p.tickValue()));
        }
        if (lots.compareTo(limits.maxLotsPerSymbol()) > 0) {
            return veto(ReasonCode.SYMBOL_LOTS_CAP, lots.toPlainString() + " lots on " + symbol + " > "
                    + limits.maxLotsPerSymbol().toPlainString());
        }
        if (o.after().size() > limits.maxOpenPositions()) {
            return veto(ReasonCode.MAX_POSITIONS, o.after().size() + " positions > " + limits.maxOpenPositions());
        }
        Money equity = in.account().equity();
        Money riskCap = Money.percentOf(limits.maxOpenRiskPct(), equity, RoundingMode.FLOOR);
        if (riskCap.isLessThan(openRisk)) {
            return veto(ReasonCode.OPEN_RISK_CAP, "open risk " + openRisk + " > " + riskCap);
        }
        BigDecimal exposureCap = equity.toBigDecimal().multiply(limits.maxExposureLeverage());
        if (notional.compareTo(exposureCap) > 0) {
            return veto(ReasonCode.EXPOSURE_CAP, "notional " + notional.setScale(2, RoundingMode.CEILING)
                    .toPlainString() + " > " + limits.maxExposureLeverage().toPlainString() + " × equity");
        }
        return Optional.empty();
    }

    private static Optional<Verdict> veto(ReasonCode reason, String detail) {
        return Optional.of(Verdict.veto(reason, detail));
    }
}
