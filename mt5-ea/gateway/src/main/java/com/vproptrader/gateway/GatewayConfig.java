package com.vproptrader.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Gateway} runs. Use {@link #defaults()} and the {@code with*} methods.
 *
 * @param bindAddress       interface to listen on; default 127.0.0.1 (use 0.0.0.0 for a terminal on another machine)
 * @param listenPort        TCP port for EAs; default 7788; 0 = ephemeral (see {@link Gateway#port()})
 * @param hostTarget        gRPC target of the host's TerminalLink service, plaintext; default "127.0.0.1:50051"
 * @param maxLineBytes      longest accepted frame in bytes, newline excluded; default 65536
 * @param heartbeatInterval how often the gateway sends {@code heartbeat} to each EA; default 2 s
 * @param silenceTimeout    an EA that sends nothing for this long is closed; default 10 s
 * @param token             when non-empty, {@code hello.token} must equal it; default "" (the host checks)
 * @param outboxCapacity    frames queued for one EA before it counts as a slow consumer and is closed; default 10000
 */
public record GatewayConfig(
        String bindAddress,
        int listenPort,
        String hostTarget,
        int maxLineBytes,
        Duration heartbeatInterval,
        Duration silenceTimeout,
        String token,
        int outboxCapacity) {

    public static final int DEFAULT_PORT = 7788;
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

    public GatewayConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(hostTarget, "hostTarget");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(silenceTimeout, "silenceTimeout");
        token = token == null ? "" : token;
        if (listenPort < 0 || listenPort > 65535) throw new IllegalArgumentException("listenPort " + listenPort);
        if (maxLineBytes < 256) throw new IllegalArgumentException("maxLineBytes must be >= 256");
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeatInterval must be > 0");
        }
        if (silenceTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("silenceTimeout must exceed heartbeatInterval");
        }
        if (outboxCapacity < 16) throw new IllegalArgumentException("outboxCapacity must be >= 16");
    }

    public static GatewayConfig defaults() {
        return new GatewayConfig("127.0.0.1", DEFAULT_PORT, "127.0.0.1:50051", DEFAULT_MAX_LINE_BYTES,
                Duration.ofSeconds(2), Duration.ofSeconds(10), "", 10_000);
    }

    public GatewayConfig withBindAddress(String v) {
        return new GatewayConfig(v, listenPort, hostTarget, maxLineBytes, heartbeatInterval, silenceTimeout, token, outboxCapacity);
    }

    public GatewayConfig withListenPort(int v) {
        return new GatewayConfig(bindAddress, v, hostTarget, maxLineBytes, heartbeatInterval, silenceTimeout, token, outboxCapacity);
    }

    public GatewayConfig withHostTarget(String v) {
        return new GatewayConfig(bindAddress, listenPort, v, maxLineBytes, heartbeatInterval, silenceTimeout, token, outboxCapacity);
    }

    public GatewayConfig withMaxLineBytes(int v) {
        return new GatewayConfig(bindAddress, listenPort, hostTarget, v, heartbeatInterval, silenceTimeout, token, outboxCapacity);
    }

    public GatewayConfig withHeartbeatInterval(Duration v) {
        return new GatewayConfig(bindAddress, listenPort, hostTarget, maxLineBytes, v, silenceTimeout, token, outboxCapacity);
    }

    public GatewayConfig withSilenceTimeout(Duration v) {
        return new GatewayConfig(bindAddress, listenPort, hostTarget, maxLineBytes, heartbeatInterval, v, token, outboxCapacity);
    }

    public GatewayConfig withToken(String v) {
        return new GatewayConfig(bindAddress, listenPort, hostTarget, maxLineBytes, heartbeatInterval, silenceTimeout, v, outboxCapacity);
    }

    public GatewayConfig withOutboxCapacity(int v) {
        return new GatewayConfig(bindAddress, listenPort, hostTarget, maxLineBytes, heartbeatInterval, silenceTimeout, token, v);
    }
}
