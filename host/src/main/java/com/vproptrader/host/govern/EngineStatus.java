package com.vproptrader.host.govern;

import java.time.Instant;

/** The engine's state, why it is in it and since when (what AdminService shows). */
public record EngineStatus(EngineState state, ReasonCode reason, String detail, Instant since) {

    public static EngineStatus active(Instant since) {
        return new EngineStatus(EngineState.ACTIVE, ReasonCode.OK, "", since);
    }
}
