package com.vproptrader.host.engine;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.govern.EngineStatus;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.journal.Sha256;
import com.vproptrader.host.memory.MemoryConfig;
import com.vproptrader.host.memory.ShortTermMemory;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.plugin.PluginSet;
import com.vproptrader.marketdata.quality.TickRejection;
import com.vproptrader.proto.AdminUpdate;
import com.vproptrader.proto.BadTick;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.ChallengeForecast;
import com.vproptrader.proto.Config;
import com.vproptrader.proto.Heartbeat;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.Note;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.Tick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account's event loop: a single thread that takes every inbound event in arrival order and makes
 * every decision, so a decision is a pure function of the event sequence, the plugin versions and the
 * config (the NautilusTrader kernel model). Other threads only enqueue work and read copies.
 *
 * <p>Its collaborators are built in one place, {@link EngineKernel}; this class routes each event through them
 * and keeps what only the loop tracks: the clock reading of the event in hand, the EA's last report, and the
 * governors once a terminal said hello.
 *
 * <p>Replay and the proofs use {@link #lockstep}: the same loop run on the caller's thread, one event at a
 * time, so a replay pays no thread hand-off per tick and still makes exactly the decisions live would.
 */
public final class AccountEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AccountEngine.class);

    private final EngineKernel k;
    private final Journal journal;
    private final Clock clock;
    private final TerminalChannel terminal;
    private final AccountBook book;
    private final Map<String, SymbolMarket> markets;
    private final OrderFlow orders;
    /** The EA's last report of its own state, and how it differed from ours ("" when it agreed). */
    private com.vproptrader.proto.EaState eaState = com.vproptrader.proto.EaState.getDefaultInstance();
    private String eaMismatch = "";
    /** Monitoring only (host.metrics): wall-clock nanos never reach a decision. */
    private volatile LoopProbe probe = LoopProbe.NONE;
    private long eventArrivedNanos;
    /** When the loop took the event in hand (monitoring only, like the arrival). */
    private long eventTakenNanos;
    private PropFirmRules rules;
    /**
     * The loop's monotonic clock when it took the event in hand: every latency rule of that event reads this one
     * value, and it is journaled with the event, so a replay of the session sees the same samples.
     */
    private long loopNanos;

    /** The live engine: its own loop thread, the given clock. */
    public AccountEngine(HostConfig config, PluginHost plugins, Journal journal, Clock clock) {
        this(config, plugins, journal, clock, MemoryConfig.inProcess());
    }

    /** The live engine with its short-term memory where {@code memory} says (in process or Redis). */
    public AccountEngine(HostConfig config, PluginHost plugins, Journal journal, Clock clock, MemoryConfig memory) {
        this(new EngineKernel(config, plugins, journal, clock, true, memory));
    }

    /**
     * The replay engine: event time, and every call runs to completion on the caller's thread before it
     * returns. Only one thread may call it.
     */
    public static AccountEngine lockstep(HostConfig config, PluginHost plugins, Journal journal) {
        return lockstep(config, plugins, journal, Clock.eventTime());
    }

    /** The replay engine on {@code clock}: a live session's replay gives it the loop clock readings it journaled. */
    public static AccountEngine lockstep(HostConfig config, PluginHost plugins, Journal journal, Clock clock) {
        return new AccountEngine(new EngineKernel(config, plugins, journal, clock, false, MemoryConfig.inProcess()));
    }

    private AccountEngine(EngineKernel kernel) {
        this.k = kernel;
        this.journal = kernel.journal;
        this.clock = kernel.clock;
        this.terminal = kernel.terminal;
        this.book = kernel.book;
        this.markets = kernel.markets;
        this.orders = kernel.orders;
        kernel.loop.start(this::afterCutOff);
    }

    // ---- called from other threads: enqueue only ----

    /** A terminal said hello; returns the refusal reason, or empty when accepted. Waits for the loop. */
    public Optional<String> connect(TerminalSession newSession, Hello hello) {
        return k.loop.ask(() -> onHello(newSession, hello));
    }

    /**
     * A terminal said hello, without waiting for the loop (the gRPC transport thread must not block): the
     * refusal reason, or empty when accepted, goes to {@code answer} on the loop. Events the session sends
     * meanwhile queue behind the hello and are dropped if it is refused.
     */
    public void connect(TerminalSession newSession, Hello hello, java.util.function.Consumer<Optional<String>> answer) {
        k.loop.enqueue(() -> {
            Optional<String> refused;
            try {
                refused = onHello(newSession, hello);
            } catch (RuntimeException e) {
                answer.accept(Optional.of("hello failed in the host: " + e));
                throw e;
            }
            answer.accept(refused);
        });
    }

    public void onEvent(TerminalSession from, TerminalEvent event) {
        long arrived = System.nanoTime();
        k.loop.enqueue(() -> {
            if (terminal.isCurrent(from)) {
                eventArrivedNanos = arrived;
                eventTakenNanos = System.nanoTime();
                loopNanos = clock.nanos();
                terminal.heard(loopNanos);
                handle(event);
                probe.eventHandled(arrived, System.nanoTime());
            }
        });
    }

    /** Reports event and tick-to-signal times to monitoring. */
    public void probe(LoopProbe p) {
        this.probe = p;
    }

    /** Work waiting for the account loop now (events, questions); a growing queue means the loop falls behind. */
    public int queueDepth() {
        return k.loop.depth();
    }

    public void disconnected(TerminalSession gone) {
        k.loop.enqueue(() -> {
            if (terminal.isCurrent(gone)) {
                loopNanos = clock.nanos();
                terminal.disconnected();
                k.feed.onLinkDown();
                journal.append(clock.eventMsc(), "", inbound().setDisconnect(Note.newBuilder().setText(terminal.accountId())).build());
                log.info("terminal {} disconnected", terminal.accountId());
            }
        });
    }

    /**
     * Called every ~2 s: a heartbeat to the terminal, sent by the account loop itself, so that a loop that
     * hangs stops them and the EA sees a hung host (PROTOCOL.md section 3.5) even while the gateway is fine.
     */
    public void heartbeat() {
        k.loop.enqueue(() -> terminal.send(HostCommand.newBuilder().setHeartbeat(Heartbeat.newBuilder().setTimeMsc(clock.nowMsc()))));
    }

    /**
     * An operator's halt, resume or flatten, carried out on the loop between two events; waits for it.
     * Stamped with the last event's server time (a journal holds event time only).
     */
    public com.vproptrader.proto.OperatorReply operate(OperatorAction action,
                                                       com.vproptrader.proto.OperatorRequest request) {
        return k.loop.ask(() -> {
            com.vproptrader.proto.OperatorReply reply = k.operatorDesk.apply(action, request, rules,
                    rules == null ? null : rules.view(book.account, book.positions.values(), markets), clock.eventMsc());
            return reply.toBuilder().setTradingState(effectiveState().state()).build();
        });
    }

    /** Journals an operator's action done outside the loop's own state (e.g. a plugin JAR uploaded), on the loop. */
    public void journalOperatorAction(String action, com.vproptrader.proto.OperatorRequest request, String detail) {
        k.loop.ask(() -> {
            k.operatorDesk.journalOutside(action, request, detail, clock.eventMsc());
            return null;
        });
    }

    private TradingStates.Effective effectiveState() {
        return rules == null ? TradingStates.of(EngineStatus.active(java.time.Instant.EPOCH), k.pause.reason())
                : TradingStates.of(rules.governance().status(), k.pause.reason());
    }

    /** A consistent copy of the account's state for operators, built on the loop between two events. */
    public AdminUpdate snapshot() {
        return k.loop.ask(() -> k.admin.snapshot(effectiveState(), eaState, eaMismatch, rules));
    }

    // ---- the loop ----

    private Optional<String> onHello(TerminalSession newSession, Hello hello) {
        Optional<String> refused = terminal.admit(hello, clock::nanos, clock.eventMsc());
        if (refused.isPresent()) {
            return refused;
        }
        terminal.endReplaced(clock.eventMsc());
        loopNanos = clock.nanos();
        terminal.accept(newSession, hello.getAccountId(), loopNanos);
        String accountId = hello.getAccountId();
        clock.observe(hello.getServerTimeMsc());
        for (SymbolSpec spec : hello.getSymbolsList()) {
            markets.computeIfAbsent(spec.getSymbol(), s -> new SymbolMarket(spec, k.config.historyLength())).spec = spec;
            k.feed.onSymbolSpec(spec);
        }
        journal.append(hello.getServerTimeMsc(), "", inbound().setHello(hello.toBuilder().clearToken()).build());
        k.sessionJournal.journal(k.plugins.current(), hello.getServerTimeMsc());
        Reconciliation.apply(hello, book, markets, journal);
        orders.trades().onHello(hello.getPositionsList());
        book.onAccount(hello.getAccount());
        if (rules == null) {
            rules = k.stateFile.open(accountId, hello.getServerTimeMsc());
        }
        orders.onRecentDeals(hello.getRecentDealsList(), rules, loopNanos);
        // The EA runs the same governors again as hard limits: it gets the same pack.
        terminal.send(HostCommand.newBuilder().setConfig(Config.newBuilder().setRulePackJson(k.rulePackJson)));
        k.governorCommands.repeatHalt(rules.governance().status());
        log.info("terminal {} connected with {} symbols, {} positions", accountId, hello.getSymbolsCount(),
                hello.getPositionsCount());
        return Optional.empty();
    }

    private void handle(TerminalEvent event) {
        switch (event.getEventCase()) {
            case TICK -> onTick(event.getTick());
            case ACCOUNT -> {
                clock.observe(event.getAccount().getServerTimeMsc());
                journal.append(event.getAccount().getServerTimeMsc(), "", inbound().setAccount(event.getAccount()).build());
                book.onAccount(event.getAccount());
            }
            case FILL -> orders.onFill(event.getFill(), rules, loopNanos);
            case REJECT -> orders.onReject(event.getReject(), loopNanos);
            case POSITION -> {
                journal.append(clock.eventMsc(), event.getPosition().getSymbol(), inbound().setPosition(event.getPosition()).build());
                book.positions.put(event.getPosition().getTicket(), event.getPosition());
            }
            case BAR -> onBar(event.getBar());
            case HEARTBEAT -> {
                // journaled: its time moves the event clock that stamps later rows (a replay must see it too)
                clock.observe(event.getHeartbeat().getTimeMsc());
                journal.append(event.getHeartbeat().getTimeMsc(), "", inbound().setHeartbeat(event.getHeartbeat()).build());
            }
            case EA_STATE -> onEaState(event.getEaState());
            case HELLO -> log.warn("second hello on one stream ignored");
            case EVENT_NOT_SET -> log.warn("empty terminal event seq {}", event.getSeq());
        }
        orders.publishHoldings(loopNanos);
    }

    /** The EA's own state beside ours; a different pack or day start is a warning on the Compliance page. */
    private void onEaState(com.vproptrader.proto.EaState ea) {
        String mismatch = EaStateCheck.journal(ea, k.rulePackJson, rules == null ? null : rules.governance().day(),
                clock.eventMsc(), loopNanos, journal);
        if (!mismatch.isEmpty() && !mismatch.equals(eaMismatch) && rules != null) {
            rules.recordWarning(clock.eventMsc(), "EA_STATE_MISMATCH", mismatch);
        }
        eaState = ea;
        eaMismatch = mismatch;
    }

    private void onTick(Tick tick) {
        SymbolMarket market = markets.get(tick.getSymbol());
        TickRejection refused = market == null ? TickRejection.UNKNOWN_SYMBOL : k.feed.onTick(tick);
        if (refused != null) {
            book.counters.setBadEvents(book.counters.getBadEvents() + 1);
            journal.append(tick.getTimeMsc(), tick.getSymbol(), inbound().setBadTick(BadTick.newBuilder()
                    .setReason(refused.name()).setTick(tick)).build());
            return;
        }
        clock.observe(tick.getTimeMsc());
        // once per event (a swap takes effect between two events), read early: it wakes the plugin guard's
        // worker, which is then spinning when the scan hands it the alphas' calls
        PluginSet set = k.plugins.current();
        book.counters.setTicks(book.counters.getTicks() + 1);
        journal.append(tick.getTimeMsc(), tick.getSymbol(), inbound().setTick(tick).build());
        market.add(tick);
        if (k.macro != null) { // macro facts and headlines known by this tick become features
            k.macro.advanceTo(k.rulePack.serverTimeZone().fromServerMillis(tick.getTimeMsc()), k.features,
                    k.rulePack.serverTimeZone()::toServerMillis, line -> journal.note(JournalKind.KIND_MACRO, tick.getTimeMsc(), "", line));
        }
        k.quality.onTick(tick, market.spec);
        if (market.pending != null && tick.getTimeMsc() > market.pending.getExpiryMsc()) {
            // The terminal must not execute a signal after its expiry, so it can no longer turn into a position.
            journal.note(JournalKind.KIND_EXPIRED, tick.getTimeMsc(), tick.getSymbol(), market.pending.getSignalKey());
            market.pending = null;
        }
        AccountView view = rules.view(book.account, book.positions.values(), markets);
        k.governorCommands.onMarket(rules, view, book.positions.keySet(), tick.getTimeMsc());
        if (k.navigator != null) {
            k.navigator.afterMarket(rules, view, tick.getTimeMsc(), orders.closedTrades(tick.getTimeMsc()));
        }
        long now = loopNanos;
        k.decider.settleShadows(tick);
        if (k.pause.paused(now, tick.getTimeMsc())) {
            return;
        }
        k.sessionJournal.journalIfChanged(set, tick.getTimeMsc());
        k.decider.decide(set, market, markets, tick, k.features.features(tick.getSymbol()), rules, view, book, k.quality,
                now, orders.nextSignalNo()).ifPresent(decided -> orders.send(market, decided, rules, loopNanos,
                        () -> probe.signalSent(System.nanoTime() - eventArrivedNanos, eventTakenNanos - eventArrivedNanos)));
    }

    /**
     * On the loop's fresh thread, once the event in hand was cut off in a plugin call (that version is quarantined):
     * the rest of its decision is dropped, and what ends every event still happens.
     */
    private void afterCutOff(String reason) {
        journal.note(JournalKind.KIND_ERROR, clock.eventMsc(), "", "event cut off in a plugin call, its decision dropped: "
                + reason);
        orders.publishHoldings(loopNanos);
        probe.eventHandled(eventArrivedNanos, System.nanoTime());
    }

    /** Bars from the terminal feed symbols that have no ticks here (the feed builds bars from ticks itself). */
    private void onBar(Bar bar) {
        clock.observe(bar.getOpenTimeMsc());
        if (!k.feed.onBar(bar)) {
            book.counters.setBadEvents(book.counters.getBadEvents() + 1);
            journal.append(bar.getOpenTimeMsc(), bar.getSymbol(), inbound().setBadBar(bar).build());
            return;
        }
        journal.append(bar.getOpenTimeMsc(), bar.getSymbol(), inbound().setBar(bar).build());
    }

    /** The macro config a session ran with, by content; "" without one. */
    public static String macroSha256(HostConfig config) {
        if (config.macroFile() == null) {
            return "";
        }
        try {
            return Sha256.hex(java.nio.file.Files.readString(config.macroFile()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read macro config " + config.macroFile(), e);
        }
    }

    /** A record of an inbound event, stamped with when the loop took it. */
    private JournalRecord.Builder inbound() {
        return JournalRecord.newBuilder().setLoopNanos(loopNanos);
    }

    /** The plugin host's versions, each shadow with its would-be trading on the paper book. Any thread. */
    public java.util.List<com.vproptrader.proto.PluginInfo> pluginsWithShadowPaper() {
        return k.admin.pluginsWithShadowPaper();
    }

    /** The rule pack the governors enforce (its initial balance and day reset feed the analytics). */
    public RulePack rulePack() {
        return k.rulePack;
    }

    /** The account's recent closed trades and their statistics; safe to read from any thread. */
    public ShortTermMemory memory() {
        return k.memory;
    }

    /** The whole equity series (newest {@code maxPoints} when positive). */
    public List<com.vproptrader.proto.EquityPoint> equitySeries(int maxPoints) {
        return k.loop.ask(() -> k.admin.equitySeries(maxPoints));
    }

    /** The regime bandit's posterior of each serving alpha × regime, read on the loop between two events. */
    public com.vproptrader.proto.BanditPosteriors banditPosteriors() {
        return k.loop.ask(() -> k.decider.banditPosteriors(k.plugins.current()));
    }

    /** The challenge navigator's newest forecast (not ready before the first run, or in a replay). */
    public ChallengeForecast navigatorForecast() {
        return k.loop.ask(() -> k.navigator == null || rules == null ? ChallengeForecast.getDefaultInstance()
                : k.navigator.proto(rules));
    }

    /**
     * Operator action: the sizer's per-trade cap follows the navigator's advised risk (never above the pack's),
     * or goes back to the pack's cap. Journaled; the forecast is refreshed at the new risk. Not ready (and nothing
     * changed) before the first forecast or without a live account.
     */
    public ChallengeForecast followRiskAdvice(boolean follow, String operator, String reason) {
        return k.loop.ask(() -> {
            if (k.navigator == null || rules == null) {
                return ChallengeForecast.getDefaultInstance();
            }
            return k.navigator.follow(follow, com.vproptrader.proto.OperatorRequest.newBuilder().setOperator(operator)
                    .setReason(reason).build(), rules, rules.view(book.account, book.positions.values(), markets),
                    clock.nowMsc(), clock.eventMsc(), orders.closedTrades(clock.nowMsc()));
        });
    }

    @Override
    public void close() {
        k.loop.stop();
        k.stateFile.close();
        k.close();
    }
}
