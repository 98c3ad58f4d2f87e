package com.vproptrader.ui;

import java.util.Objects;

/**
 * How to run the operator UI.
 *
 * @param bindAddress     interface the HTTP server listens on; loopback by default (no auth yet)
 * @param httpPort        HTTP port; 0 picks a free port (see {@link UiServer#port()})
 * @param adminTarget     gRPC target of the host's AdminService, e.g. {@code 127.0.0.1:50051}
 * @param watchIntervalMs smallest gap between two updates the host pushes (AdminService.Watch)
 * @param equityPoints    equity points kept for the curve (newest ones)
 */
public record UiConfig(String bindAddress, int httpPort, String adminTarget, int watchIntervalMs, int equityPoints) {

    public UiConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(adminTarget, "adminTarget");
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort out of range: " + httpPort);
        }
        if (watchIntervalMs < 0 || equityPoints < 2) {
            throw new IllegalArgumentException("watchIntervalMs must be >= 0 and equityPoints >= 2");
        }
    }

    /** Loopback, port 8080, host at 127.0.0.1:50051, at most 4 updates a second, 2000 equity points. */
    public static UiConfig defaults() {
        return new UiConfig("127.0.0.1", 8080, "127.0.0.1:50051", 250, 2000);
    }

    public UiConfig withHttpPort(int port) {
        return new UiConfig(bindAddress, port, adminTarget, watchIntervalMs, equityPoints);
    }

    public UiConfig withAdminTarget(String target) {
        return new UiConfig(bindAddress, httpPort, target, watchIntervalMs, equityPoints);
    }

    public UiConfig withBindAddress(String address) {
        return new UiConfig(address, httpPort, adminTarget, watchIntervalMs, equityPoints);
    }

    public UiConfig withWatchIntervalMs(int ms) {
        return new UiConfig(bindAddress, httpPort, adminTarget, ms, equityPoints);
    }
}
