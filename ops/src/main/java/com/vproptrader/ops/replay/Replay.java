package com.vproptrader.ops.replay;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.engine.AccountEngine;
import com.vproptrader.host.engine.TerminalSession;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.memory.ClosedTrade;
import com.vproptrader.marketdata.quality.RefusedRows;
import com.vproptrader.marketdata.quality.TickRejection;
import com.vproptrader.marketdata.quality.TickValidator;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.proto.Counters;
import com.vproptrader.proto.VetoCount;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.Tick;
import com.vproptrader.sim.broker.SimBroker;

import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Runs recorded ticks through the full host (plugins, sizing, guards, journal) against the paper broker,
 * on event time and in lockstep: each tick is handled completely — the host's commands executed by the
 * broker and the broker's fills handled by the host — before the next one is read. So the decision journal
 * is a function of the data, the plugin JARs and the config only, and two runs give identical journals.
 *
 * <p>Every row passes the same {@link TickValidator} as the host's feed before the paper broker sees it: a
 * refused row (NaN, non-positive, crossed, out of order, duplicate, absurd jump) never fills a stop or marks
 * the account. The host still gets every row, so its own validator (same rules, same stream) refuses and
 * journals the same rows; the refusals are reported with their line numbers.
 */
public final class Replay {
    /**
     * What a replay produced; {@code closedTrades} is the account's short-term memory at the end, {@code vetoes}
     * the breakdown of {@code counters.vetoes} by source and reason code.
     */
    public record Result(String digest, Counters counters, double balance, double equity, RefusedRows refused,
                         List<ClosedTrade> closedTrades, List<VetoCount> vetoes) {
    }

    /** Rows a replay lets wait for the journal's writer before its loop waits too. */
    static final int PACE_ROWS = 16_384;

    private Replay() {
    }

    public static Result run(HostConfig config, MarketSource<Tick> ticks, SimBroker broker) throws Exception {
        return run(config, ticks, broker, b -> {
        });
    }

    /** As {@link #run(HostConfig, MarketSource, SimBroker)}, showing the broker to {@code afterEachTick} once each tick is fully handled. */
    public static Result run(HostConfig config, MarketSource<Tick> ticks, SimBroker broker,
                             Consumer<SimBroker> afterEachTick) throws Exception {
        try (PluginHost plugins = PluginHost.lockstep(config.pluginDir())) {
            plugins.start();
            return run(config, plugins, ticks, broker, afterEachTick);
        }
    }

    /**
     * As above, on plugins already loaded by {@link PluginHost#lockstep}: many replays in a row pay the load
     * once, and each plugin keeps what it learned, as in a host that trades them one after another.
     */
    public static Result run(HostConfig config, PluginHost plugins, MarketSource<Tick> ticks, SimBroker broker,
                             Consumer<SimBroker> afterEachTick) throws Exception {
        return run(config, plugins, ticks, broker, afterEachTick, null);
    }

    /** As above, adding the time of each stage to {@code stages} when it is not null (benchmarks). */
    public static Result run(HostConfig config, PluginHost plugins, MarketSource<Tick> ticks, SimBroker broker,
                             Consumer<SimBroker> afterEachTick, ReplayStages stages) throws Exception {
        Files.deleteIfExists(config.journalFile());
        Files.deleteIfExists(config.stateFile()); // a replay starts from a fresh account, not from a live halt
        try (Journal journal = Journal.openPaced(config.journalFile(), PACE_ROWS);
             AccountEngine engine = AccountEngine.lockstep(config, plugins, journal)) {
            Inbox session = new Inbox();
            Optional<String> notConnected = engine.connect(session, broker.hello(config.token()));
            if (notConnected.isPresent()) {
                throw new IllegalStateException("replay terminal refused: " + notConnected.get());
            }
            TickValidator brokerGate = new TickValidator(config.validation());
            RefusedRows refused = new RefusedRows();
            long seq = 1;
            long t0 = stages == null ? 0 : System.nanoTime();
            for (Tick tick = ticks.next(); tick != null; tick = ticks.next()) {
                if (stages != null) {
                    long now = System.nanoTime();
                    stages.feedNanos += now - t0;
                    stages.ticks++;
                }
                TickRejection reason = brokerGate.validate(tick);
                if (reason == null) {
                    seq = deliver(engine, session, broker, timedTick(broker, tick, stages), seq, stages);
                } else {
                    refused.refused(reason, ticks.line());
                }
                seq = deliver(engine, session, broker, List.of(TerminalEvent.newBuilder().setTick(tick).build()), seq,
                        stages);
                afterEachTick.accept(broker);
                t0 = stages == null ? 0 : System.nanoTime();
            }
            long flushStart = System.nanoTime();
            journal.flush();
            if (stages != null) {
                stages.journalFlushNanos += System.nanoTime() - flushStart;
                stages.journalFlushed();
            }
            var status = engine.snapshot().getStatus();
            return new Result(journal.digest(), status.getCounters(), broker.balance(), broker.equity(), refused,
                    engine.memory().recent(0), status.getVetoesList());
        }
    }

    private static List<TerminalEvent> timedTick(SimBroker broker, Tick tick, ReplayStages stages) {
        if (stages == null) {
            return broker.onTick(tick);
        }
        long start = System.nanoTime();
        List<TerminalEvent> events = broker.onTick(tick);
        stages.brokerNanos += System.nanoTime() - start;
        return events;
    }

    /** Hands events to the host, then executes whatever it commanded, until nothing is left to do. */
    private static long deliver(AccountEngine engine, Inbox session, SimBroker broker, List<TerminalEvent> events,
                                long seq, ReplayStages stages) {
        ArrayDeque<TerminalEvent> pending = new ArrayDeque<>(events);
        while (!pending.isEmpty()) {
            long start = stages == null ? 0 : System.nanoTime();
            while (!pending.isEmpty()) {
                engine.onEvent(session, pending.poll().toBuilder().setSeq(seq++).build());
            }
            long decided = stages == null ? 0 : System.nanoTime();
            for (HostCommand command; (command = session.commands.poll()) != null; ) {
                pending.addAll(broker.onCommand(command));
            }
            if (stages != null) {
                stages.decideNanos += decided - start;
                stages.brokerNanos += System.nanoTime() - decided;
            }
        }
        return seq;
    }

    /** The replay's terminal end: commands wait here until the driver gives them to the paper broker. */
    private static final class Inbox implements TerminalSession {
        final Queue<HostCommand> commands = new ConcurrentLinkedQueue<>();

        @Override
        public void send(HostCommand command) {
            commands.add(command);
        }

        @Override
        public void close(String reason) {
        }
    }
}
