package com.vproptrader.gateway;

import com.vproptrader.gateway.frame.FrameCodec;
import com.vproptrader.gateway.tls.PemTls;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EA gateway: listens for EA TCP connections speaking NDJSON (mt5-ea/PROTOCOL.md) and bridges each
 * to its own {@code TerminalLink.Connect} gRPC stream on the host. It adds nothing and drops nothing
 * valid; bad frames are answered with {@code error} frames and counted.
 *
 * <p>Threads: one acceptor, one reader per EA connection, one shared timer. Lines to the EA are written by the
 * thread that has them (a host command on the gRPC transport thread that received it), non-blocking, a backlog
 * left to the reader thread ({@link DirectEaLink}); a TLS socket has a writer thread of its own
 * ({@link BlockingEaLink}). Nothing an EA or the host does can stop the acceptor.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);

    private final GatewayConfig cfg;
    private final ServerSocketChannel plain; // null with TLS on the EA port
    private final ServerSocket tls;          // null without
    private final ManagedChannel channel;
    private final ScheduledExecutorService timer;
    private final StatsRecorder stats = new StatsRecorder();
    private final AccountRegistry accounts = new AccountRegistry();
    private final FrameCodec codec = new FrameCodec();
    private final Set<EaConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean closing;

    private Gateway(GatewayConfig cfg, ServerSocketChannel plain, ServerSocket tls, ManagedChannel channel) {
        this.cfg = cfg;
        this.plain = plain;
        this.tls = tls;
        this.channel = channel;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "gateway-timer"));
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
        ServerSocketChannel plain = null;
        ServerSocket tlsServer = null;
        try {
            InetAddress bind = InetAddress.getByName(cfg.bindAddress());
            if (tls.eaCert() == null) {
                plain = ServerSocketChannel.open().bind(new InetSocketAddress(bind, cfg.listenPort()), 16);
            } else {
                // A TLS socket shakes hands on the connection's own reader thread, never in the accept loop.
                tlsServer = PemTls.server(tls.eaCert(), tls.eaKey()).getServerSocketFactory()
                        .createServerSocket(cfg.listenPort(), 16, bind);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + cfg.bindAddress() + ":" + cfg.listenPort(), e);
        }
        ChannelCredentials toHost;
        try {
            toHost = tls.hostCa() == null ? InsecureChannelCredentials.create()
                    : TlsChannelCredentials.newBuilder().trustManager(tls.hostCa().toFile()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the host's CA " + tls.hostCa(), e);
        }
        // Host commands are only encoded and queued for the EA's writer: safe to run on the transport thread,
        // which saves a thread hand-off on every signal.
        ManagedChannel channel = Grpc.newChannelBuilder(cfg.hostTarget(), toHost).directExecutor().build();
        Gateway g = new Gateway(cfg, plain, tlsServer, channel);
        Thread acceptor = new Thread(g::acceptLoop, "gateway-accept");
        acceptor.start();
        log.info("gateway listening on {}:{}, host {}", cfg.bindAddress(), g.port(), cfg.hostTarget());
        return g;
    }

    /** The bound TCP port (useful with {@code listenPort = 0}). */
    public int port() {
        return plain != null ? plain.socket().getLocalPort() : tls.getLocalPort();
    }

    public GatewayConfig config() {
        return cfg;
    }

    public GatewayStats stats() {
        return stats.snapshot();
    }

    private void acceptLoop() {
        while (!closing) {
            try {
                EaLink link;
                Object from;
                if (plain != null) {
                    SocketChannel s = plain.accept();
                    from = s.getRemoteAddress();
                    link = new DirectEaLink(s, cfg.outboxCapacity(), cfg.silenceTimeout(), stats.framesOut::increment);
                } else {
                    Socket s = tls.accept();
                    s.setTcpNoDelay(true);
                    from = s.getRemoteSocketAddress();
                    link = new BlockingEaLink(s, cfg.outboxCapacity(), cfg.silenceTimeout(), stats.framesOut::increment);
                }
                String name = "ea-" + ids.incrementAndGet();
                EaConnection c = new EaConnection(name, link, cfg, channel, accounts, stats, codec, timer, this::closed);
                connections.add(c);
                stats.connectionsAccepted.increment();
                stats.connectionsActive.incrementAndGet();
                log.info("{}: connected from {}", name, from);
                daemon(c, name + "-read").start();
            } catch (IOException e) {
                if (!closing) {
                    log.warn("accept failed: {}", e.toString());
                }
            } catch (RuntimeException e) {
                log.error("accept loop survived an unexpected failure", e);
            }
        }
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
        try {
            if (plain != null) {
                plain.close();
            } else {
                tls.close();
            }
        } catch (IOException e) {
            log.debug("close server: {}", e.toString());
        }
        List.copyOf(connections).forEach(EaConnection::abort);
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
