package com.vproptrader.host.govern;

import com.vproptrader.host.govern.order.OpenPosition;
import com.vproptrader.host.govern.order.OrderKind;
import com.vproptrader.host.govern.order.WorstCase;
import com.vproptrader.host.risk.Money;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Governors 1 and 2: after this order, with every position and the order itself stopped out with the
 * full gap allowance, equity must stay at or above our buffered day floor (1) and buffered overall
 * floor (2). A MODIFY that leaves the worst case no lower than before is allowed even under the floor
 * (it can only help); closes are never refused here.
 */
final class LossLimitGovernor implements Governor {

    @Override
    public Optional<Verdict> check(ResolvedOrder o, GovernorInput in) {
        if (o.order().kind() == OrderKind.CLOSE) {
            return Optional.empty();
        }
        if (!o.after().stream().allMatch(OpenPosition::hasStop)) {
            // Only a MODIFY gets here with a stopless position elsewhere (TradeRiskGovernor refuses
            // OPEN): the worst case is unbounded either way, so only a tightened stop can help.
            return EngineStateGate.tightensStop(o) ? Optional.empty()
                    : Optional.of(Verdict.veto(ReasonCode.NO_STOP_LOSS, "a position has no stop loss"));
        }
        BigDecimal gap = in.pack().limits().gapAllowanceSlFraction();
        Money equity = in.account().equity();
        Money worstAfter = WorstCase.equity(equity, o.after(), gap);
        if (o.order().kind() == OrderKind.MODIFY && o.before().stream().allMatch(OpenPosition::hasStop)
                && worstAfter.isAtLeast(WorstCase.equity(equity, o.before(), gap))) {
            return Optional.empty();
        }
        Floors floors = in.floors();
        if (worstAfter.isLessThan(floors.bufferedDayFloor())) {
            return Optional.of(Verdict.veto(ReasonCode.DAILY_LOSS, "worst-case equity " + worstAfter
                    + " < day floor " + floors.dayFloor() + " + buffer = " + floors.bufferedDayFloor()));
        }
        if (worstAfter.isLessThan(floors.bufferedMaxFloor())) {
            return Optional.of(Verdict.veto(ReasonCode.MAX_LOSS, "worst-case equity " + worstAfter
                    + " < overall floor " + floors.maxFloor() + " + buffer = " + floors.bufferedMaxFloor()));
        }
        return Optional.empty();
    }
}
