package com.vproptrader.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to run the operator UI.
 *
 * @param bindAddress     interface the HTTP server listens on; loopback by default
 * @param httpPort        HTTP(S) port; 0 picks a free port (see {@link UiServer#port()})
 * @param adminTargets    gRPC targets of the hosts' AdminService, e.g. {@code 127.0.0.1:50051}; the first is
 *                        shown after login, the header's host selector switches between them
 * @param watchIntervalMs smallest gap between two updates the host pushes (AdminService.Watch)
 * @param equityPoints    equity points kept for the curve (newest ones)
 * @param usersFile       the logins (name, role, PBKDF2 hash; {@code auth.UsersMain} manages it)
 * @param auditFile       where every command sent from the UI is recorded with who, why and the outcome
 * @param tls             keystore to serve HTTPS with, or null for plain HTTP
 * @param insecureRemote  allow plain HTTP on a non-loopback address (refused otherwise)
 * @param adminTokenFile  file holding the hosts' admin token (sent as a bearer header on every call), or null
 * @param adminTlsCa      CA certificate(s) (PEM) the hosts' gRPC certificates must chain to: every AdminService
 *                        channel is TLS and verifies the host's certificate and name; null = plaintext gRPC
 */
public record UiConfig(String bindAddress, int httpPort, List<String> adminTargets, int watchIntervalMs, int equityPoints,
                       Path usersFile, Path auditFile, Tls tls, boolean insecureRemote, Path adminTokenFile,
                       Path adminTlsCa) {

    /** A PKCS12 (or JKS) keystore holding the server's certificate and key. */
    public record Tls(Path keystore, String password) {
        public Tls {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Tls[" + keystore + "]";
        }
    }

    public UiConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        adminTargets = List.copyOf(adminTargets);
        if (adminTargets.isEmpty()) {
            throw new IllegalArgumentException("at least one AdminService target");
        }
        Objects.requireNonNull(usersFile, "usersFile");
        Objects.requireNonNull(auditFile, "auditFile");
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort out of range: " + httpPort);
        }
        if (watchIntervalMs < 0 || equityPoints < 2) {
            throw new IllegalArgumentException("watchIntervalMs must be >= 0 and equityPoints >= 2");
        }
    }

    /**
     * Loopback, port 8080, host at 127.0.0.1:50051, at most 4 updates a second, 2000 equity points, logins in
     * {@code ui-users.txt}, audit in {@code ui-audit.log}, plain HTTP.
     */
    public static UiConfig defaults() {
        return new UiConfig("127.0.0.1", 8080, List.of("127.0.0.1:50051"), 250, 2000, Path.of("ui-users.txt"),
                Path.of("ui-audit.log"), null, false, null, null);
    }

    /** The host shown first. */
    public String adminTarget() {
        return adminTargets.get(0);
    }

    public UiConfig withHttpPort(int port) {
        return new UiConfig(bindAddress, port, adminTargets, watchIntervalMs, equityPoints, usersFile, auditFile, tls, insecureRemote, adminTokenFile, adminTlsCa);
    }

    public UiConfig withAdminTarget(String target) {
        return withAdminTargets(List.of(target));
    }

    public UiConfig withAdminTargets(List<String> targets) {
        return new UiConfig(bindAddress, httpPort, targets, watchIntervalMs, equityPoints, usersFile, auditFile, tls, insecureRemote, adminTokenFile, adminTlsCa);
    }

    public UiConfig withBindAddress(String address) {
        return new UiConfig(address, httpPort, adminTargets, watchIntervalMs, equityPoints, usersFile, auditFile, tls, insecureRemote, adminTokenFile, adminTlsCa);
    }

    public UiConfig withWatchIntervalMs(int ms) {
        return new UiConfig(bindAddress, httpPort, adminTargets, ms, equityPoints, usersFile, auditFile, tls, insecureRemote, adminTokenFile, adminTlsCa);
    }

    public UiConfig withUsersFile(Path file) {
        return new UiConfig(bindAddress, httpPort, adminTargets, watchIntervalMs, equityPoints, file, auditFile, tls, insecureRemote, adminTokenFile, adminTlsCa);
    }

    public UiConfig withAuditFile(Path file) {
        return new UiConfig(bindAddress, httpPort, adminTargets, watchIntervalMs, equityPoints, usersFile, file, tls, insecureRemote, adminTokenFile, adminTlsCa);
    }

    public UiConfig withTls(Tls keystore) {
        return new UiConfig(bindAddress, httpPort, adminTargets, watchIntervalMs, equityPoints, usersFile, auditFile, keystore, insecureRemote, adminTokenFile, adminTlsCa);
    }

    public UiConfig withAdminTokenFile(Path file) {
        return new UiConfig(bindAddress, httpPort, adminTargets, watchIntervalMs, equityPoints, usersFile, auditFile, tls, insecureRemote, file, adminTlsCa);
    }

    public UiConfig withAdminTlsCa(Path caFile) {
        return new UiConfig(bindAddress, httpPort, adminTargets, watchIntervalMs, equityPoints, usersFile, auditFile, tls, insecureRemote, adminTokenFile, caFile);
    }

    public UiConfig withInsecureRemote(boolean allow) {
        return new UiConfig(bindAddress, httpPort, adminTargets, watchIntervalMs, equityPoints, usersFile, auditFile, tls, allow, adminTokenFile, adminTlsCa);
    }
}
