package com.vproptrader.host.govern;

import com.vproptrader.host.govern.order.OpenPosition;
import com.vproptrader.host.govern.order.OrderKind;
import com.vproptrader.proto.Side;

import java.util.Optional;

/** HALTED lets only closes through; REDUCING also lets a stop move towards the price (less risk). */
final class EngineStateGate implements Governor {
    @Override
    public Optional<Verdict> check(ResolvedOrder o, GovernorInput in) {
        OrderKind kind = o.order().kind();
        if (kind == OrderKind.CLOSE) {
            return Optional.empty();
        }
        return switch (in.engineState()) {
            case ACTIVE -> Optional.empty();
            case HALTED -> Optional.of(Verdict.veto(ReasonCode.ENGINE_HALTED, "engine HALTED: only closes allowed"));
            case REDUCING -> kind == OrderKind.MODIFY && tightensStop(o)
                    ? Optional.empty()
                    : Optional.of(Verdict.veto(ReasonCode.ENGINE_REDUCING,
                    "engine REDUCING: only closes and tightened stops allowed"));
        };
    }

    /** The new SL is set and no farther from the price than the old one. */
    static boolean tightensStop(ResolvedOrder o) {
        OpenPosition p = o.subject();
        double newSl = o.order().sl();
        if (newSl <= 0) {
            return false;
        }
        if (!p.hasStop()) {
            return true;
        }
        return p.side() == Side.BUY ? newSl >= p.sl() : newSl <= p.sl();
    }
}
