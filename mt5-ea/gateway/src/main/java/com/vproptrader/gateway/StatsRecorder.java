package com.vproptrader.gateway;

import com.vproptrader.gateway.frame.ErrorCode;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters behind {@link GatewayStats}. */
final class StatsRecorder {
    final LongAdder connectionsAccepted = new LongAdder();
    final AtomicInteger connectionsActive = new AtomicInteger();
    final LongAdder linesIn = new LongAdder();
    final LongAdder eventsToHost = new LongAdder();
    final LongAdder commandsFromHost = new LongAdder();
    final LongAdder framesOut = new LongAdder();
    private final Map<ErrorCode, LongAdder> errors = new EnumMap<>(ErrorCode.class);

    StatsRecorder() {
        for (ErrorCode c : ErrorCode.values()) {
            errors.put(c, new LongAdder());
        }
    }

    void error(ErrorCode code) {
        errors.get(code).increment();
    }

    GatewayStats snapshot() {
        Map<ErrorCode, Long> e = new EnumMap<>(ErrorCode.class);
        errors.forEach((code, n) -> {
            if (n.sum() > 0) e.put(code, n.sum());
        });
        return new GatewayStats(connectionsAccepted.sum(), connectionsActive.get(), linesIn.sum(),
                eventsToHost.sum(), commandsFromHost.sum(), framesOut.sum(), Map.copyOf(e));
    }
}
