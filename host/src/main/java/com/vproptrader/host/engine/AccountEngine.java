package com.vproptrader.host.engine;


import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.exec.ExecutionQuality;
import com.vproptrader.host.exec.ExecutionQualityConfig;
import com.vproptrader.host.feature.FeatureConfig;
import com.vproptrader.host.feature.FeatureEngine;
import com.vproptrader.host.feature.FeatureSet;
import com.vproptrader.host.feature.Regime;
import com.vproptrader.host.feature.SessionClock;
import com.vproptrader.host.feed.Feed;
import com.vproptrader.host.feed.FeedConfig;
import com.vproptrader.host.govern.DayAnchor;
import com.vproptrader.host.govern.EngineState;
import com.vproptrader.host.govern.EngineStatus;
import com.vproptrader.host.govern.MarketAction;
import com.vproptrader.host.govern.SqliteGovernorStore;
import com.vproptrader.host.govern.calendar.CalendarFile;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.group.GroupExposure;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.journal.Sha256;
import com.vproptrader.host.macro.Macro;
import com.vproptrader.host.memory.ClosedTrade;
import com.vproptrader.host.memory.EntryContext;
import com.vproptrader.host.memory.EntryRecords;
import com.vproptrader.host.memory.MemoryConfig;
import com.vproptrader.host.memory.ShortTermMemory;
import com.vproptrader.host.memory.TradeTracker;
import com.vproptrader.host.navigator.MemoryOutcomes;
import com.vproptrader.host.navigator.NavigatorConfig;
import com.vproptrader.host.navigator.TradeOutcome;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.plugin.PluginSet;
import com.vproptrader.host.risk.Money;
import com.vproptrader.host.risk.PriceMove;
import com.vproptrader.host.scan.AlphaWeights;
import com.vproptrader.host.scan.BarHistory;
import com.vproptrader.host.scan.MemoryEvidence;
import com.vproptrader.host.scan.ScanConfig;
import com.vproptrader.host.scan.Scanner;
import com.vproptrader.host.scan.SqliteWeightStore;
import com.vproptrader.marketdata.quality.TickRejection;
import com.vproptrader.proto.AdminUpdate;
import com.vproptrader.proto.BadTick;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.ChallengeForecast;
import com.vproptrader.proto.Close;
import com.vproptrader.proto.Compliance;
import com.vproptrader.proto.Config;
import com.vproptrader.proto.DayResetRecord;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Halt;
import com.vproptrader.proto.Heartbeat;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.Note;
import com.vproptrader.proto.OperatorRecord;
import com.vproptrader.proto.Reject;
import com.vproptrader.proto.RejectionCount;
import com.vproptrader.proto.Resume;
import com.vproptrader.proto.SessionRecord;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.Status;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.WeightsRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vproptrader.host.risk.Money;

import java.math.RoundingMode;
import java.util.Collections;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One account's event loop: a single thread that takes every inbound event in arrival order and makes
 * every decision, so a decision is a pure function of the event sequence, the plugin versions and the
 * config (the NautilusTrader kernel model). Other threads only enqueue work and read copies.
 *
 * <p>Replay and the proofs use {@link #lockstep}: the same loop run on the caller's thread, one event at a
 * time, so a replay pays no thread hand-off per tick and still makes exactly the decisions live would.
 */
public final class AccountEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AccountEngine.class);
    /**
     * A session heard from within this long is alive, and a second hello for the account is refused: the
     * EA heartbeats every 2 s and the gateway drops an EA silent for 10 s, so a session quiet this long is dead.
     */
    static final long SESSION_SILENCE_NANOS = 10_000_000_000L;

    private final HostConfig config;
    private final PluginHost plugins;
    private final Journal journal;
    private final Clock clock;
    /** Features, sessions and execution quality read the rule pack's server clock: the one model of server time. */
    private final FeatureEngine features;
    private final SessionClock sessions;
    private final ExecutionQuality quality;
    /** The trading pause the execution-quality monitor last reported, "" when trading. */
    private String pause = "";
    private final ScanConfig scanConfig;
    private final BarHistory bars;
    private final AlphaWeights weights;
    private SqliteWeightStore weightStore;
    private final Feed feed;
    private final TradeDecider decider;
    private final OperatorDesk operatorDesk;
    /** The EA's last report of its own state, and how it differed from ours ("" when it agreed). */
    private com.vproptrader.proto.EaState eaState = com.vproptrader.proto.EaState.getDefaultInstance();
    private String eaMismatch = "";
    private final AccountBook book = new AccountBook();
    /** Follows positions from signal to last fill; every closed trade goes to {@link #memory}. */
    private final TradeTracker trades = new TradeTracker();
    private final ShortTermMemory memory;
    /** This account's lots as its group sees them (nothing outside a group). */
    private final GroupExposure group;
    /** What the scanner and the sizing read of {@link #memory}: outcomes per alpha × regime × symbol. */
    private final MemoryEvidence evidence;
    /** Start of the governors' trading day last seen (broker server time); MIN before the first. */
    private long dayStartMsc = Long.MIN_VALUE;
    private final Map<String, SymbolMarket> markets = new HashMap<>();
    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    /** Monitoring only (host.metrics): wall-clock nanos never reach a decision. */
    private volatile LoopProbe probe = LoopProbe.NONE;
    private long eventArrivedNanos;
    /** The loop's own thread; null in lockstep, where the caller's thread runs each event at once. */
    private final Thread thread;
    private final RulePack rulePack;
    private final String rulePackJson;
    private final MarketCalendar calendar;
    private final Macro macro;
    private PropFirmRules rules;
    /** The challenge navigator (live only: a replay decides nothing by it and must not wait for it). */
    private final AccountNavigator navigator;
    private SqliteGovernorStore governorStore;
    /** Positions we asked the terminal to close and whose close has not come back yet. */
    private final Set<Long> closing = new HashSet<>();
    /** Deal tickets applied, oldest first: the EA replays fills it could not deliver, some already here. */
    private final Set<Long> dealsApplied = Collections.newSetFromMap(new LinkedHashMap<Long, Boolean>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > 100_000;
        }
    });
    private TerminalSession session;
    /** When the session last sent anything (clock.nanos()): heartbeats keep a quiet session alive. */
    private long sessionHeardNanos;
    private String accountId = "";
    private long commandSeq;
    /**
     * The loop's monotonic clock when it took the event in hand: every latency rule of that event reads this one
     * value, and it is journaled with the event, so a replay of the session sees the same samples.
     */
    private long loopNanos;
    /** The plugin set the journal's last session record names. */
    private PluginSet journaledPlugins;
    private List<String> journaledLabels = List.of();
    private final String rulePackSha256;
    private long signalNo;
    private volatile boolean running = true;

    /** The live engine: its own loop thread, the given clock. */
    public AccountEngine(HostConfig config, PluginHost plugins, Journal journal, Clock clock) {
        this(config, plugins, journal, clock, MemoryConfig.inProcess());
    }

    /** The live engine with its short-term memory where {@code memory} says (in process or Redis). */
    public AccountEngine(HostConfig config, PluginHost plugins, Journal journal, Clock clock, MemoryConfig memory) {
        this(config, plugins, journal, clock, true, memory);
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
        return new AccountEngine(config, plugins, journal, clock, false, MemoryConfig.inProcess());
    }

    private AccountEngine(HostConfig config, PluginHost plugins, Journal journal, Clock clock, boolean ownThread,
                          MemoryConfig memoryConfig) {
        this.config = config;
        this.plugins = plugins;
        this.journal = journal;
        this.clock = clock;
        this.rulePackJson = RulePackLoader.text(config.rulePack());
        // A bad or incomplete pack is refused here, at start, with the loader's message naming the field.
        this.rulePack = RulePackLoader.parse(RulePackLoader.nameOf(config.rulePack()), rulePackJson);
        this.rulePackSha256 = Sha256.hex(rulePackJson);
        this.features = new FeatureEngine(FeatureConfig.defaults(), rulePack.serverTimeZone());
        this.sessions = new SessionClock(rulePack.serverTimeZone());
        this.quality = new ExecutionQuality(ExecutionQualityConfig.defaults(), sessions);
        this.scanConfig = ScanConfig.defaults().withMinStrength(config.minAlphaStrength());
        this.bars = new BarHistory(features.config().timeframe(), scanConfig.barsKept());
        this.weights = new AlphaWeights(scanConfig.weights());
        this.feed = new Feed(FeedConfig.defaults().withValidation(config.validation()), features, bars);
        // Replays (no own thread) fetch nothing: they see exactly what the macro store holds.
        this.macro = config.macroFile() == null ? null : Macro.start(config.macroFile(), java.time.Clock.systemUTC(), ownThread);
        Set<String> known = new HashSet<>(features.knownFeatures());
        if (macro != null) {
            known.addAll(macro.featureNames());
        }
        Scanner scanner = new Scanner(scanConfig, plugins, bars, weights, known,
                note -> journal.note(JournalKind.KIND_NOTE, clock.eventMsc(), "", note));
        this.memory = memoryConfig.open(config.accountId().isEmpty() ? "default" : config.accountId());
        this.group = memoryConfig.openGroup(config.accountId().isEmpty() ? "default" : config.accountId());
        this.operatorDesk = new OperatorDesk(journal, this::command);
        this.evidence = new MemoryEvidence(memory);
        this.decider = new TradeDecider(config, plugins, journal, scanner, () -> evidence, features, bars, group);
        MarketCalendar breaks = config.calendarFile() == null ? MarketCalendar.NONE : CalendarFile.load(config.calendarFile());
        this.calendar = macro == null ? breaks : macro.calendar(breaks);
        this.navigator = ownThread ? new AccountNavigator(NavigatorConfig.defaults(), calendar, journal, this::enqueue)
                : null;
        this.thread = ownThread ? new Thread(this::run, "account-loop") : null;
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    // ---- called from other threads: enqueue only ----

    /** A terminal said hello; returns the refusal reason, or empty when accepted. Waits for the loop. */
    public Optional<String> connect(TerminalSession newSession, Hello hello) {
        return ask(() -> onHello(newSession, hello));
    }

    /**
     * A terminal said hello, without waiting for the loop (the gRPC transport thread must not block): the
     * refusal reason, or empty when accepted, goes to {@code answer} on the loop. Events the session sends
     * meanwhile queue behind the hello and are dropped if it is refused.
     */
    public void connect(TerminalSession newSession, Hello hello, java.util.function.Consumer<Optional<String>> answer) {
        enqueue(() -> {
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
        enqueue(() -> {
            if (from == session) {
                eventArrivedNanos = arrived;
                loopNanos = clock.nanos();
                sessionHeardNanos = loopNanos;
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
        return inbox.size();
    }

    public void disconnected(TerminalSession gone) {
        enqueue(() -> {
            if (gone == session) {
                loopNanos = clock.nanos();
                session = null;
                feed.onLinkDown();
                journal.append(clock.eventMsc(), "", inbound().setDisconnect(Note.newBuilder().setText(accountId)).build());
                log.info("terminal {} disconnected", accountId);
            }
        });
    }

    /**
     * Called every ~2 s: a heartbeat to the terminal, sent by the account loop itself, so that a loop that
     * hangs stops them and the EA sees a hung host (PROTOCOL.md section 3.5) even while the gateway is fine.
     */
    public void heartbeat() {
        enqueue(() -> command(HostCommand.newBuilder().setHeartbeat(Heartbeat.newBuilder().setTimeMsc(clock.nowMsc()))));
    }

    /**
     * An operator's halt, resume or flatten, carried out on the loop between two events; waits for it.
     * Stamped with the last event's server time (a journal holds event time only).
     */
    public com.vproptrader.proto.OperatorReply operate(OperatorAction action,
                                                       com.vproptrader.proto.OperatorRequest request) {
        return ask(() -> {
            com.vproptrader.proto.OperatorReply reply = operatorDesk.apply(action, request, rules,
                    rules == null ? null : rules.view(book.account, book.positions.values(), markets), clock.eventMsc());
            return reply.toBuilder().setTradingState(effectiveState().state()).build();
        });
    }

    /** Journals an operator's action done outside the loop's own state (e.g. a plugin JAR uploaded), on the loop. */
    public void journalOperatorAction(String action, com.vproptrader.proto.OperatorRequest request, String detail) {
        ask(() -> {
            journal.append(clock.eventMsc(), "", com.vproptrader.proto.JournalRecord.newBuilder()
                    .setOperator(com.vproptrader.proto.OperatorRecord.newBuilder().setAction(action).setRequest(request)
                            .setDetail(detail)).build());
            return null;
        });
    }

    private TradingStates.Effective effectiveState() {
        return rules == null ? TradingStates.of(com.vproptrader.host.govern.EngineStatus.active(java.time.Instant.EPOCH), pause)
                : TradingStates.of(rules.governance().status(), pause);
    }

    /** A consistent copy of the account's state for operators, built on the loop between two events. */
    public AdminUpdate snapshot() {
        return ask(this::buildSnapshot);
    }

    private void enqueue(Runnable work) {
        if (thread == null) {
            runSafely(work);
        } else {
            inbox.add(work);
        }
    }

    private <T> T ask(Supplier<T> question) {
        if (thread == null) {
            return question.get();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        inbox.add(() -> answer.complete(question.get()));
        try {
            return answer.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("account loop did not answer: " + e, e);
        }
    }

    // ---- the loop ----

    private void run() {
        while (running) {
            Runnable work;
            try {
                work = inbox.take();
            } catch (InterruptedException e) {
                return;
            }
            runSafely(work);
        }
    }

    private void runSafely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // One bad event must not stop the account: log it, journal it, carry on.
            log.error("event failed", e);
            journal.note(JournalKind.KIND_ERROR, clock.eventMsc(), "", String.valueOf(e));
        }
    }

    private Optional<String> onHello(TerminalSession newSession, Hello hello) {
        Optional<String> refused = refusal(hello);
        if (refused.isPresent()) {
            // Event time: the newest event the loop saw, never the stranger's own clock.
            journal.note(JournalKind.KIND_LINK_REFUSED, clock.eventMsc(), "", refused.get());
            return refused;
        }
        Optional<String> wrongClock = ServerClockCheck.refusal(rulePack, hello);
        if (wrongClock.isPresent()) {
            journal.note(JournalKind.KIND_HELLO_REFUSED, hello.getServerTimeMsc(), "", wrongClock.get());
            log.warn("hello refused: {}", wrongClock.get());
            return wrongClock;
        }
        if (session != null) {
            // Silent past the gateway's own timeout: the old link is dead even if no one told us.
            journal.note(JournalKind.KIND_LINK_REPLACED, clock.eventMsc(), "", accountId);
            session.close("replaced by a new connection of the same terminal");
        }
        session = newSession;
        loopNanos = clock.nanos();
        sessionHeardNanos = loopNanos;
        accountId = hello.getAccountId();
        clock.observe(hello.getServerTimeMsc());
        for (SymbolSpec spec : hello.getSymbolsList()) {
            markets.computeIfAbsent(spec.getSymbol(), s -> new SymbolMarket(spec, config.historyLength())).spec = spec;
            feed.onSymbolSpec(spec);
        }
        journal.append(hello.getServerTimeMsc(), "", inbound().setHello(hello.toBuilder().clearToken()).build());
        journalSession(plugins.current(), hello.getServerTimeMsc());
        Reconciliation.apply(hello, book, markets, journal);
        trades.onHello(hello.getPositionsList());
        book.onAccount(hello.getAccount());
        if (rules == null) {
            governorStore = new SqliteGovernorStore(config.stateFile(), accountId);
            weightStore = new SqliteWeightStore(config.stateFile(), accountId);
            weights.attach(weightStore);
            rules = new PropFirmRules(rulePack, governorStore, calendar, hello.getServerTimeMsc());
        }
        // The EA runs the same governors again as hard limits: it gets the same pack.
        command(HostCommand.newBuilder().setConfig(Config.newBuilder().setRulePackJson(rulePackJson)));
        // A reconnecting or reinstalled EA hears the host's halt again, whatever its own flag says.
        EngineStatus status = rules.governance().status();
        if (status.state() == EngineState.HALTED) {
            command(HostCommand.newBuilder().setHalt(Halt.newBuilder().setReason(status.reason() + ": " + status.detail())));
        }
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
            case FILL -> onFill(event.getFill());
            case REJECT -> onReject(event.getReject());
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
        publishHoldings();
    }

    /** What this account holds per symbol (a position, or an order awaiting its fill), for its group. */
    private void publishHoldings() {
        if (group == GroupExposure.NONE) {
            return;
        }
        Map<String, Double> lots = new HashMap<>();
        markets.forEach((symbol, m) -> lots.put(symbol, m.pending == null ? 0.0 : m.pending.getVolume()));
        book.positions.values().forEach(p -> lots.merge(p.getSymbol(), p.getVolume(), Double::sum));
        group.holding(lots, loopNanos);
    }

    /** The EA's own state beside ours; a different pack or day start is a warning on the Compliance page. */
    private void onEaState(com.vproptrader.proto.EaState ea) {
        String mismatch = EaStateCheck.journal(ea, rulePackJson, rules == null ? null : rules.governance().day(),
                clock.eventMsc(), loopNanos, journal);
        if (!mismatch.isEmpty() && !mismatch.equals(eaMismatch) && rules != null) {
            rules.recordWarning(clock.eventMsc(), "EA_STATE_MISMATCH", mismatch);
        }
        eaState = ea;
        eaMismatch = mismatch;
    }

    private void onTick(Tick tick) {
        SymbolMarket market = markets.get(tick.getSymbol());
        TickRejection refused = market == null ? TickRejection.UNKNOWN_SYMBOL : feed.onTick(tick);
        if (refused != null) {
            book.counters.setBadEvents(book.counters.getBadEvents() + 1);
            journal.append(tick.getTimeMsc(), tick.getSymbol(), inbound().setBadTick(BadTick.newBuilder()
                    .setReason(refused.name()).setTick(tick)).build());
            return;
        }
        clock.observe(tick.getTimeMsc());
        // once per event (a swap takes effect between two events), read early: it wakes the plugin guard's
        // worker, which is then spinning when the scan hands it the alphas' calls
        PluginSet set = plugins.current();
        book.counters.setTicks(book.counters.getTicks() + 1);
        journal.append(tick.getTimeMsc(), tick.getSymbol(), inbound().setTick(tick).build());
        market.add(tick);
        if (macro != null) { // macro facts and headlines known by this tick become features
            macro.advanceTo(rulePack.serverTimeZone().fromServerMillis(tick.getTimeMsc()), features,
                    rulePack.serverTimeZone()::toServerMillis, line -> journal.note(JournalKind.KIND_MACRO, tick.getTimeMsc(), "", line));
        }
        quality.onTick(tick, market.spec);
        if (market.pending != null && tick.getTimeMsc() > market.pending.getExpiryMsc()) {
            // The terminal must not execute a signal after its expiry, so it can no longer turn into a position.
            journal.note(JournalKind.KIND_EXPIRED, tick.getTimeMsc(), tick.getSymbol(), market.pending.getSignalKey());
            market.pending = null;
        }
        AccountView view = rules.view(book.account, book.positions.values(), markets);
        EngineState before = rules.governance().status().state();
        act(rules.onMarket(view, tick.getTimeMsc()), tick.getTimeMsc());
        journalDayReset(tick.getTimeMsc());
        tellTerminalIfStateChanged(before);
        if (navigator != null) {
            navigator.afterMarket(rules, view, tick.getTimeMsc(), closedTrades(tick.getTimeMsc()));
        }
        long now = loopNanos;
        decider.settleShadows(tick);
        if (paused(now, tick.getTimeMsc())) {
            return;
        }
        if (set != journaledPlugins) {
            journalSessionIfChanged(set, tick.getTimeMsc());
        }
        decider.decide(set, market, markets, tick, features.features(tick.getSymbol()), rules, view, book, quality, now,
                signalNo + 1).ifPresent(decided -> send(market, decided));
    }

    /** Why a hello must be refused: a bad token, another account, or a live session of this account. */
    private Optional<String> refusal(Hello hello) {
        if (!config.token().isEmpty() && !config.token().equals(hello.getToken())) {
            return Optional.of("auth: bad token for account " + hello.getAccountId());
        }
        String wanted = config.accountId().isEmpty() ? accountId : config.accountId();
        if (!wanted.isEmpty() && !wanted.equals(hello.getAccountId())) {
            return Optional.of("auth: this host trades account " + wanted + ", not " + hello.getAccountId());
        }
        long silentNanos = clock.nanos() - sessionHeardNanos;
        if (session != null && silentNanos < SESSION_SILENCE_NANOS) {
            return Optional.of("busy: account " + accountId + " has a live terminal session (heard "
                    + silentNanos / 1_000_000 + " ms ago); a second one is refused until it ends or is silent "
                    + SESSION_SILENCE_NANOS / 1_000_000_000 + " s");
        }
        return Optional.empty();
    }

    /** Bars from the terminal feed symbols that have no ticks here (the feed builds bars from ticks itself). */
    private void onBar(Bar bar) {
        clock.observe(bar.getOpenTimeMsc());
        if (!feed.onBar(bar)) {
            book.counters.setBadEvents(book.counters.getBadEvents() + 1);
            journal.append(bar.getOpenTimeMsc(), bar.getSymbol(), inbound().setBadBar(bar).build());
            return;
        }
        journal.append(bar.getOpenTimeMsc(), bar.getSymbol(), inbound().setBar(bar).build());
    }

    /**
     * Pauses that lift by themselves: the journal cannot write (no new trade it could not account for), or the
     * execution-quality pause (e.g. round trips over 400 ms). No new trades while either holds.
     */
    private boolean paused(long nanos, long serverTimeMsc) {
        String latency = quality.pauseReason(nanos).orElse(""); // called every event: it runs the resume timer
        String reason = journal.writeFailure().orElse(latency);
        if (!reason.equals(pause)) {
            journal.note(reason.isEmpty() ? JournalKind.KIND_RESUME : JournalKind.KIND_PAUSE, serverTimeMsc, "",
                    reason.isEmpty() ? pause : reason);
            pause = reason;
        }
        return !pause.isEmpty();
    }

    private void send(SymbolMarket market, TradeDecider.Decided decided) {
        Signal signal = decided.signal();
        signalNo++;
        book.counters.setSignals(book.counters.getSignals() + 1);
        market.pending = signal;
        journal.append(signal.getDecidedOnTickMsc(), signal.getSymbol(), JournalRecord.newBuilder().setSignal(signal).build());
        EntryContext entry = entryContext(market, signal, decided.decision());
        journal.append(signal.getDecidedOnTickMsc(), signal.getSymbol(),
                JournalRecord.newBuilder().setEntry(EntryRecords.of(entry)).build());
        trades.onSignal(entry);
        quality.onSignalSent(signal, loopNanos);
        command(HostCommand.newBuilder().setSignal(signal));
        probe.signalSent(System.nanoTime() - eventArrivedNanos);
    }

    private void command(HostCommand.Builder command) {
        if (session != null) {
            session.send(command.setSeq(++commandSeq).build());
        }
    }

    /** Carries out what the governors demand (closes before news or breaks, reduce, flatten) exactly once each. */
    private void act(MarketAction action, long serverTimeMsc) {
        closing.retainAll(book.positions.keySet());
        if (action.kind() == MarketAction.Kind.NONE || action.kind() == MarketAction.Kind.HALT) {
            return;
        }
        for (long ticket : action.tickets()) {
            if (closing.add(ticket)) {
                Close close = Close.newBuilder().setTicket(ticket)
                        .setReason(action.reason() + ": " + action.detail()).build();
                journal.append(serverTimeMsc, "", JournalRecord.newBuilder().setClose(close).build());
                command(HostCommand.newBuilder().setClose(close));
            }
        }
    }

    /** The EA blocks orders itself while halted: tell it when our engine halts or resumes. */
    private void tellTerminalIfStateChanged(EngineState before) {
        EngineStatus now = rules.governance().status();
        if (now.state() == before) {
            return;
        }
        String why = now.reason() + ": " + now.detail();
        if (now.state() == EngineState.HALTED) {
            command(HostCommand.newBuilder().setHalt(Halt.newBuilder().setReason(why)));
        } else if (before == EngineState.HALTED) {
            command(HostCommand.newBuilder().setResume(Resume.newBuilder().setReason(why)));
        }
    }

    private void onFill(Fill fill) {
        if (fill.getDeal() != 0 && !dealsApplied.add(fill.getDeal())) {
            return;   // replayed by the EA after a reconnect: applied already (PROTOCOL.md section 7)
        }
        clock.observe(fill.getTimeMsc());
        journal.append(fill.getTimeMsc(), fill.getSymbol(), inbound().setFill(fill).build());
        quality.onFill(fill, loopNanos);
        SymbolMarket market = markets.get(fill.getSymbol());
        if (market != null && market.isPending(fill.getSignalKey())) {
            market.pending = null;
            book.counters.setOrders(book.counters.getOrders() + 1);
        }
        book.onFill(fill);
        if (rules != null) {
            rules.onFill(fill);
        }
        trades.onFill(fill).ifPresent(this::onClosedTrade);
    }

    /** A position closed: the memory records it, then the alpha weights take one step from the newest trades. */
    private void onClosedTrade(ClosedTrade trade) {
        memory.record(trade);
        List<String> serving = plugins.current().alphas().stream().map(a -> a.pluginId()).toList();
        weights.onClosedTrade(serving,
                evidence.recent(scanConfig.weights().window() * Math.max(1, serving.size())));
        journal.append(trade.closeTimeMsc(), trade.symbol(), JournalRecord.newBuilder()
                .setWeights(WeightsRecord.newBuilder().putAllWeights(weights.snapshot())).build());
        if (navigator != null && rules != null) {
            navigator.afterClosedTrade(rules, rules.view(book.account, book.positions.values(), markets),
                    trade.closeTimeMsc(), closedTrades(trade.closeTimeMsc()));
        }
    }

    /** Journals each governors' day reset ("previous start, new start"): the long-term store closes the day from it. */
    private void journalDayReset(long serverTimeMsc) {
        DayAnchor day = rules.governance().day();
        if (day == null) {
            return;
        }
        long start = rulePack.serverTimeZone().toServerMillis(day.start());
        if (start != dayStartMsc) {
            if (dayStartMsc != Long.MIN_VALUE) {
                journal.append(serverTimeMsc, "", JournalRecord.newBuilder().setDayReset(DayResetRecord.newBuilder()
                        .setPreviousStartMsc(dayStartMsc).setNewStartMsc(start)).build());
            }
            dayStartMsc = start;
        }
    }

    /**
     * What the loop knew when it decided {@code signal}: regime, session, the features computable so far (a value
     * is NaN until its window fills, and NaNs are not kept) and the loss at the stop.
     */
    private EntryContext entryContext(SymbolMarket market, Signal signal, EntryContext.Decision decision) {
        FeatureSet set = features.features(signal.getSymbol());
        Money risk = signal.getSl() == 0 ? Money.ZERO : PriceMove.loss(signal.getVolume(), signal.getReferencePrice(),
                signal.getSl(), market.spec.getTickSize(), market.spec.getTickValue());
        return new EntryContext(signal, set == null ? Regime.UNKNOWN.name() : set.regime().name(),
                sessions.sessionAt(signal.getDecidedOnTickMsc()).name(), risk, rulePack.name(),
                rules.governance().status().state().name(), set == null ? Map.of() : set.toMap(), decision);
    }

    private void onReject(Reject reject) {
        journal.append(clock.eventMsc(), "", inbound().setReject(reject).build());
        quality.onReject(reject, loopNanos);
        book.counters.setRejects(book.counters.getRejects() + 1);
        markets.values().stream().filter(m -> m.isPending(reject.getSignalKey())).forEach(m -> {
            m.pending = null;
            book.counters.setOrders(book.counters.getOrders() + 1);
        });
    }

    /** What the decisions read besides the events: the config and the plugin versions serving from now on. */
    private void journalSession(PluginSet set, long serverTimeMsc) {
        journaledPlugins = set;
        journaledLabels = set.labels();
        journal.append(serverTimeMsc, "", JournalRecord.newBuilder().setSession(SessionRecord.newBuilder()
                .setRulePack(rulePack.name()).setRulePackSha256(rulePackSha256)
                .setSignalTtlMs(config.signalTtl().toMillis()).setMinAlphaStrength(config.minAlphaStrength())
                .setHistoryLength(config.historyLength()).setSpreadCapPoints(config.spreadCapPoints())
                .setMacroConfigSha256(macroSha256(config))
                .addAllPlugins(journaledLabels)).build());
    }

    /** A new plugin set (a swap, a quarantine) is journaled when its versions differ from the last journaled. */
    private void journalSessionIfChanged(PluginSet set, long serverTimeMsc) {
        if (set.labels().equals(journaledLabels)) {
            journaledPlugins = set;
        } else {
            journalSession(set, serverTimeMsc);
        }
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
        var paper = decider.shadowPaper();
        return plugins.describe().stream().map(p -> {
            ShadowPaperBook.Stats s = paper.get(p.getPluginId() + "@" + p.getVersion());
            if (!p.getShadow()) {
                return p;
            }
            s = s == null ? ShadowPaperBook.Stats.NONE : s;
            return p.toBuilder().setWouldBeTrades(s.trades()).setWouldBeOpen(s.open()).setWouldBePnlR(s.pnlR())
                    .setWouldBeWinRate(s.winRate()).build();
        }).toList();
    }

    private AdminUpdate buildSnapshot() {
        TradingStates.Effective effective = effectiveState();
        Status.Builder status = Status.newBuilder()
                .setAccountId(accountId)
                .setTerminalConnected(session != null)
                .setLastEventServerTimeMsc(clock.eventMsc())
                .setAccount(book.account)
                .setBalanceCents(AccountBook.cents(book.account.getBalance()))
                .setEquityCents(AccountBook.cents(book.account.getEquity()))
                .setCounters(book.counters.setVetoes(book.vetoes.total()).build())
                .addAllVetoes(book.vetoes.toProto())
                .setTradingState(effective.state())
                .setTradingStateReason(effective.reason())
                .setEaState(eaState)
                .setEaStateMismatch(eaMismatch)
                .setWallTimeMs(System.currentTimeMillis());
        status.setScan(decider.scanStats());
        markets.values().stream().filter(m -> m.lastTick != null).map(m -> m.lastTick)
                .sorted(java.util.Comparator.comparing(com.vproptrader.proto.Tick::getSymbol)).forEach(status::addPrices);
        if (rules != null) {
            AccountView view = rules.view(book.account, book.positions.values(), markets);
            Compliance compliance = rules.toProto(view, clock.nowMsc());
            status.setCompliance(navigator == null ? compliance
                    : compliance.toBuilder().setNavigator(navigator.proto(rules)).build())
                    .setDayPnlCents(rules.dayPnl(view).cents());
        }
        feed.quality().rejections().forEach((symbol, byReason) -> byReason.forEach((reason, count) ->
                status.addFeedRejections(RejectionCount.newBuilder().setSymbol(symbol).setReason(reason.name())
                        .setCount(count))));
        AdminUpdate.Builder update = AdminUpdate.newBuilder().setStatus(status)
                .addAllPlugins(pluginsWithShadowPaper())
                .addAllPositions(book.positions.values())
                .addAllPositionViews(book.positionViews());
        if (!book.equity.isEmpty()) {
            update.setEquity(book.equity.get(book.equity.size() - 1));
        }
        return update.build();
    }

    /** The rule pack the governors enforce (its initial balance and day reset feed the analytics). */
    public RulePack rulePack() {
        return rulePack;
    }

    /** The account's recent closed trades and their statistics; safe to read from any thread. */
    public ShortTermMemory memory() {
        return memory;
    }

    /** The whole equity series (newest {@code maxPoints} when positive). */
    public List<com.vproptrader.proto.EquityPoint> equitySeries(int maxPoints) {
        return ask(() -> {
            List<com.vproptrader.proto.EquityPoint> all = book.equity;
            int from = maxPoints > 0 ? Math.max(0, all.size() - maxPoints) : 0;
            return List.copyOf(all.subList(from, all.size()));
        });
    }

    /** The regime bandit's posterior of each serving alpha × regime, read on the loop between two events. */
    public com.vproptrader.proto.BanditPosteriors banditPosteriors() {
        return ask(() -> decider.banditPosteriors(plugins.current()));
    }

    /** The challenge navigator's newest forecast (not ready before the first run, or in a replay). */
    public ChallengeForecast navigatorForecast() {
        return ask(() -> navigator == null || rules == null ? ChallengeForecast.getDefaultInstance()
                : navigator.proto(rules));
    }

    /**
     * Operator action: the sizer's per-trade cap follows the navigator's advised risk (never above the pack's),
     * or goes back to the pack's cap. Journaled; the forecast is refreshed at the new risk. Not ready (and nothing
     * changed) before the first forecast or without a live account.
     */
    public ChallengeForecast followRiskAdvice(boolean follow, String operator, String reason) {
        return ask(() -> {
            if (navigator == null || rules == null) {
                return ChallengeForecast.getDefaultInstance();
            }
            ChallengeForecast after = navigator.follow(follow, rules,
                    rules.view(book.account, book.positions.values(), markets), clock.nowMsc(),
                    closedTrades(clock.nowMsc()));
            if (follow && !after.getReady()) {
                return after;
            }
            journal.append(clock.eventMsc(), "", JournalRecord.newBuilder().setOperator(OperatorRecord.newBuilder()
                    .setAction("RISK_CAP").setRequest(com.vproptrader.proto.OperatorRequest.newBuilder()
                            .setOperator(operator).setReason(reason))
                    .setDetail((follow ? "follow risk advice: cap " : "risk cap back to the pack's: ")
                            + after.getPerTradeCapPct() + "% per trade")).build());
            return after;
        });
    }

    /**
     * Where the navigator reads the account's closed trades up to {@code asOfMsc}: short-term memory, read on the
     * navigator's thread (its reads are thread-safe), with the balance the loop knows now.
     */
    private Supplier<List<TradeOutcome>> closedTrades(long asOfMsc) {
        Money balance = Money.of(book.account.getBalance(), RoundingMode.FLOOR);
        return () -> MemoryOutcomes.from(memory.recent(0), asOfMsc, rulePack.serverTimeZone(), balance);
    }

    @Override
    public void close() {
        if (thread != null) {
            inbox.add(() -> running = false);
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (governorStore != null) {
            governorStore.close();
        }
        if (weightStore != null) {
            weightStore.close();
        }
        if (navigator != null) {
            navigator.close(); // before memory: its thread may be reading closed trades
        }
        memory.close();
        group.close();
        if (macro != null) {
            macro.close();
        }
    }
}
