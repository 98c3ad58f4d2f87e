package com.vproptrader.host.engine;

import com.vproptrader.host.govern.EngineStatus;
import com.vproptrader.proto.TradingState;

/**
 * The one state an operator reads, from the governors' engine state and the execution-quality or journal pause:
 * HALTED, then REDUCING, then PAUSED, then ACTIVE — the first that applies, with every cause in the reason.
 */
final class TradingStates {
    private TradingStates() {
    }

    record Effective(TradingState state, String reason) {
    }

    static Effective of(EngineStatus engine, String pause) {
        String governors = engine.reason() + (engine.detail().isEmpty() ? "" : ": " + engine.detail());
        String paused = pause.isEmpty() ? "" : "paused: " + pause;
        return switch (engine.state()) {
            case HALTED -> new Effective(TradingState.TRADING_HALTED, join(governors, paused));
            case REDUCING -> new Effective(TradingState.TRADING_REDUCING, join(governors, paused));
            case ACTIVE -> pause.isEmpty() ? new Effective(TradingState.TRADING_ACTIVE, "")
                    : new Effective(TradingState.TRADING_PAUSED, pause);
        };
    }

    private static String join(String a, String b) {
        return b.isEmpty() ? a : a + "; " + b;
    }
}
