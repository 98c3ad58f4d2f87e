package com.vproptrader.gateway;

import com.vproptrader.gateway.frame.FrameCodec;
import com.vproptrader.gateway.tls.PemTls;
import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.bootstrap.ServerBootstrap;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelFuture;
import io.grpc.netty.shaded.io.netty.channel.ChannelInitializer;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslHandler;
import io.grpc.netty.shaded.io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EA gateway: listens for EA TCP connections speaking NDJSON (mt5-ea/PROTOCOL.md) and bridges each
 * to its own {@code TerminalLink.Connect} gRPC stream on the host. It adds nothing and drops nothing
 * valid; bad frames are answered with {@code error} frames and counted.
 *
 * <p>Threads: one event loop ({@link IoLoop}) accepts EAs, reads and writes their sockets (TLS too), runs their
 * heartbeat timers and carries the host's gRPC connection, whose callbacks run on it ({@code directExecutor}): an
 * EA's tick reaches the host's socket, and the host's signal the EA's socket, on that one thread. Nothing there
 * blocks, so nothing an EA or the host does can stop the other EAs.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final int HOST_WINDOW_BYTES = 1 << 20;

    private final GatewayConfig cfg;
    private final IoLoop loop;
    private final SSLContext eaTls; // null: plain TCP on the EA port
    private final ManagedChannel channel;
    private final StatsRecorder stats = new StatsRecorder();
    private final AccountRegistry accounts = new AccountRegistry();
    private final FrameCodec codec = new FrameCodec();
    private final Set<EaConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Channel server;
    private volatile boolean closing;

    private Gateway(GatewayConfig cfg, IoLoop loop, SSLContext eaTls, ManagedChannel channel) {
        this.cfg = cfg;
        this.loop = loop;
        this.eaTls = eaTls;
        this.channel = channel;
    }

    /**
     * Binds the listen port and starts accepting. The host channel connects lazily, so the gateway
     * starts even while the host is down; EAs that say hello then get {@code host_unavailable}.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static Gateway start(GatewayConfig cfg) {
        return start(cfg, GatewayTls.NONE);
    }

    /** As {@link #start(GatewayConfig)}, with TLS on the EA port and/or to the host as {@code tls} says. */
    public static Gateway start(GatewayConfig cfg, GatewayTls tls) {
        ChannelCredentials toHost;
        try {
            toHost = tls.hostCa() == null ? InsecureChannelCredentials.create()
                    : TlsChannelCredentials.newBuilder().trustManager(tls.hostCa().toFile()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the host's CA " + tls.hostCa(), e);
        }
        SSLContext eaTls = tls.eaCert() == null ? null : PemTls.server(tls.eaCert(), tls.eaKey());
        IoLoop loop = IoLoop.start();
        // Host commands are only encoded and written to the EA's socket, non-blocking: safe on the transport thread.
        // A fixed window (gRPC's default size) turns off gRPC's flow-control tuning, whose bandwidth pings to the host
        // rode on the signals' path; commands are small and few (ops/bench/README.md, the gateway on one event loop).
        ManagedChannel channel = NettyChannelBuilder.forTarget(cfg.hostTarget(), toHost)
                .eventLoopGroup(loop.group()).channelType(loop.socketType()).directExecutor()
                .flowControlWindow(HOST_WINDOW_BYTES).build();
        Gateway g = new Gateway(cfg, loop, eaTls, channel);
        try {
            g.bind();
        } catch (RuntimeException e) {
            channel.shutdownNow();
            loop.stop();
            throw e;
        }
        log.info("gateway listening on {}:{}, host {}", cfg.bindAddress(), g.port(), cfg.hostTarget());
        return g;
    }

    private void bind() {
        ChannelFuture bound;
        try {
            bound = new ServerBootstrap().group(loop.group()).channel(loop.serverType())
                    .option(ChannelOption.SO_BACKLOG, 16)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    // An EA that closes its side still gets what is queued for it (EaLink.finish).
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            accepted(ch);
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getByName(cfg.bindAddress()), cfg.listenPort()))
                    .awaitUninterruptibly();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + cfg.bindAddress(), e);
        }
        if (!bound.isSuccess()) {
            IOException why = bound.cause() instanceof IOException io ? io : new IOException(bound.cause());
            throw new UncheckedIOException("cannot listen on " + cfg.bindAddress() + ":" + cfg.listenPort(), why);
        }
        server = bound.channel();
    }

    /** On the event loop, before the EA's first byte is read. */
    private void accepted(Channel ch) {
        if (eaTls != null) {
            SSLEngine engine = eaTls.createSSLEngine();
            engine.setUseClientMode(false);
            ch.pipeline().addLast(new SslHandler(engine));
        }
        EaLink link = new EaLink(ch, cfg.maxLineBytes(), cfg.outboxCapacity(), stats.framesOut::increment);
        // Any byte from the EA counts as life; silence for the timeout ends the connection.
        ch.pipeline().addLast(new IdleStateHandler(cfg.silenceTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS), link);
        String name = "ea-" + ids.incrementAndGet();
        EaConnection c = new EaConnection(name, link, cfg, channel, accounts, stats, codec, ch.eventLoop(), this::closed);
        connections.add(c);
        stats.connectionsAccepted.increment();
        stats.connectionsActive.incrementAndGet();
        log.info("{}: connected from {}", name, ch.remoteAddress());
        c.start();
        if (closing) {
            c.abort(); // accepted while the gateway was closing
        }
    }

    /** The bound TCP port (useful with {@code listenPort = 0}). */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public GatewayConfig config() {
        return cfg;
    }

    public GatewayStats stats() {
        return stats.snapshot();
    }

    private void closed(EaConnection c) {
        if (connections.remove(c)) {
            stats.connectionsActive.decrementAndGet();
            log.info("{}: closed", c.name());
        }
    }

    /** Stops accepting, closes every EA connection and the host channel. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        server.close().awaitUninterruptibly();
        List.copyOf(connections).forEach(EaConnection::abort);
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.stop();
    }
}
