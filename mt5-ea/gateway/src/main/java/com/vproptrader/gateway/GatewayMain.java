package com.vproptrader.gateway;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line: runs a {@link Gateway} until interrupted (Ctrl-C / SIGTERM). */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Bridges MT5 EAs (NDJSON over TCP) to the host's TerminalLink gRPC service.")
public final class GatewayMain implements Callable<Integer> {
    private static final GatewayConfig D = GatewayConfig.defaults();

    @Option(names = "--bind", description = "Listen address (default: ${DEFAULT-VALUE}).")
    String bind = D.bindAddress();

    @Option(names = "--port", description = "Listen port for EAs, 0 = ephemeral (default: ${DEFAULT-VALUE}).")
    int port = D.listenPort();

    @Option(names = "--host", description = "Host gRPC target (default: ${DEFAULT-VALUE}).")
    String host = D.hostTarget();

    @Option(names = "--max-line-bytes", description = "Longest accepted frame (default: ${DEFAULT-VALUE}).")
    int maxLineBytes = D.maxLineBytes();

    @Option(names = "--heartbeat-ms", description = "Heartbeat interval to EAs (default: ${DEFAULT-VALUE}).")
    long heartbeatMs = D.heartbeatInterval().toMillis();

    @Option(names = "--silence-ms", description = "Close an EA silent this long (default: ${DEFAULT-VALUE}).")
    long silenceMs = D.silenceTimeout().toMillis();

    @Option(names = "--token", description = "Required hello token; empty = not checked here (default: empty).")
    String token = D.token();

    @Option(names = "--tls-cert", description = "Certificate chain (PEM) of the EA port; with --tls-key the EAs "
            + "connect over TLS (default: plain TCP).")
    java.nio.file.Path tlsCert;

    @Option(names = "--tls-key", description = "Unencrypted PKCS#8 private key (PEM) of --tls-cert.")
    java.nio.file.Path tlsKey;

    @Option(names = "--host-tls-ca", description = "Reach the host over TLS, trusting the certificates in this PEM "
            + "file (default: plaintext gRPC).")
    java.nio.file.Path hostTlsCa;

    @Option(names = "--metrics-port", description = "Serve Prometheus /metrics on this port of --bind "
            + "(0 = any free port; default: no endpoint).")
    Integer metricsPort;

    @Override
    public Integer call() throws InterruptedException {
        GatewayConfig cfg = new GatewayConfig(bind, port, host, maxLineBytes, Duration.ofMillis(heartbeatMs),
                Duration.ofMillis(silenceMs), token, D.outboxCapacity());
        Gateway g = Gateway.start(cfg, new GatewayTls(tlsCert, tlsKey, hostTlsCa));
        com.vproptrader.telemetry.MetricsEndpoint metrics = null;
        if (metricsPort != null) {
            metrics = com.vproptrader.telemetry.MetricsEndpoint.start(bind, metricsPort, "gateway");
            GatewayMetrics.attach(metrics, g);
            System.out.println("metrics on http://" + bind + ":" + metrics.port() + "/metrics");
        }
        com.vproptrader.telemetry.MetricsEndpoint endpoint = metrics;
        CountDownLatch stopped = new CountDownLatch(1);
        // Close from the hook itself: the JVM does not wait for the main thread once shutdown starts.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (endpoint != null) {
                endpoint.close();
            }
            g.close();
            stopped.countDown();
        }, "gateway-shutdown"));
        System.out.println("gateway listening on " + bind + ":" + g.port() + " -> host " + host);
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GatewayMain()).execute(args));
    }
}
