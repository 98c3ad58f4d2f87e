package com.vproptrader.sim;

import com.vproptrader.gateway.frame.CommandFrame;
import com.vproptrader.gateway.frame.ErrorFrame;
import com.vproptrader.gateway.frame.FrameException;
import com.vproptrader.gateway.frame.ToEaFrame;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Flatten;
import com.vproptrader.proto.Heartbeat;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.link.GatewayLink;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for an MT5 terminal running our EA, plus its broker: connects to the gateway exactly as the
 * EA does (mt5-ea/PROTOCOL.md), replays market data as {@code tick} (and {@code bar}) frames, executes
 * host commands through a {@link SimBroker} and reports fills, rejects, positions and the account.
 *
 * <p>Threads: a replay thread, the link's reader thread and a heartbeat timer. All of them go through
 * one lock around the broker and the link, so frames leave in the order the broker produced them and
 * a reconnect's {@code hello} always comes before anything else.
 *
 * <p>While disconnected the replay pauses (the market stands still), which keeps replays deterministic
 * in data even though a live market would move on.
 */
public final class TerminalSim implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TerminalSim.class);

    private final SimConfig cfg;
    private final SimBroker broker;
    private final ReplaySource source;
    private final GatewayLink link;
    private final Object lock = new Object();
    private final ScheduledExecutorService timer;
    private final CountDownLatch replayDone = new CountDownLatch(1);
    private final Thread replay;
    private volatile boolean closed;
    private volatile boolean marketPaused;
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong bars = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong signals = new AtomicLong();
    private final AtomicLong fills = new AtomicLong();
    private final AtomicLong rejects = new AtomicLong();
    private final AtomicLong accounts = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    private TerminalSim(SimConfig cfg) throws IOException {
        this.cfg = cfg;
        this.broker = new SimBroker(cfg.brokerConfig());
        this.source = ReplaySource.open(cfg);
        this.link = new GatewayLink(cfg.gatewayHost(), cfg.gatewayPort(), cfg.maxLineBytes(), cfg.silenceTimeout(),
                cfg.maxBackoff(), new LinkHandler());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-heartbeat");
            t.setDaemon(true);
            return t;
        });
        this.replay = new Thread(this::replayLoop, "sim-replay");
        replay.setDaemon(true);
    }

    /**
     * Opens the data, then connects (retrying with backoff until the gateway is up) and replays.
     *
     * @throws IOException when the data file cannot be read
     */
    public static TerminalSim start(SimConfig cfg) throws IOException {
        return start(cfg, null);
    }

    /** As {@link #start(SimConfig)}, speaking TLS to the gateway when {@code tls} is given. */
    public static TerminalSim start(SimConfig cfg, javax.net.ssl.SSLContext tls) throws IOException {
        TerminalSim sim = new TerminalSim(cfg);
        if (tls != null) {
            sim.link.useTls(tls.getSocketFactory());
        }
        // The terminal knows a quote before the EA starts: hello then carries real prices and time.
        if (sim.source.hasNext()) {
            sim.broker.onTick(sim.source.peekTick());
        }
        sim.link.start();
        long hb = cfg.heartbeatInterval().toMillis();
        sim.timer.scheduleAtFixedRate(sim::heartbeat, hb, hb, TimeUnit.MILLISECONDS);
        sim.replay.start();
        return sim;
    }

    public SimConfig config() {
        return cfg;
    }

    public SimStats stats() {
        synchronized (lock) {
            return new SimStats(connects.get(), ticks.get(), source.refusedCount(), bars.get(), commands.get(), signals.get(), fills.get(),
                    rejects.get(), accounts.get(), errors.get(), replayDone.getCount() == 0, broker.balance(),
                    broker.equity(), broker.openPositions());
        }
    }

    /** @return true when the data ran out within {@code timeout} (never, when looping) */
    public boolean awaitReplayDone(Duration timeout) throws InterruptedException {
        return replayDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Moves the server clock forward: the ticks after the one in hand come {@code by} later (a terminal whose clock
     * was corrected, or that woke from a suspend). The broker's clock follows the ticks, so it charges the swaps of
     * the midnights it crossed on the next tick, as a real server does.
     */
    public void jumpClock(Duration by) {
        source.jumpClock(by.toMillis());
    }

    /**
     * Holds the market still, as while disconnected: no tick goes out, so no stop or target fills, until
     * {@link #resumeMarket()}. Commands are still executed at the last quotes. Returns the positions open then.
     */
    public List<Position> pauseMarket() {
        synchronized (lock) {
            marketPaused = true;
            return broker.positions();
        }
    }

    public void resumeMarket() {
        marketPaused = false;
    }

    /**
     * The trader closes every open position by hand at the terminal (MT5's "close all"), whether or not a host is
     * connected: the deals are made at the last quotes and sent only if the link is up, as MT5 would; a host that
     * was away learns of them from the next hello's recent deals. Returns the deals.
     */
    public List<Fill> closeAllByHand() {
        synchronized (lock) {
            List<TerminalEvent> deals = broker.onCommand(HostCommand.newBuilder()
                    .setFlatten(Flatten.newBuilder().setReason("closed by hand at the terminal")).build());
            emitAll(deals);
            return deals.stream().filter(TerminalEvent::hasFill).map(TerminalEvent::getFill).toList();
        }
    }

    private void replayLoop() {
        long intervalNanos = cfg.ticksPerSecond() > 0 ? (long) (1e9 / cfg.ticksPerSecond()) : 0;
        long due = System.nanoTime();
        try {
            while (!closed && source.hasNext()) {
                ReplayStep step = source.next();
                if (intervalNanos > 0) {
                    // Never burst to catch up after a stall: a burst holds the lock back to back and starves
                    // the reader thread, so host commands would wait behind hundreds of ticks.
                    due = Math.max(due + intervalNanos, System.nanoTime());
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                while (!closed && !deliver(step)) {
                    // Disconnected or paused: hold the market still until hello went out again or it resumes.
                    LockSupport.parkNanos(20_000_000);
                    due = System.nanoTime();
                }
            }
            log.info("replay {}: {}", closed ? "stopped" : "finished", stats());
            source.refused().report().forEach(line -> log.info("refused rows: {}", line));
        } catch (RuntimeException e) {
            log.error("replay failed", e);
        } finally {
            replayDone.countDown();
        }
    }

    private boolean deliver(ReplayStep step) {
        synchronized (lock) {
            if (!link.isReady() || marketPaused) {
                return false;
            }
            emit(TerminalEvent.newBuilder().setTick(step.tick()).build());
            emitAll(broker.onTick(step.tick()));
            if (step.completedBar() != null) {
                emit(TerminalEvent.newBuilder().setBar(step.completedBar()).build());
            }
            return true;
        }
    }

    private void heartbeat() {
        synchronized (lock) {
            if (link.isReady()) {
                long now = broker.lastTick() == null ? 0 : broker.lastTick().getTimeMsc();
                emit(TerminalEvent.newBuilder().setHeartbeat(Heartbeat.newBuilder().setTimeMsc(now)).build());
            }
        }
    }

    private void emitAll(List<TerminalEvent> events) {
        events.forEach(this::emit);
    }

    /** Caller holds {@code lock}. */
    private void emit(TerminalEvent e) {
        if (e.hasFill()) {
            // The broker's deal list, one line a deal made (sent or not: a deal is made whether or not a host hears
            // of it), so an outsider can check it against the host's journal.
            Fill f = e.getFill();
            log.info("deal {} {} {} {} {} lots at {} position {} key '{}' reason {}", f.getDeal(), f.getEntry(),
                    f.getSymbol(), f.getSide(), f.getVolume(), f.getPrice(), f.getPositionId(), f.getSignalKey(),
                    f.getReason());
        }
        if (!link.send(e)) {
            return;
        }
        switch (e.getEventCase()) {
            case TICK -> ticks.incrementAndGet();
            case BAR -> bars.incrementAndGet();
            case FILL -> fills.incrementAndGet();
            case REJECT -> rejects.incrementAndGet();
            case ACCOUNT -> accounts.incrementAndGet();
            default -> {
            }
        }
    }

    private final class LinkHandler implements GatewayLink.Handler {
        @Override
        public void onConnected(GatewayLink l) {
            synchronized (lock) {
                var hello = broker.hello(cfg.token());
                l.send(TerminalEvent.newBuilder().setHello(hello.toBuilder()
                        .setServerUtcOffsetSec(cfg.serverClock().utcOffsetSec(hello.getServerTimeMsc()))).build());
                connects.incrementAndGet();
            }
            log.info("connected to gateway {}:{} as {}", cfg.gatewayHost(), cfg.gatewayPort(), cfg.accountId());
        }

        @Override
        public void onFrame(ToEaFrame frame) {
            if (frame instanceof CommandFrame c) {
                HostCommand cmd = c.command();
                synchronized (lock) {
                    commands.incrementAndGet();
                    if (cmd.hasSignal()) {
                        signals.incrementAndGet();
                    }
                    emitAll(broker.onCommand(cmd));
                }
            } else if (frame instanceof ErrorFrame e) {
                errors.incrementAndGet();
                log.warn("gateway error {} (refSeq {}): {}", e.code().wire(), e.refSeq(), e.message());
            }
        }

        @Override
        public void onBadFrame(FrameException e) {
            errors.incrementAndGet();
            log.warn("undecodable frame from gateway: {} {}", e.code().wire(), e.getMessage());
        }

        @Override
        public void onDisconnected(String why) {
            if (!closed) {
                log.info("disconnected: {}; reconnecting", why);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        link.close();
        replay.interrupt();
        try {
            replay.join(5_000);
            source.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.debug("close data: {}", e.toString());
        }
    }
}
