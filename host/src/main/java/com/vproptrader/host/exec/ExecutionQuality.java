package com.vproptrader.host.exec;

import com.vproptrader.host.feature.SessionClock;
import com.vproptrader.host.feature.TradingSession;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.Reject;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.Tick;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One account's execution quality, fed by its event loop: spreads per symbol and session, quote activity,
 * slippage of its own fills against the signal's reference price, and round-trip latency from sending a
 * signal to its fill or reject. It answers two questions: what a filter plugin sees about a candidate
 * ({@link #filterInput}), and whether trading as a whole must pause for latency ({@link #pauseReason}).
 *
 * <p>Owned by the event-loop thread; not thread-safe. Time: tick and fill times are broker server ms from
 * the events; latency uses the {@code nanos} the loop passes, read once per event from its injected
 * monotonic clock ({@code System::nanoTime} live, journaled values in replay). Nothing here reads a clock,
 * so the same call sequence gives the same answers. Per tick it only writes primitive rings.
 */
public final class ExecutionQuality {
    private final ExecutionQualityConfig config;
    private final SessionClock sessions;
    private final Map<String, SymbolExecution> symbols = new HashMap<>();
    private final SentSignals sent;
    private final RoundTrips roundTrips;
    private final LatencyPause pause;

    public ExecutionQuality(ExecutionQualityConfig config, SessionClock sessions) {
        this.config = config;
        this.sessions = sessions;
        this.sent = new SentSignals(config.maxPendingSignals());
        this.roundTrips = new RoundTrips(config.roundTripWindow(), config.recentWindowMs());
        this.pause = new LatencyPause(config, roundTrips, sent);
    }

    /** Every tick the feed accepted, before any decision on it. */
    public void onTick(Tick tick, SymbolSpec spec) {
        SymbolExecution s = symbols.get(tick.getSymbol());
        if (s == null) { // not computeIfAbsent: its capturing lambda would allocate on every tick
            s = new SymbolExecution(config);
            symbols.put(tick.getSymbol(), s);
        }
        s.setSpec(spec);
        s.lastSpreadPoints = Points.spread(tick, s.point);
        s.spreads.add(s.lastSpreadPoints, sessions.sessionAt(tick.getTimeMsc()));
        s.quotes.onTick(tick);
    }

    /** A signal has just been handed to the terminal link; the spread it meets is the symbol's last one. */
    public void onSignalSent(Signal signal, long nanos) {
        SymbolExecution s = symbols.get(signal.getSymbol());
        sent.add(signal, s == null ? Double.NaN : s.lastSpreadPoints, nanos);
    }

    /**
     * Every fill. The first deal of a signal we sent ends its round trip; each of its entry deals (a partial
     * fill is several) becomes a slippage sample. Fills of positions closed by SL/TP or by hand are ignored.
     */
    public void onFill(Fill fill, long nanos) {
        int slot = fill.getSignalKey().isEmpty() ? -1 : sent.find(fill.getSignalKey());
        if (slot < 0 || fill.getEntry() == DealEntry.ENTRY_OUT) {
            return;
        }
        double roundTrip = sent.answer(slot, nanos);
        if (!Double.isNaN(roundTrip)) {
            roundTrips.add(roundTrip, nanos);
        }
        SymbolExecution s = symbols.get(fill.getSymbol());
        double reference = sent.referencePrice(slot);
        if (s != null && reference > 0 && fill.getPrice() > 0) {
            s.fills.add(sent.side(slot), fill.getVolume(), fill.getPrice(), reference, s.point,
                    sent.spreadAtSend(slot), fill.getTimeMsc());
        }
    }

    /** A refusal ends the signal's round trip like a fill does: the terminal answered. */
    public void onReject(Reject reject, long nanos) {
        int slot = sent.find(reject.getSignalKey());
        if (slot >= 0) {
            double roundTrip = sent.answer(slot, nanos);
            if (!Double.isNaN(roundTrip)) {
                roundTrips.add(roundTrip, nanos);
            }
        }
    }

    /**
     * What the filter plugins see about a candidate on {@code tick}.
     *
     * @param expectedMovePoints the candidate's edge, see {@link CandidateEdge#expectedMovePoints}
     */
    public FilterInput filterInput(Tick tick, Side side, SymbolSpec spec, double expectedMovePoints) {
        double point = Points.size(spec);
        TradingSession session = sessions.sessionAt(tick.getTimeMsc());
        FilterInput.Builder b = FilterInput.newBuilder()
                .setTick(tick).setDirection(side).setSpec(spec)
                .setSpreadPoints(Points.spread(tick, point))
                .setSession(session.name())
                .setExpectedMovePoints(expectedMovePoints);
        SymbolExecution s = symbols.get(tick.getSymbol());
        if (s != null) {
            b.addAllRecentSpreadsPoints(s.spreads.oldestFirst())
                    .addAllSessionSpreadsPoints(s.spreads.oldestFirst(session));
            s.fills.forEachOldestFirst(b::addOwnFills);
            b.setQuoteChangesLastSecond(s.quotes.changesInLastSecond(tick.getTimeMsc()))
                    .setQuoteChangesPerSecondAvg(s.quotes.perSecondOverLastMinute(tick.getTimeMsc()));
        }
        return b.build();
    }

    /**
     * Why trading must pause for latency right now, or empty to trade. Call once per event before deciding
     * (it also advances the resume timer): while it answers a reason, send no new signals.
     */
    public Optional<String> pauseReason(long nanos) {
        return pause.update(nanos);
    }

    /** The loop's state for one symbol. */
    private static final class SymbolExecution {
        final SpreadHistory spreads;
        final QuoteActivity quotes = new QuoteActivity(1024);
        final FillSlippages fills;
        double point = 1e-5;
        double lastSpreadPoints = Double.NaN;
        private SymbolSpec spec;

        SymbolExecution(ExecutionQualityConfig config) {
            spreads = new SpreadHistory(config.spreadWindow(), config.sessionSpreadWindow());
            fills = new FillSlippages(config.fillWindow());
        }

        void setSpec(SymbolSpec newSpec) {
            if (newSpec != spec) { // same instance tick after tick: the point is computed once
                spec = newSpec;
                point = Points.size(newSpec);
            }
        }
    }
}
