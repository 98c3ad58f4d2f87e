package com.vproptrader.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the operator UI against one host: {@code java com.vproptrader.ui.UiMain --admin 127.0.0.1:50051}. */
@Command(name = "vpt-ui", mixinStandardHelpOptions = true,
        description = "Operator UI (Vaadin) for a VPropTrader host, read through its AdminService.")
public final class UiMain implements Callable<Integer> {

    @Option(names = "--http-port", defaultValue = "8080", description = "HTTP port, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--admin", defaultValue = "127.0.0.1:50051", split = ",",
            description = "AdminService gRPC target(s); several (comma-separated or repeated) give the header a host selector (default: ${DEFAULT-VALUE}).")
    java.util.List<String> admin;

    @Option(names = "--users", defaultValue = "ui-users.txt",
            description = "Logins file (name role PBKDF2-hash), managed with com.vproptrader.ui.auth.UsersMain (default: ${DEFAULT-VALUE}).")
    java.nio.file.Path users;

    @Option(names = "--audit", defaultValue = "ui-audit.log",
            description = "Where every command sent from the UI is recorded with who, why and the outcome (default: ${DEFAULT-VALUE}).")
    java.nio.file.Path audit;

    @Option(names = "--tls-keystore", description = "PKCS12 keystore: serve HTTPS with its certificate.")
    java.nio.file.Path tlsKeystore;

    @Option(names = "--tls-password-file", description = "File whose first line is the keystore password (default: env VPT_UI_TLS_PASSWORD).")
    java.nio.file.Path tlsPasswordFile;

    @Option(names = "--admin-token-file", description = "File holding the hosts' admin token (host.admin-token-file), "
            + "sent on every AdminService and LearningAdmin call (default: none).")
    java.nio.file.Path adminTokenFile;

    @Option(names = "--admin-tls-ca", description = "CA certificate(s) (PEM) of the hosts' gRPC TLS (host --tls-cert): "
            + "AdminService calls go over TLS and the host's certificate and name are verified (default: plaintext gRPC).")
    java.nio.file.Path adminTlsCa;

    @Option(names = "--insecure-remote", description = "Allow plain HTTP on a non-loopback --bind (refused otherwise).")
    boolean insecureRemote;

    @Option(names = "--watch-interval-ms", defaultValue = "250", description = "Smallest gap between host updates (default: ${DEFAULT-VALUE}).")
    int watchIntervalMs;

    @Option(names = "--metrics-port", description = "Serve Prometheus /metrics (the JVM's meters) on this port of "
            + "--bind (0 = any free port; default: no endpoint).")
    Integer metricsPort;

    @Option(names = "--duration", description = "Stop after this long, e.g. 60s, 5m (ISO-8601 also accepted); default: until Ctrl-C.")
    String duration;

    public static void main(String[] args) {
        System.exit(new CommandLine(new UiMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        UiConfig cfg = UiConfig.defaults().withBindAddress(bind).withHttpPort(httpPort).withAdminTargets(admin)
                .withWatchIntervalMs(watchIntervalMs).withUsersFile(users).withAuditFile(audit)
                .withInsecureRemote(insecureRemote).withAdminTokenFile(adminTokenFile).withAdminTlsCa(adminTlsCa);
        if (tlsKeystore != null) {
            String password = tlsPasswordFile != null
                    ? java.nio.file.Files.readAllLines(tlsPasswordFile).stream().findFirst().orElse("")
                    : java.util.Objects.requireNonNullElse(System.getenv("VPT_UI_TLS_PASSWORD"), "");
            cfg = cfg.withTls(new UiConfig.Tls(tlsKeystore, password));
        }
        try {
            UiServer.refuseUnsafeBinding(cfg);
            if (adminTlsCa != null) {
                com.vproptrader.ui.feed.AdminFeed.tlsTrusting(adminTlsCa); // a CA that cannot be read stops the start here
            }
            if (new com.vproptrader.ui.auth.UserStore(users).users().isEmpty()) {
                throw new IllegalArgumentException("no logins in " + users);
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("vpt-ui: " + e.getMessage());
            return 2;
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // Ctrl-C / SIGTERM: let main close the server (temp folder included) before the JVM halts.
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ui-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (UiServer server = UiServer.start(cfg);
             com.vproptrader.telemetry.MetricsEndpoint metrics = metricsPort == null ? null
                     : com.vproptrader.telemetry.MetricsEndpoint.start(bind, metricsPort, "ui")) {
            System.out.printf("UI: %s://%s:%d/  (host AdminService %s; logins in %s)%n", tlsKeystore == null ? "http" : "https",
                    bind, server.port(), String.join(", ", admin), users);
            if (metrics != null) {
                System.out.printf("metrics on http://%s:%d/metrics%n", bind, metrics.port());
            }
            if (duration == null) {
                stop.await();
            } else {
                stop.await(parseDuration(duration).toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it will return now that the server is closed
            }
        }
        return 0;
    }

    /** The duration format of our commands: 60s, 5m, 1h, 250ms, or ISO-8601 (PT1M). */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) {
            return Duration.parse(text.trim().toUpperCase(java.util.Locale.ROOT));
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new CommandLine.TypeConversionException("not a duration: " + text);
        };
    }
}
