package com.vproptrader.host.govern;

import com.vproptrader.host.govern.order.OrderIntent;
import com.vproptrader.host.govern.order.OrderKind;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The whole order check as one pure function (what the shared test vectors and the EA's governors
 * compute). Checks run in {@link ReasonCode} precedence order; the first veto is the verdict.
 */
public final class Governors {
    private static final OrderRateGovernor RATE = new OrderRateGovernor();
    private static final List<Governor> CHAIN = List.of(
            RATE::duplicate,
            new EngineStateGate(),
            RATE,
            new NewsEmbargoGovernor(),
            new SessionGovernor(),
            new ProfitTargetGovernor(),
            new TradeRiskGovernor(),
            new ExposureGovernor(),
            new LossLimitGovernor());

    private Governors() {
    }

    public static Verdict check(OrderIntent order, GovernorInput in) {
        ResolvedOrder.Resolution r = ResolvedOrder.resolve(order, in.account());
        if (r.order() == null) {
            return Verdict.veto(ReasonCode.INVALID_ORDER, r.invalidReason());
        }
        for (Governor g : CHAIN) {
            Optional<Verdict> veto = g.check(r.order(), in);
            if (veto.isPresent()) {
                return veto.get();
            }
        }
        return Verdict.allow(order.kind() == OrderKind.OPEN ? SizeFactor.of(in) : BigDecimal.ONE);
    }
}
