package com.vproptrader.gateway;

import com.vproptrader.gateway.frame.ErrorCode;
import com.vproptrader.telemetry.MetricsEndpoint;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/** The gateway's counters on its {@code /metrics}, read from one stats snapshot per scrape (ops/monitoring). */
final class GatewayMetrics {
    private volatile GatewayStats stats;

    private GatewayMetrics(MetricsEndpoint endpoint, Gateway gateway) {
        stats = gateway.stats();
        MeterRegistry r = endpoint.registry();
        Gauge.builder("vpt.gateway.connections.active", this, m -> m.stats.connectionsActive())
                .description("EA connections open now").register(r);
        counter(r, "vpt.gateway.connections.accepted", "EA connections accepted", GatewayStats::connectionsAccepted);
        counter(r, "vpt.gateway.lines.in", "lines read from EAs, good and bad", GatewayStats::linesIn);
        counter(r, "vpt.gateway.events.to.host", "EA frames forwarded to the host", GatewayStats::eventsToHost);
        counter(r, "vpt.gateway.commands.from.host", "host commands received", GatewayStats::commandsFromHost);
        counter(r, "vpt.gateway.frames.out", "lines written to EAs", GatewayStats::framesOut);
        for (ErrorCode code : ErrorCode.values()) {
            FunctionCounter.builder("vpt.gateway.errors", this, m -> m.stats.errors(code))
                    .description("error frames sent to EAs, by code").tag("code", code.name()).register(r);
        }
        endpoint.beforeScrape(() -> stats = gateway.stats());
    }

    static void attach(MetricsEndpoint endpoint, Gateway gateway) {
        new GatewayMetrics(endpoint, gateway);
    }

    private void counter(MeterRegistry r, String name, String description, ToDoubleFunction<GatewayStats> read) {
        FunctionCounter.builder(name, this, m -> read.applyAsDouble(m.stats)).description(description).register(r);
    }
}
