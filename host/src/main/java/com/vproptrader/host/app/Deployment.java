package com.vproptrader.host.app;

import com.vproptrader.host.plugin.JarAllowList;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * How a host is hardened for production, beside what it trades ({@link HostConfig}): all off by default, so
 * tests and the demo run as before.
 *
 * @param pluginAllowList which plugin JARs may load (SHA-256 allow list, or off)
 * @param metricsPort     port of the Prometheus {@code /metrics} endpoint on the gRPC bind address (0 = any free
 *                        port); empty = no endpoint
 * @param tlsCert         certificate chain (PEM) of the gRPC port; with {@code tlsKey} every gRPC call is TLS; null =
 *                        plaintext
 * @param tlsKey          its unencrypted PKCS#8 private key (PEM)
 * @param adminToken      the bearer token AdminService and LearningAdmin require; "" = none required
 */
public record Deployment(JarAllowList pluginAllowList, OptionalInt metricsPort, Path tlsCert, Path tlsKey,
                         String adminToken) {
    public Deployment {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("TLS on the gRPC port needs both a certificate and its key");
        }
    }

    public static Deployment defaults() {
        return new Deployment(JarAllowList.off(), OptionalInt.empty(), null, null, "");
    }

    public Deployment withMetricsPort(int port) {
        return new Deployment(pluginAllowList, OptionalInt.of(port), tlsCert, tlsKey, adminToken);
    }

    public Deployment withPluginAllowList(JarAllowList list) {
        return new Deployment(list, metricsPort, tlsCert, tlsKey, adminToken);
    }

    public Deployment withTls(Path cert, Path key) {
        return new Deployment(pluginAllowList, metricsPort, cert, key, adminToken);
    }

    public Deployment withAdminToken(String token) {
        return new Deployment(pluginAllowList, metricsPort, tlsCert, tlsKey, token);
    }
}
