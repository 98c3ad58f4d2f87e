package com.vproptrader.host.govern;

import java.time.Instant;

/**
 * ACTIVE → REDUCING → HALTED, never back up by itself except at a day reset, and only for causes
 * that a new day clears (the daily floor, or REDUCING for any cause: the next update re-enters it if
 * the cause persists). A halt for the overall floor or by an operator lasts until an operator resumes.
 */
public final class EngineStateMachine {
    private EngineStateMachine() {
    }

    /** The state after a market decision. */
    public static EngineStatus after(EngineStatus current, MarketAction action, Instant now) {
        boolean imminent = action.reason() == ReasonCode.DAILY_LOSS_IMMINENT
                || action.reason() == ReasonCode.MAX_LOSS_IMMINENT;
        return switch (action.kind()) {
            case FLATTEN, HALT -> imminent && current.state() != EngineState.HALTED
                    ? new EngineStatus(EngineState.HALTED, action.reason(), action.detail(), now)
                    : current;
            case REDUCE -> current.state() == EngineState.ACTIVE
                    ? new EngineStatus(EngineState.REDUCING, action.reason(), action.detail(), now)
                    : current;
            case NONE, CLOSE_POSITIONS -> current;
        };
    }

    /** The state at a new trading day. */
    public static EngineStatus atDayReset(EngineStatus current, Instant now) {
        boolean clearedByNewDay = current.state() == EngineState.REDUCING
                || (current.state() == EngineState.HALTED && current.reason() == ReasonCode.DAILY_LOSS_IMMINENT);
        return clearedByNewDay ? new EngineStatus(EngineState.ACTIVE, ReasonCode.DAY_RESET, "new trading day", now)
                : current;
    }

    public static EngineStatus halt(String why, Instant now) {
        return new EngineStatus(EngineState.HALTED, ReasonCode.OPERATOR, why, now);
    }

    public static EngineStatus resume(String why, Instant now) {
        return new EngineStatus(EngineState.ACTIVE, ReasonCode.OPERATOR, why, now);
    }
}
