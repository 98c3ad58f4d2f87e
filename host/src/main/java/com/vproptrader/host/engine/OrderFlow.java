package com.vproptrader.host.engine;

import com.vproptrader.host.feature.FeatureSet;
import com.vproptrader.host.feature.Regime;
import com.vproptrader.host.group.GroupExposure;
import com.vproptrader.host.memory.ClosedTrade;
import com.vproptrader.host.memory.EntryContext;
import com.vproptrader.host.memory.EntryRecords;
import com.vproptrader.host.memory.TradeTracker;
import com.vproptrader.host.navigator.MemoryOutcomes;
import com.vproptrader.host.navigator.TradeOutcome;
import com.vproptrader.host.risk.Money;
import com.vproptrader.host.risk.PriceMove;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.FillSource;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.Reject;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.WeightsRecord;

import java.math.RoundingMode;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A signal's way out and its answers' way back: sends a decided signal with its entry context, applies each fill
 * once (positions, governors, closed trades into memory, then one step of the alpha weights) and clears what a
 * reject refused; tells the account's group what it holds. Loop thread only.
 */
final class OrderFlow {
    private final EngineKernel k;
    private final AccountBook book;
    private final Map<String, SymbolMarket> markets;
    /** Follows positions from signal to last fill; every closed trade goes to the kernel's memory. */
    private final TradeTracker trades = new TradeTracker();
    /** Deal tickets applied, oldest first: the EA replays fills it could not deliver, some already here. */
    private final Set<Long> dealsApplied = Collections.newSetFromMap(new LinkedHashMap<Long, Boolean>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > 100_000;
        }
    });
    private long signalNo;

    OrderFlow(EngineKernel kernel, AccountBook book, Map<String, SymbolMarket> markets) {
        this.k = kernel;
        this.book = book;
        this.markets = markets;
    }

    TradeTracker trades() {
        return trades;
    }

    /** The number the next signal gets. */
    long nextSignalNo() {
        return signalNo + 1;
    }

    /**
     * Journals the signal, sends it, then ({@code sent} run in between) records its entry context. The context
     * (features, risk at stop, plugin versions) is bookkeeping the terminal does not wait for, so it follows the
     * send; no other event runs on the loop in between, and the journal keeps the signal row first.
     */
    void send(SymbolMarket market, TradeDecider.Decided decided, PropFirmRules rules, long loopNanos, Runnable sent) {
        Signal signal = decided.signal();
        signalNo++;
        book.counters.setSignals(book.counters.getSignals() + 1);
        market.pending = signal;
        k.journal.append(signal.getDecidedOnTickMsc(), signal.getSymbol(), JournalRecord.newBuilder().setSignal(signal).build());
        k.terminal.send(HostCommand.newBuilder().setSignal(signal));
        sent.run();
        k.quality.onSignalSent(signal, loopNanos);
        EntryContext entry = entryContext(market, signal, decided.decision(), rules);
        k.journal.append(signal.getDecidedOnTickMsc(), signal.getSymbol(),
                JournalRecord.newBuilder().setEntry(EntryRecords.of(entry)).build());
        trades.onSignal(entry);
    }

    /** {@code rules} is null before the first hello. */
    void onFill(Fill fill, PropFirmRules rules, long loopNanos) {
        if (fill.getDeal() != 0 && !dealsApplied.add(fill.getDeal())) {
            return;   // replayed by the EA after a reconnect: applied already (PROTOCOL.md section 7)
        }
        k.clock.observe(fill.getTimeMsc());
        k.journal.append(fill.getTimeMsc(), fill.getSymbol(),
                JournalRecord.newBuilder().setLoopNanos(loopNanos).setFill(fill).build());
        k.quality.onFill(fill, loopNanos);
        SymbolMarket market = markets.get(fill.getSymbol());
        if (market != null && market.isPending(fill.getSignalKey())) {
            market.pending = null;
            book.counters.setOrders(book.counters.getOrders() + 1);
        }
        book.onFill(fill);
        if (rules != null) {
            rules.onFill(fill);
        }
        trades.onFill(fill).ifPresent(trade -> onClosedTrade(trade, rules));
    }

    /**
     * The deals in the terminal's hello (its recent history) that this account has not journaled: a fill lost on the
     * link or in the journal writer when the host died, or a position opened and closed while the host was down.
     * Called after the positions were reconciled, so the book already holds the terminal's positions and is not
     * touched. Each such deal is journaled once as a fill marked {@code FILL_SOURCE_TERMINAL_HISTORY}, counted, and
     * goes to the closed trades unless its position was adopted from the snapshot. The governors count it only when
     * it is newer than the last fill they counted (persisted with their state): the link delivers fills in deal
     * order, so an older one reached them before the host died even if its journal row did not.
     */
    void onRecentDeals(List<Fill> deals, PropFirmRules rules, long loopNanos) {
        if (deals.isEmpty()) {
            return;
        }
        long from = deals.stream().mapToLong(Fill::getTimeMsc).min().orElseThrow();
        // a deal journaled by an earlier run of the host counts as applied: the EA may also replay its fill
        k.journal.read(JournalKind.KIND_FILL, from).forEach(e -> dealsApplied.add(e.record().getFill().getDeal()));
        java.time.Instant countedUpTo = rules == null ? null : rules.governance().lastFill();
        List<Fill> ordered = deals.stream()
                .sorted(Comparator.comparingLong(Fill::getTimeMsc).thenComparingLong(Fill::getDeal)).toList();
        for (Fill fill : ordered) {
            if (fill.getDeal() == 0 || !dealsApplied.add(fill.getDeal())) {
                continue;
            }
            k.journal.append(fill.getTimeMsc(), fill.getSymbol(), JournalRecord.newBuilder().setLoopNanos(loopNanos)
                    .setFillSource(FillSource.FILL_SOURCE_TERMINAL_HISTORY).setFill(fill).build());
            book.counters.setFills(book.counters.getFills() + 1);
            markets.values().stream().filter(m -> m.isPending(fill.getSignalKey())).forEach(m -> {
                m.pending = null;
                book.counters.setOrders(book.counters.getOrders() + 1);
            });
            if (rules != null && (countedUpTo == null || rules.instant(fill.getTimeMsc()).isAfter(countedUpTo))) {
                rules.onFill(fill);
            }
            trades.onRecoveredFill(fill).ifPresent(trade -> onClosedTrade(trade, rules));
        }
    }

    void onReject(Reject reject, long loopNanos) {
        k.journal.append(k.clock.eventMsc(), "", JournalRecord.newBuilder().setLoopNanos(loopNanos).setReject(reject).build());
        k.quality.onReject(reject, loopNanos);
        book.counters.setRejects(book.counters.getRejects() + 1);
        markets.values().stream().filter(m -> m.isPending(reject.getSignalKey())).forEach(m -> {
            m.pending = null;
            book.counters.setOrders(book.counters.getOrders() + 1);
        });
    }

    /** What this account holds per symbol (a position, or an order awaiting its fill), for its group. */
    void publishHoldings(long loopNanos) {
        if (k.group == GroupExposure.NONE) {
            return;
        }
        Map<String, Double> lots = new HashMap<>();
        markets.forEach((symbol, m) -> lots.put(symbol, m.pending == null ? 0.0 : m.pending.getVolume()));
        book.positions.values().forEach(p -> lots.merge(p.getSymbol(), p.getVolume(), Double::sum));
        k.group.holding(lots, loopNanos);
    }

    /**
     * Where the navigator reads the account's closed trades up to {@code asOfMsc}: short-term memory, read on the
     * navigator's thread (its reads are thread-safe), with the balance the loop knows now.
     */
    Supplier<List<TradeOutcome>> closedTrades(long asOfMsc) {
        Money balance = Money.of(book.account.getBalance(), RoundingMode.FLOOR);
        return () -> MemoryOutcomes.from(k.memory.recent(0), asOfMsc, k.rulePack.serverTimeZone(), balance);
    }

    /** A position closed: the memory records it, then the alpha weights take one step from the newest trades. */
    private void onClosedTrade(ClosedTrade trade, PropFirmRules rules) {
        k.memory.record(trade);
        List<String> serving = k.plugins.current().alphas().stream().map(a -> a.pluginId()).toList();
        k.weights.onClosedTrade(serving,
                k.evidence.recent(k.scanConfig.weights().window() * Math.max(1, serving.size())));
        k.journal.append(trade.closeTimeMsc(), trade.symbol(), JournalRecord.newBuilder()
                .setWeights(WeightsRecord.newBuilder().putAllWeights(k.weights.snapshot())).build());
        if (k.navigator != null && rules != null) {
            k.navigator.afterClosedTrade(rules, rules.view(book.account, book.positions.values(), markets),
                    trade.closeTimeMsc(), closedTrades(trade.closeTimeMsc()));
        }
    }

    /**
     * What the loop knew when it decided {@code signal}: regime, session, the features computable so far (a value
     * is NaN until its window fills, and NaNs are not kept) and the loss at the stop.
     */
    private EntryContext entryContext(SymbolMarket market, Signal signal, EntryContext.Decision decision,
                                      PropFirmRules rules) {
        FeatureSet set = k.features.features(signal.getSymbol());
        Money risk = signal.getSl() == 0 ? Money.ZERO : PriceMove.loss(signal.getVolume(), signal.getReferencePrice(),
                signal.getSl(), market.spec.getTickSize(), market.spec.getTickValue());
        return new EntryContext(signal, set == null ? Regime.UNKNOWN.name() : set.regime().name(),
                k.sessions.sessionAt(signal.getDecidedOnTickMsc()).name(), risk, k.rulePack.name(),
                rules.governance().status().state().name(), set == null ? Map.of() : set.toMap(), decision);
    }
}
