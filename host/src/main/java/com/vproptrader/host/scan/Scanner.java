package com.vproptrader.host.scan;

import com.vproptrader.host.feature.FeatureSet;
import com.vproptrader.host.feature.Regime;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.plugin.PluginSet;
import com.vproptrader.host.learn.CandidateFeatures;
import com.vproptrader.host.learn.ModelProbability;
import com.vproptrader.host.plugin.PluginSlot;
import com.vproptrader.host.plugin.ShadowCompare;
import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.AlphaOutput;
import com.vproptrader.proto.ModelOutput;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Tick;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Scans one symbol at one event: which alphas to ask (all of them when the symbol's bar closed, those that
 * asked for ticks otherwise; of those, the ones the {@link RegimeBandit} lets trade in the symbol's regime),
 * one shared {@link AlphaInput} for all of them, every call through the plugin host's guard, the votes merged
 * with the {@link AlphaWeights}, and the {@link QScore} grade. Runs on the event loop; journals nothing itself
 * (the caller journals the candidate it gets), reports oddities and shadow versions' answers through
 * {@code report}. The model's P(TP1 before SL) comes from {@link ModelProbability} (the learning loop's
 * serving model, on the host's candidate vector with the merged side and the lead vote's strength).
 */
public final class Scanner {
    private final ScanConfig config;
    private final PluginHost plugins;
    private final BarHistory bars;
    private final AlphaRoster roster;
    private final AlphaWeights weights;
    private final RegimeBandit bandit;
    private final ScanStats stats = new ScanStats();
    private final ModelProbability model;
    private final Consumer<String> report;
    /** What the shadow versions answered in the current scan (alphas and the model), for their paper book. */
    private final List<ShadowAnswer> shadowAnswers = new ArrayList<>();
    /** The plugin set {@link #dueOnTicks} and {@link #dueOnBars} were made for (each made at its first use). */
    private PluginSet dueSet;
    private Due dueOnTicks;
    private Due dueOnBars;

    /**
     * One shadow's answer in a scan: an alpha's vote ({@code side}, {@code strength}; probability NaN) or a
     * model's P(TP1 before SL) on the merged candidate ({@code probability}; side unspecified).
     */
    public record ShadowAnswer(String label, Side side, double strength, double probability) {
    }

    public Scanner(ScanConfig config, PluginHost plugins, BarHistory bars, AlphaWeights weights,
                   Set<String> knownFeatures, Consumer<String> report) {
        this.config = config;
        this.plugins = plugins;
        this.bars = bars;
        this.weights = weights;
        this.roster = new AlphaRoster(plugins, knownFeatures, report);
        this.bandit = new RegimeBandit(config.banditMayTrade(), config.banditSeed(), config.evidence());
        this.model = new ModelProbability(plugins, CandidateFeatures.DEFAULT);
        this.report = report;
    }

    /**
     * @param set       the plugin set read once for this event
     * @param tick      the event's tick (of {@code symbol})
     * @param features  the symbol's features (null before its first bar)
     * @param base      builds the input without bars (tick, spec, mids, the features named); called at most once
     * @param trades    closed-trade evidence
     * @return a candidate when some alpha voted and the merge has a direction; graded, not yet filtered
     */
    public Optional<Candidate> scan(PluginSet set, Tick tick, FeatureSet features, InputBase base,
                                    TradeEvidence trades) {
        shadowAnswers.clear();
        String symbol = tick.getSymbol();
        Due due = due(set, bars.takeBarClose(symbol));
        if (due.alphas().isEmpty()) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        String regime = (features == null ? Regime.UNKNOWN : features.regime()).name();
        Set<String> allowed = bandit.allowed(due.ids(), regime, symbol, tick.getTimeMsc(), trades);
        AlphaRoster.Demand demand = due.demand();
        AlphaInput.Builder builder = base.build(demand.features());
        bars.fill(builder, symbol, Math.min(demand.bars(), config.barsKept()), demand.peers());
        AlphaInput input = builder.build();
        List<PluginSlot<AlphaStrategy>> asked = new ArrayList<>(due.alphas().size());
        for (PluginSlot<AlphaStrategy> a : due.alphas()) {
            if (allowed.contains(a.pluginId())) {
                asked.add(a);
            }
        }
        int evaluated = asked.size();
        // one hand-off to the guard for every alpha of this scan, each under its own budget
        List<Optional<AlphaOutput>> outs = plugins.callEach(asked, s -> s.evaluate(input), null, shadows(
                (x, y) -> x.getDirection() == y.getDirection(), o -> o.getDirection() + " " + o.getStrength(),
                (label, o) -> shadowAnswers.add(new ShadowAnswer(label, o.getDirection(), o.getStrength(), Double.NaN))));
        List<Vote> votes = new ArrayList<>();
        for (int i = 0; i < evaluated; i++) {
            Optional<AlphaOutput> out = outs.get(i);
            if (out.isPresent() && out.get().getDirection() != Side.SIDE_UNSPECIFIED
                    && out.get().getStrength() >= config.minStrength() && out.get().getStrength() <= 1) {
                PluginSlot<AlphaStrategy> a = asked.get(i);
                AlphaOutput o = out.get();
                votes.add(new Vote(a.pluginId(), a.label(), o.getDirection(), o.getStrength(),
                        weights.weight(a.pluginId()), o.getReason()));
            }
        }
        Optional<Candidate> candidate = merge(set, symbol, regime, votes, features, trades);
        stats.scanned(evaluated, System.nanoTime() - start);
        if (votes.isEmpty()) {
            stats.rejected("no_vote");
        } else if (candidate.isEmpty()) {
            stats.rejected("split_vote");
        } else {
            stats.graded(candidate.get().grade());
            if (!candidate.get().grade().proceeds()) {
                stats.rejected(candidate.get().grade().rejection());
            }
        }
        return candidate;
    }

    /**
     * The alphas a scan asks (all of them when the symbol's bar closed, those that asked for ticks otherwise),
     * their plugin ids and what they need: the same for every scan of one plugin set, so made once per set and
     * kind of scan (a swap brings a new set).
     */
    private Due due(PluginSet set, boolean barClosed) {
        if (set != dueSet) {
            dueSet = set;
            dueOnTicks = null;
            dueOnBars = null;
        }
        if (barClosed) {
            if (dueOnBars == null) {
                dueOnBars = Due.of(set.alphas(), roster);
            }
            return dueOnBars;
        }
        if (dueOnTicks == null) {
            List<PluginSlot<AlphaStrategy>> onTicks = new ArrayList<>();
            for (PluginSlot<AlphaStrategy> a : set.alphas()) {
                if (roster.needs(a).getOnTicks()) {
                    onTicks.add(a);
                }
            }
            dueOnTicks = Due.of(onTicks, roster);
        }
        return dueOnTicks;
    }

    private record Due(List<PluginSlot<AlphaStrategy>> alphas, List<String> ids, AlphaRoster.Demand demand) {
        static Due of(List<PluginSlot<AlphaStrategy>> alphas, AlphaRoster roster) {
            List<String> ids = new ArrayList<>(alphas.size());
            for (PluginSlot<AlphaStrategy> a : alphas) {
                ids.add(a.pluginId());
            }
            return new Due(List.copyOf(alphas), List.copyOf(ids), roster.demand(alphas));
        }
    }

    /** Builds a scan's input without bars: tick, spec, mids, and of the symbol's features those named (none: empty). */
    @FunctionalInterface
    public interface InputBase {
        AlphaInput.Builder build(Set<String> featureNames);
    }

    /** The scanner's counters with the alpha weights (the admin snapshot's view). */
    public com.vproptrader.proto.ScanSummary summary() {
        com.vproptrader.proto.ScanSummary.Builder b = stats.toProto().toBuilder();
        weights.snapshot().forEach((alpha, w) -> b.addWeights(
                com.vproptrader.proto.AlphaWeight.newBuilder().setAlpha(alpha).setWeight(w)));
        return b.build();
    }

    /** The bandit's posterior of each serving alpha × every regime (the admin read; changes nothing). */
    public com.vproptrader.proto.BanditPosteriors banditPosteriors(PluginSet set, TradeEvidence trades) {
        List<String> alphas = set.alphas().stream().map(PluginSlot::pluginId).distinct().sorted().toList();
        List<String> regimes = java.util.Arrays.stream(Regime.values()).map(Regime::name).toList();
        return bandit.posteriors(alphas, regimes, trades);
    }

    private Optional<Candidate> merge(PluginSet set, String symbol, String regime, List<Vote> votes,
                                      FeatureSet features, TradeEvidence trades) {
        double net = 0;
        double weightSum = 0;
        for (Vote v : votes) {
            net += v.weight() * v.sign() * v.strength();
            weightSum += v.weight();
        }
        if (votes.isEmpty() || net == 0) {
            return Optional.empty();
        }
        Side side = net > 0 ? Side.BUY : Side.SELL;
        double agreement = Math.abs(net) / weightSum;
        Vote lead = null;
        double fitSum = 0;
        double fitWeight = 0;
        for (Vote v : votes) {
            if (v.side() != side) {
                continue;
            }
            double ws = v.weight() * v.strength();
            if (lead == null || ws > lead.weight() * lead.strength()) {
                lead = v;
            }
            fitSum += ws * config.evidence().winProbability(trades, v.alphaId(), regime, symbol);
            fitWeight += ws;
        }
        double regimeFit = fitSum / fitWeight;
        double model = this.model.modelProbability(set, features, side, lead.strength(),
                        shadows(ModelProbability::agree, o -> String.valueOf(o.getProbability()),
                                (label, o) -> shadowAnswers.add(new ShadowAnswer(label, Side.SIDE_UNSPECIFIED,
                                        Double.NaN, o.getProbability()))))
                .map(ModelOutput::getProbability).orElse(Double.NaN);
        String modelVersion = Double.isNaN(model) ? "" : ModelProbability.servingLabel(set);
        double execution = execution(features);
        double q = config.q().score(agreement, model, regimeFit, execution);
        return Optional.of(new Candidate(symbol, side, agreement, lead, votes, regime, model, modelVersion, regimeFit,
                execution, q,
                config.q().grade(q)));
    }

    /** The shadow versions' answers of the last {@link #scan} (empty when none serve as shadow). */
    public List<ShadowAnswer> shadowAnswers() {
        return shadowAnswers.isEmpty() ? List.of() : List.copyOf(shadowAnswers);
    }

    /** Shadow versions' answers on the same input, set beside the serving one's, go out as notes. */
    private <R> ShadowCompare<R> shadows(BiPredicate<R, R> agree, Function<R, String> show,
                                         java.util.function.BiConsumer<String, R> answers) {
        return new ShadowCompare<>(agree, show, line -> report.accept("shadow " + line), answers);
    }

    /** min(1, mean spread / spread): 1 at or under the usual spread, ½ at twice it; NaN before statistics. */
    private static double execution(FeatureSet features) {
        if (features == null) {
            return Double.NaN;
        }
        double spread = features.get("spread");
        double mean = features.get("spread_mean");
        return spread > 0 && mean > 0 ? Math.min(1, mean / spread) : Double.NaN;
    }

    public ScanStats stats() {
        return stats;
    }

    public ScanConfig config() {
        return config;
    }
}
