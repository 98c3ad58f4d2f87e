package com.vproptrader.host.learn;

import com.vproptrader.host.risk.StopPlanner;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One retrain at time {@code now}: walk-forward out-of-sample metrics on what was known, a final model on
 * every entry whose outcome was known a purge before now, its ONNX export verified on the last folds'
 * held-out rows, and the result registered as a candidate with its out-of-sample calibration, plus one drift
 * check of the window's newest tenth against the rest. Promotion is the publisher's decision.
 */
public final class Retraining {
    /** Rows the export is verified on (the latest out-of-sample rows). */
    static final int VERIFY_ROWS = 1_000;
    /** The newest share of a training window checked for drift against the rest. */
    static final double RECENT_SHARE = 0.1;

    private final WalkForward walk;
    private final ModelRegistry registry;
    /** What TP1 pays in R: the stop plan's TP1 distance over its SL distance. */
    private final double payoffR;

    public Retraining(WalkForward walk, ModelRegistry registry) {
        this(walk, registry, StopPlanner.DEFAULT.tp1Multiple());
    }

    public Retraining(WalkForward walk, ModelRegistry registry, double payoffR) {
        this.walk = walk;
        this.registry = registry;
        this.payoffR = payoffR;
    }

    public ModelVersion train(ModelSchema schema, List<LabeledEntry> entries, long nowMs,
                              BiFunction<ModelSchema, List<LabeledEntry>, ? extends ProbabilityModel> trainer) {
        List<LabeledEntry> known = walk.trainableAt(entries, nowMs);
        OutOfSample.Evaluation oos = OutOfSample.evaluate(walk, known, schema, trainer);
        ProbabilityModel model = trainer.apply(schema, known);
        byte[] onnx = model.onnx();
        List<LabeledEntry> scored = oos.scored();
        var check = ExportCheck.require(model, onnx, scored.subList(Math.max(0, scored.size() - VERIFY_ROWS), scored.size()));
        long from = known.get(0).entryMs();
        long to = known.stream().mapToLong(LabeledEntry::labelKnownMs).max().orElseThrow();
        boolean[] outcomes = new boolean[scored.size()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = scored.get(i).tp1First();
        }
        ModelVersion v = registry.register(model, onnx, from, to, known.size(), oos.metrics(),
                WalkForwardTrading.replay(scored, oos.probabilities(), payoffR),
                Calibration.of(oos.probabilities(), outcomes), check.maxDifference(), nowMs);
        registry.recordDrift(v.id(), newestAgainstRest(schema, known), nowMs);
        return v;
    }

    /**
     * Did the market move within the window? The newest {@link #RECENT_SHARE} of the entries against the rest:
     * PSI per feature and the error of an autoencoder trained on the rest.
     */
    private static DriftMonitor.Report newestAgainstRest(ModelSchema schema, List<LabeledEntry> known) {
        int cut = (int) Math.round(known.size() * (1 - RECENT_SHARE));
        List<double[]> rest = known.subList(0, cut).stream().map(LabeledEntry::features).toList();
        List<double[]> newest = known.subList(cut, known.size()).stream().map(LabeledEntry::features).toList();
        Autoencoder ae = Autoencoder.train(rest, Autoencoder.Config.DEFAULT);
        return new DriftMonitor(schema, rest, ae, DriftMonitor.Thresholds.DEFAULT).check(newest);
    }
}
