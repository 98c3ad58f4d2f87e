package com.vproptrader.gateway;

import com.vproptrader.gateway.frame.ErrorCode;
import com.vproptrader.gateway.frame.ErrorFrame;
import com.vproptrader.gateway.frame.FrameCodec;
import com.vproptrader.gateway.frame.FrameException;
import com.vproptrader.proto.Heartbeat;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.TerminalEvent;
import io.grpc.Channel;
import io.grpc.Status;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One EA connection: the lines its {@link EaLink} reads are decoded and forwarded to the host stream, host
 * commands and replies go back through the link, and a heartbeat timer keeps the EA's link alive. Lines and
 * host commands arrive on the gateway's event loop; the timer is that loop too.
 *
 * <p>Lifecycle: connected, then the first valid {@code hello} claims the account and opens the host
 * stream, then forwarding until EOF, silence, auth failure or host failure. Bad frames are answered
 * and counted but never end the connection.
 */
final class EaConnection {
    private static final Logger log = LoggerFactory.getLogger(EaConnection.class);

    private final String name;
    private final EaLink link;
    private final GatewayConfig cfg;
    private final Channel channel;
    private final AccountRegistry accounts;
    private final StatsRecorder stats;
    private final FrameCodec codec;
    private final ScheduledExecutorService timer;
    private final Consumer<EaConnection> onClosed;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String accountId;
    private volatile HostStream host;
    private volatile ScheduledFuture<?> heartbeats;

    EaConnection(String name, EaLink link, GatewayConfig cfg, Channel channel, AccountRegistry accounts,
                 StatsRecorder stats, FrameCodec codec, ScheduledExecutorService timer,
                 Consumer<EaConnection> onClosed) {
        this.name = name;
        this.link = link;
        this.cfg = cfg;
        this.channel = channel;
        this.accounts = accounts;
        this.stats = stats;
        this.codec = codec;
        this.timer = timer;
        this.onClosed = onClosed;
    }

    String name() {
        return name;
    }

    /** Called once on the event loop, before the first line. */
    void start() {
        link.start(this);
        long hb = cfg.heartbeatInterval().toMillis();
        heartbeats = timer.scheduleAtFixedRate(this::sendHeartbeat, hb, hb, TimeUnit.MILLISECONDS);
        if (closed.get()) {
            heartbeats.cancel(false); // closed (gateway shutdown) before the timer was set
        }
    }

    /** One line from the EA (without its newline); blank lines are ignored. */
    void onLine(String line) {
        if (closed.get() || line.isBlank()) {
            return;
        }
        stats.linesIn.increment();
        try {
            forward(line);
        } catch (RuntimeException e) {
            // Never let one connection's surprise take the gateway down.
            log.error("{}: unexpected failure, closing", name, e);
            close();
        }
    }

    /** A line too long or not UTF-8: answered and counted, the connection stays up. */
    void onBadLine(FrameException e) {
        if (!closed.get()) {
            stats.linesIn.increment();
            reply(e.toErrorFrame());
        }
    }

    /** Nothing from the EA for the silence timeout (any byte counts as life). */
    void onSilence() {
        fail(ErrorCode.TIMEOUT, "no frame for " + cfg.silenceTimeout().toMillis() + " ms", 0);
    }

    /** The socket failed (reset, TLS handshake refused). */
    void onBroken(Throwable cause) {
        log.debug("{}: connection ended: {}", name, cause.toString());
        close();
    }

    private void forward(String line) {
        TerminalEvent event;
        try {
            event = codec.decodeEvent(line);
        } catch (FrameException e) {
            reply(e.toErrorFrame());
            return;
        }
        HostStream h = host;
        if (h == null) {
            if (!event.hasHello()) {
                reply(new ErrorFrame(0, ErrorCode.NOT_HELLO, "say hello first", event.getSeq()));
                return;
            }
            h = openHost(event.getHello(), event.getSeq());
            if (h == null) {
                return;
            }
        } else if (event.hasHello() && !event.getHello().getAccountId().equals(accountId)) {
            reply(new ErrorFrame(0, ErrorCode.AUTH, "this connection belongs to account " + accountId,
                    event.getSeq()));
            return;
        }
        h.send(event);
        stats.eventsToHost.increment();
    }

    private HostStream openHost(Hello hello, long seq) {
        if (!cfg.token().isEmpty() && !cfg.token().equals(hello.getToken())) {
            fail(ErrorCode.AUTH, "token rejected", seq);
            return null;
        }
        if (!accounts.claim(hello.getAccountId(), this)) {
            fail(ErrorCode.AUTH, "duplicate_account: account " + hello.getAccountId() + " is already connected", seq);
            return null;
        }
        accountId = hello.getAccountId();
        log.info("{}: hello from account {} ({})", name, accountId, hello.getTerminal());
        HostStream h = HostStream.open(channel, new HostStream.Listener() {
            @Override
            public void onCommand(HostCommand command) {
                stats.commandsFromHost.increment();
                if (command.getCommandCase() == HostCommand.CommandCase.COMMAND_NOT_SET) {
                    // Nothing the EA could act on; throwing here would cancel the whole host stream.
                    log.warn("{}: host command seq {} has no command set, not forwarded", name, command.getSeq());
                    return;
                }
                send(codec.encodeCommand(command));
            }

            @Override
            public void onEnd(Throwable error) {
                fail(codeFor(error), error == null ? "host ended the stream" : describe(error), 0);
            }

            // A refusal by the host is the terminal's problem, not the host's: say so, or the EA would
            // treat it as an outage and retry the same hello forever.
            private ErrorCode codeFor(Throwable error) {
                if (error == null) {
                    return ErrorCode.HOST_UNAVAILABLE;
                }
                return switch (Status.fromThrowable(error).getCode()) {
                    case PERMISSION_DENIED, UNAUTHENTICATED -> ErrorCode.AUTH;
                    case INVALID_ARGUMENT, FAILED_PRECONDITION -> ErrorCode.REFUSED;
                    default -> ErrorCode.HOST_UNAVAILABLE;
                };
            }

            // Code and description only: the EA needs the gist, not a Java stack trace.
            private String describe(Throwable error) {
                Status st = Status.fromThrowable(error);
                return "host link failed: " + st.getCode() + (st.getDescription() == null ? "" : " " + st.getDescription());
            }
        });
        host = h;
        if (closed.get()) {
            // close() may have run between the claim and here; don't leak the stream.
            h.complete();
        }
        return h;
    }

    private void sendHeartbeat() {
        send(codec.encodeCommand(HostCommand.newBuilder()
                .setHeartbeat(Heartbeat.newBuilder().setTimeMsc(System.currentTimeMillis()))
                .build()));
    }

    private void reply(ErrorFrame error) {
        stats.error(error.code());
        send(codec.encodeError(error));
    }

    /** Tell the EA why, then close: the EA reconnects with backoff. */
    private void fail(ErrorCode code, String message, long refSeq) {
        if (closed.get()) {
            return;
        }
        log.info("{}: closing ({}: {})", name, code.wire(), message);
        reply(new ErrorFrame(0, code, message, refSeq));
        close();
    }

    private void send(String line) {
        if (!closed.get() && !link.offer(line)) {
            stats.error(ErrorCode.SLOW_CONSUMER);
            log.warn("{}: EA is not reading, closing", name);
            // No error frame: the queue it would go through is full.
            close();
        }
    }

    /** Idempotent; the link closes the socket once the lines it holds are written. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        HostStream h = host;
        if (h != null) {
            h.complete();
        }
        if (accountId != null) {
            accounts.release(accountId, this);
        }
        link.finish();
        // A peer that never reads would keep its queued lines (and the socket) forever: cut it after a grace period.
        try {
            timer.schedule(this::closeSocket, 2, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            closeSocket(); // the gateway is shutting down: no grace period
        }
        onClosed.accept(this);
    }

    /** Shutdown path: no grace period. */
    void abort() {
        HostStream h = host;
        if (h != null) {
            h.cancel("gateway shutting down");
        }
        close();
        closeSocket();
    }

    private void closeSocket() {
        link.close();
    }
}
