package com.vproptrader.host.learn;

import java.util.List;
import java.util.function.BiFunction;

/**
 * One retrain at time {@code now}: walk-forward out-of-sample metrics on what was known, a final model on
 * every entry whose outcome was known a purge before now, its ONNX export verified on the last folds'
 * held-out rows, and the result registered as a candidate. Promotion is the publisher's decision.
 */
public final class Retraining {
    /** Rows the export is verified on (the latest out-of-sample rows). */
    static final int VERIFY_ROWS = 1_000;

    private final WalkForward walk;
    private final ModelRegistry registry;

    public Retraining(WalkForward walk, ModelRegistry registry) {
        this.walk = walk;
        this.registry = registry;
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
        return registry.register(model, onnx, from, to, known.size(), oos.metrics(), check.maxDifference(), nowMs);
    }
}
