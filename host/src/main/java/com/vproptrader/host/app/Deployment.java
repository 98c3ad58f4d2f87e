package com.vproptrader.host.app;

import com.vproptrader.host.plugin.JarAllowList;
import java.util.OptionalInt;

/**
 * How a host is hardened for production, beside what it trades ({@link HostConfig}): all off by default, so
 * tests and the demo run as before.
 *
 * @param pluginAllowList which plugin JARs may load (SHA-256 allow list, or off)
 * @param metricsPort     port of the Prometheus {@code /metrics} endpoint on the gRPC bind address (0 = any free
 *                        port); empty = no endpoint
 */
public record Deployment(JarAllowList pluginAllowList, OptionalInt metricsPort) {
    public static Deployment defaults() {
        return new Deployment(JarAllowList.off(), OptionalInt.empty());
    }

    public Deployment withMetricsPort(int port) {
        return new Deployment(pluginAllowList, OptionalInt.of(port));
    }

    public Deployment withPluginAllowList(JarAllowList list) {
        return new Deployment(list, metricsPort);
    }
}
