package com.vproptrader.host.memory;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * A real Redis server (embedded-redis) on a free loopback port, without persistence, so a restart comes back empty:
 * what the Redis tests run against. Stop and start it to take Redis away from the hosts and give it back.
 */
public final class LocalRedis implements AutoCloseable {
    private final RedisServer server;
    private final int port;

    private LocalRedis(int port) throws IOException {
        this.port = port;
        this.server = RedisServer.builder().port(port).setting("bind 127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        server.start();
    }

    /** A running server on a free port. */
    public static LocalRedis start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return new LocalRedis(port);
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Redis goes away: its clients see connection failures until {@link #restart()}. */
    public void stop() throws IOException {
        server.stop();
    }

    /** Back on the same port, empty (nothing was persisted). */
    public void restart() throws IOException {
        server.start();
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
