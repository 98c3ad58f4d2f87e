package com.vproptrader.host.engine;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.exec.ExecutionQuality;
import com.vproptrader.host.exec.ExecutionQualityConfig;
import com.vproptrader.host.feature.FeatureConfig;
import com.vproptrader.host.feature.FeatureEngine;
import com.vproptrader.host.feature.SessionClock;
import com.vproptrader.host.feed.Feed;
import com.vproptrader.host.feed.FeedConfig;
import com.vproptrader.host.govern.calendar.CalendarFile;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.group.GroupExposure;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.journal.Sha256;
import com.vproptrader.host.macro.Macro;
import com.vproptrader.host.memory.MemoryConfig;
import com.vproptrader.host.memory.ShortTermMemory;
import com.vproptrader.host.navigator.NavigatorConfig;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.scan.AlphaWeights;
import com.vproptrader.host.scan.BarHistory;
import com.vproptrader.host.scan.MemoryEvidence;
import com.vproptrader.host.scan.ScanConfig;
import com.vproptrader.host.scan.Scanner;
import com.vproptrader.proto.JournalKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything one account's loop works with, built in one place from the host config: the rule pack, the feed
 * and features, the scanner and the decider, memory, the calendar, the navigator, the loop's thread, the
 * terminal channel, and the pieces that act for the loop (orders, governor commands, session records, pauses,
 * the operators' view, the state file). {@link AccountEngine} routes each event through these.
 */
final class EngineKernel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AccountEngine.class);

    final HostConfig config;
    final PluginHost plugins;
    final Journal journal;
    final Clock clock;
    final String rulePackJson;
    final RulePack rulePack;
    final String rulePackSha256;
    /** Features, sessions and execution quality read the rule pack's server clock: the one model of server time. */
    final FeatureEngine features;
    final SessionClock sessions;
    final ExecutionQuality quality;
    final ScanConfig scanConfig;
    final BarHistory bars;
    final AlphaWeights weights;
    final Feed feed;
    /** Null without a macro config. */
    final Macro macro;
    final ShortTermMemory memory;
    /** This account's lots as its group sees them (nothing outside a group). */
    final GroupExposure group;
    /** What the scanner and the sizing read of {@link #memory}: outcomes per alpha × regime × symbol. */
    final MemoryEvidence evidence;
    final TradeDecider decider;
    final MarketCalendar calendar;
    /** True for the live engine (its own loop thread), false for a replay (lockstep on the caller's thread). */
    final boolean live;
    /** The challenge navigator (live only: a replay decides nothing by it and must not wait for it); else null. */
    final AccountNavigator navigator;
    final EventLoop loop;
    final TerminalChannel terminal;
    final OperatorDesk operatorDesk;
    /** The account as the terminal reports it, and each symbol's spec, last ticks and pending signal. */
    final AccountBook book = new AccountBook();
    final Map<String, SymbolMarket> markets = new HashMap<>();
    final OrderFlow orders;
    final GovernorCommands governorCommands;
    final SessionJournal sessionJournal;
    final TradingPause pause;
    final AdminProjection admin;
    final StateFile stateFile;

    EngineKernel(HostConfig config, PluginHost plugins, Journal journal, Clock clock, boolean ownThread,
                 MemoryConfig memoryConfig) {
        this.config = config;
        this.live = ownThread;
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
        this.terminal = new TerminalChannel(config, journal, rulePack);
        this.operatorDesk = new OperatorDesk(journal, terminal::send);
        this.evidence = new MemoryEvidence(memory);
        this.decider = new TradeDecider(config, plugins, journal, scanner, () -> evidence, features, bars, group);
        MarketCalendar breaks = config.calendarFile() == null ? MarketCalendar.NONE : CalendarFile.load(config.calendarFile());
        this.calendar = macro == null ? breaks : macro.calendar(breaks);
        this.loop = new EventLoop(ownThread, plugins.loopWatch(), e -> {
            // One bad event must not stop the account: log it, journal it, carry on.
            log.error("event failed", e);
            journal.note(JournalKind.KIND_ERROR, clock.eventMsc(), "", String.valueOf(e));
        });
        this.navigator = ownThread ? new AccountNavigator(NavigatorConfig.defaults(), calendar, journal, loop::enqueue)
                : null;
        this.orders = new OrderFlow(this, book, markets);
        this.governorCommands = new GovernorCommands(journal, terminal, rulePack.serverTimeZone());
        this.sessionJournal = new SessionJournal(journal, config, rulePack.name(), rulePackSha256);
        this.pause = new TradingPause(quality, journal);
        this.admin = new AdminProjection(this, book, markets);
        this.stateFile = new StateFile(this);
    }

    /** Closes what the kernel opened; the loop must have stopped. */
    @Override
    public void close() {
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
