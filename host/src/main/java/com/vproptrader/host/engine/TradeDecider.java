package com.vproptrader.host.engine;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.exec.CandidateEdge;
import com.vproptrader.host.exec.ExecutionQuality;
import com.vproptrader.host.feature.FeatureEngine;
import com.vproptrader.host.feature.FeatureSet;
import com.vproptrader.host.govern.Verdict;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.order.OrderIntent;
import com.vproptrader.host.group.GroupExposure;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.memory.EntryContext;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.plugin.PluginSet;
import com.vproptrader.host.plugin.PluginSlot;
import com.vproptrader.host.plugin.ShadowCompare;
import com.vproptrader.host.risk.PortfolioLimits;
import com.vproptrader.host.risk.PositionSizer;
import com.vproptrader.host.risk.SizedOrder;
import com.vproptrader.host.risk.StopPlanner;
import com.vproptrader.host.scan.BarHistory;
import com.vproptrader.host.scan.Candidate;
import com.vproptrader.host.scan.Scanner;
import com.vproptrader.host.scan.TradeEvidence;
import com.vproptrader.host.scan.Vote;
import com.vproptrader.marketdata.SymbolTradability;
import com.vproptrader.plugin.api.SignalFilter;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.CandidateRecord;
import com.vproptrader.proto.EvidenceRecord;
import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.FilterVerdict;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SizingRecord;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.VetoRecord;
import com.vproptrader.proto.VetoSource;
import com.vproptrader.proto.VoteRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns one tick into at most one signal: the {@link Scanner} asks the alphas and grades the merged candidate
 * (only A+ and A go on), filters veto, the order is sized with volatility stops and a Kelly risk budget fed by
 * evidence (a model plugin's probability when one serves, else the closed trades of the lead alpha in this
 * regime on this symbol), and the prop-firm governors have the last word. Every step is journaled with the
 * tick's time. Runs on the event-loop thread.
 */
final class TradeDecider {
    /** A stop at least the stops level plus this many points beyond the spread (else MT5 refuses invalid stops). */
    private static final int MIN_STOP_POINTS_BEYOND_SPREAD = 2;

    private final HostConfig config;
    private final PluginHost plugins;
    private final Journal journal;
    private final Scanner scanner;
    private final Supplier<TradeEvidence> evidence;
    private final FeatureEngine featureEngine;
    private final BarHistory bars;
    private final PortfolioLimits limits = PortfolioLimits.DEFAULT;
    private final StopPlanner stops = StopPlanner.DEFAULT;
    private final ShadowPaperBook shadowBook = new ShadowPaperBook();
    private final GroupExposure group;

    TradeDecider(HostConfig config, PluginHost plugins, Journal journal, Scanner scanner,
                 Supplier<TradeEvidence> evidence, FeatureEngine featureEngine, BarHistory bars, GroupExposure group) {
        this.group = group;
        this.featureEngine = featureEngine;
        this.bars = bars;
        this.config = config;
        this.plugins = plugins;
        this.journal = journal;
        this.scanner = scanner;
        this.evidence = evidence;
    }

    /** The plugin set is read once by the caller per event, so a hot swap lands between two events. */
    Optional<Decided> decide(PluginSet set, SymbolMarket market, Map<String, SymbolMarket> markets, Tick tick,
                            FeatureSet features, PropFirmRules rules, AccountView view, AccountBook book,
                            ExecutionQuality quality, long nanos, long signalNo) {
        if (set.alphas().isEmpty() || market.size() < 2) {
            return Optional.empty();
        }
        TradeEvidence trades = evidence.get();
        Optional<Candidate> scanned = scanner.scan(set, tick, features, names -> alphaInput(market, tick, features, names), trades);
        paperShadows(market, tick, scanned.orElse(null));
        if (scanned.isEmpty()) {
            return Optional.empty();
        }
        Candidate c = scanned.get();
        long t = tick.getTimeMsc();
        journal.append(t, tick.getSymbol(), JournalRecord.newBuilder().setCandidate(record(c)).build());
        if (!c.grade().proceeds()) {
            return Optional.empty();
        }
        // The cheap guards first: what the broker would refuse (trade mode, outside the symbol's sessions), and a
        // symbol with a position or a pending order, never cost the filters a call.
        Optional<SymbolTradability.Refusal> closed = SymbolTradability.refusal(market.spec, c.side(), t);
        if (closed.isPresent()) {
            return vetoed(book, tick, VetoSource.VETO_GUARD, closed.get().name(), "guard: " + closed.get() + " on "
                    + tick.getSymbol() + " for a " + c.side() + " (the terminal's trade mode and sessions)");
        }
        Optional<String> pending = pendingVeto(market, book);
        if (pending.isPresent()) {
            return vetoed(book, tick, VetoSource.VETO_GUARD, pending.get(), "guard: " + pending.get() + " on "
                    + tick.getSymbol() + (market.pending == null ? "" : " " + market.pending.getSignalKey()));
        }
        double sigma = horizonSigma(market, tick);
        FilterInput quoted = quality.filterInput(tick, c.side(), market.spec,
                CandidateEdge.expectedMovePoints(c.agreement(), stops.slSigmas() * sigma / market.point()));
        FilterInput filterInput = config.spreadCapPoints() > 0
                ? quoted.toBuilder().setSpreadCapPoints(config.spreadCapPoints()).build() : quoted;
        // every filter in one hand-off to the guard, stopping at the first veto
        List<Optional<FilterVerdict>> verdicts = plugins.callEach(set.filters(), f -> f.check(filterInput),
                v -> !v.getPass(), shadow(tick, (x, y) -> x.getPass() == y.getPass(),
                        r -> r.getPass() ? "pass" : "veto " + r.getReason()));
        for (int i = 0; i < verdicts.size(); i++) {
            Optional<FilterVerdict> v = verdicts.get(i);
            if (v.isPresent() && !v.get().getPass()) {
                PluginSlot<SignalFilter> filter = set.filters().get(i);
                return vetoed(book, tick, VetoSource.VETO_FILTER, filter.label(), filter.label() + ": " + v.get().getReason());
            }
        }
        String key = tick.getSymbol() + "-" + tick.getTimeMsc() + "-" + signalNo;
        double entry = c.side() == Side.BUY ? tick.getAsk() : tick.getBid();
        OpenBook open = OpenBook.of(book, markets, featureEngine, market.spec.getSymbol(), c.side(), 0, entry);
        Optional<SizedOrder> sized = size(market, tick, sigma, features, c, trades, rules, view, open);
        if (sized.isEmpty()) {
            return vetoed(book, tick, VetoSource.VETO_SIZING, "BELOW_MIN_VOLUME",
                    "size: below the volume minimum for the risk budget");
        }
        Optional<PortfolioLimits.Rejection> portfolio = portfolioVeto(book, markets, c, sized.get(), entry, view);
        if (portfolio.isPresent()) {
            return vetoed(book, tick, VetoSource.VETO_PORTFOLIO, portfolio.get().code(),
                    portfolio.get().code() + ": " + portfolio.get().detail());
        }
        Signal signal = signal(key, market, tick, c.side(), sized.get(), c.lead().label());
        Verdict verdict = rules.check(OrderIntent.open(key, signal.getSymbol(), signal.getSide(), signal.getVolume(),
                signal.getReferencePrice(), signal.getSl(), signal.getTp2(), market.spec.getTickSize(),
                market.spec.getTickValue()), view, t);
        if (!verdict.allowed()) {
            return vetoed(book, tick, VetoSource.VETO_GOVERNOR, verdict.reason().name(),
                    "governor: " + verdict.reason() + " " + verdict.detail());
        }
        // last, once every rule of this account passed: booked in the group only if it is then sent
        Optional<GroupExposure.Refusal> grouped = group.book(signal.getSymbol(), signal.getVolume());
        if (grouped.isPresent()) {
            return vetoed(book, tick, VetoSource.VETO_PORTFOLIO, grouped.get().code(),
                    grouped.get().code() + ": " + grouped.get().detail());
        }
        journal.append(t, tick.getSymbol(), JournalRecord.newBuilder().setSizing(SizingRecord.newBuilder()
                .setLots(sized.get().lots().toPlainString()).setLossAtStop(sized.get().lossAtStop().toString())
                .setBudget(sized.get().budget().toString()).setLimitedBy(String.valueOf(sized.get().limitedBy()))).build());
        scanner.stats().signalled();
        return Optional.of(new Decided(signal, new EntryContext.Decision(c.q(), c.grade().label(), c.model(),
                c.modelVersion(), set.labels(), c.lead().strength())));
    }

    /**
     * What each shadow that answered this scan would trade goes on the paper book: an alpha's vote at the
     * serving strength, a model's probability above break-even (1 / (1 + TP1/SL)) on the merged candidate.
     */
    private void paperShadows(SymbolMarket market, Tick tick, Candidate c) {
        List<Scanner.ShadowAnswer> answers = scanner.shadowAnswers();
        if (answers.isEmpty()) {
            return;
        }
        double sigma = horizonSigma(market, tick);
        double breakEven = 1 / (1 + stops.tp1Multiple());
        for (Scanner.ShadowAnswer a : answers) {
            Side side = !Double.isNaN(a.probability())
                    ? (c != null && a.probability() > breakEven ? c.side() : Side.SIDE_UNSPECIFIED)
                    : (a.strength() >= scanner.config().minStrength() ? a.side() : Side.SIDE_UNSPECIFIED);
            if (side == Side.BUY || side == Side.SELL) {
                double entry = side == Side.BUY ? tick.getAsk() : tick.getBid();
                shadowBook.wouldTrade(a.label(), tick.getSymbol(), side, entry, stops.plan(side, entry, sigma, market.spec));
            }
        }
    }

    /** Settles the shadows' virtual positions on this tick (every tick, paused or not). */
    void settleShadows(Tick tick) {
        shadowBook.onTick(tick);
    }

    /** The shadows' would-be results by label. */
    java.util.Map<String, ShadowPaperBook.Stats> shadowPaper() {
        return shadowBook.snapshot();
    }

    /** The candidate as the journal keeps it (rendered to text on the journal's writer thread). */
    private static CandidateRecord record(Candidate c) {
        CandidateRecord.Builder b = CandidateRecord.newBuilder().setGrade(c.grade().label()).setQStar(c.q())
                .setSide(c.side()).setAgreement(c.agreement()).setModel(c.model()).setRegime(c.regime())
                .setRegimeFit(c.regimeFit()).setExecution(c.execution()).setLead(c.lead().label());
        for (Vote v : c.votes()) {
            b.addVotes(VoteRecord.newBuilder().setAlpha(v.label()).setSide(v.side()).setStrength(v.strength())
                    .setWeight(v.weight()).setReason(v.reason()));
        }
        return b.build();
    }

    /** The scanner's counters and each symbol's regime as the classifier last changed it, for the admin snapshot. */
    com.vproptrader.proto.ScanSummary scanStats() {
        return scanner.summary().toBuilder().addAllRegimes(featureEngine.regimes().toProto()).build();
    }

    /** The regime bandit's posteriors of the alphas in {@code set}, from the closed trades now. */
    com.vproptrader.proto.BanditPosteriors banditPosteriors(PluginSet set) {
        return scanner.banditPosteriors(set, evidence.get());
    }

    private Optional<Decided> vetoed(AccountBook book, Tick tick, VetoSource source, String code, String why) {
        journal.append(tick.getTimeMsc(), tick.getSymbol(), JournalRecord.newBuilder()
                .setVeto(VetoRecord.newBuilder().setSource(source).setCode(code).setDetail(why)).build());
        book.vetoes.count(source, code);
        // the scanner counts portfolio refusals by their own code (es95, correlation), the others by stage
        scanner.stats().rejected(source == VetoSource.VETO_PORTFOLIO ? code
                : source.name().substring("VETO_".length()).toLowerCase(java.util.Locale.ROOT));
        return Optional.empty();
    }

    /** The alphas' input without bars; of the features, those the asked alphas declared (a tick scan: often none). */
    private AlphaInput.Builder alphaInput(SymbolMarket market, Tick tick, FeatureSet features, Set<String> names) {
        AlphaInput.Builder b = AlphaInput.newBuilder().setTick(tick).setSpec(market.spec);
        if (!names.isEmpty() && features != null && features.isWarm()) {
            Map<String, Double> all = features.toMap();
            for (String name : names) {
                Double v = all.get(name);
                if (v != null) {
                    b.putFeatures(name, v);
                }
            }
        }
        return b.addAllMidHistory(market.mids());
    }

    /** Shadow versions' answers go to the journal beside the serving one's, at the tick's time. */
    private <R> ShadowCompare<R> shadow(Tick tick, BiPredicate<R, R> agree, Function<R, String> show) {
        return new ShadowCompare<>(agree, show, line -> journal.note(JournalKind.KIND_SHADOW, tick.getTimeMsc(), tick.getSymbol(), line));
    }

    /** A signal and what decided it (Q*, grade, model probability, the versions serving), for its entry row. */
    record Decided(Signal signal, EntryContext.Decision decision) {
    }

    /** One position per symbol, and nothing while an order on it awaits its fill or reject: the guard's code. */
    private static Optional<String> pendingVeto(SymbolMarket market, AccountBook book) {
        if (book.hasPosition(market.spec.getSymbol())) {
            return Optional.of("POSITION_OPEN");
        }
        if (market.pending != null) {
            return Optional.of("ORDER_PENDING");
        }
        return Optional.empty();
    }

    /**
     * Kelly inputs from evidence: P(win) is the model plugin's probability when one serves, else the posterior
     * mean of the lead alpha's closed trades in this regime on this symbol; the payoff is the realised average
     * win over average loss with the stop plan's payoff as the prior ({@link com.vproptrader.host.scan.Evidence}).
     */
    private Optional<SizedOrder> size(SymbolMarket market, Tick tick, double horizonSigma, FeatureSet features,
                                      Candidate c, TradeEvidence trades, PropFirmRules rules, AccountView view,
                                      OpenBook open) {
        Side side = c.side();
        double entry = side == Side.BUY ? tick.getAsk() : tick.getBid();
        double dailySigma = OpenBook.dailySigma(features, entry);
        var evidenceModel = scanner.config().evidence();
        String alpha = c.lead().alphaId();
        double pWin = !Double.isNaN(c.model()) ? c.model()
                : evidenceModel.winProbability(trades, alpha, c.regime(), c.symbol());
        double payoff = evidenceModel.payoff(trades, alpha, c.regime(), c.symbol(), payoff());
        journal.append(tick.getTimeMsc(), tick.getSymbol(), JournalRecord.newBuilder().setEvidence(EvidenceRecord.newBuilder()
                .setPWin(pWin).setPWinFrom(Double.isNaN(c.model()) ? "closed trades of " + alpha + " in " + c.regime()
                        : "model plugin").setPayoff(payoff).setStopPlanPayoff(payoff())).build());
        return rules.sizer().size(side, market.spec,
                new PositionSizer.Signal(pWin, payoff, new double[] {pWin, 1 - pWin}),
                new PositionSizer.Market(entry, horizonSigma, dailySigma), open.forSizing(),
                view.equity(), rules.governance().sizeFactor(view, rules.instant(tick.getTimeMsc())),
                rules.governance().dayQualifyingRisk(view, rules.instant(tick.getTimeMsc())));
    }

    /**
     * ES95 and correlation of the open book with the sized candidate in it ({@link PortfolioLimits}): the
     * historical ES95 over the symbols' aligned M1 returns, parametric while those are short.
     */
    private Optional<PortfolioLimits.Rejection> portfolioVeto(AccountBook book, Map<String, SymbolMarket> markets,
                                                              Candidate c, SizedOrder sized, double entry,
                                                              AccountView view) {
        OpenBook withIt = OpenBook.of(book, markets, featureEngine, c.symbol(), c.side(),
                sized.lots().doubleValue(), entry);
        List<String> order = new ArrayList<>();
        order.add(c.symbol()); // aligned on the candidate's bar times
        for (int i = 0; i < withIt.openCount(); i++) {
            order.add(withIt.symbols.get(i));
        }
        double[][] aligned = bars.alignedReturns(order, 240);
        double[][] returns = new double[0][0];
        if (aligned.length == order.size()) {
            returns = new double[order.size()][];
            for (int i = 0; i < withIt.openCount(); i++) {
                returns[i] = aligned[i + 1];
            }
            returns[withIt.openCount()] = aligned[0];
        }
        return limits.check(withIt.exposures, returns, withIt.dailyVols, withIt.correlation, view.equity().toDouble());
    }

    /**
     * σ of price over the alphas' look-back, widened so that 0.8σ clears the spread: the stop then sits beyond
     * the closing side of the quote, and the loss at SL (measured from the entry) is what the sizer sizes.
     */
    private double horizonSigma(SymbolMarket market, Tick tick) {
        double spread = tick.getAsk() - tick.getBid();
        int beyond = market.spec.getStopsLevelPoints() + MIN_STOP_POINTS_BEYOND_SPREAD;
        return Math.max(market.tickSigma() * Math.sqrt(market.size()),
                (spread + beyond * market.point()) / stops.slSigmas());
    }

    /** The stop plan's payoff, the prior of the realised one: half the position closes at TP1, the rest at TP2. */
    private double payoff() {
        return (stops.tp1Multiple() + stops.tp2Multiple()) / 2;
    }

    private Signal signal(String key, SymbolMarket market, Tick tick, Side side, SizedOrder sized, String alpha) {
        double entry = side == Side.BUY ? tick.getAsk() : tick.getBid();
        return Signal.newBuilder()
                .setSignalKey(key)
                .setSymbol(tick.getSymbol())
                .setSide(side)
                .setVolume(sized.lots().doubleValue())
                .setSl(sized.stops().sl())
                .setTp1(sized.stops().tp1())
                .setTp2(sized.stops().tp2())
                .setExpiryMsc(tick.getTimeMsc() + config.signalTtl().toMillis())
                .setReferencePrice(entry)
                .setAlpha(alpha)
                .setDecidedOnTickMsc(tick.getTimeMsc())
                .build();
    }
}
