package com.vproptrader.host.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Out-of-sample evidence for a trainer: walk forward, train on each fold's past, score its test stretch, and
 * pool every test decision into one set of {@link Metrics}. No row is ever scored by a model that saw its
 * outcome.
 */
public final class OutOfSample {
    /** The pooled metrics, and the probabilities in test order (one per test entry, folds in time order). */
    public record Evaluation(Metrics metrics, List<LabeledEntry> scored, double[] probabilities) {
    }

    private OutOfSample() {
    }

    public static Evaluation evaluate(WalkForward walk, List<LabeledEntry> entries, ModelSchema schema,
                                      BiFunction<ModelSchema, List<LabeledEntry>, ? extends ProbabilityModel> trainer) {
        List<LabeledEntry> scored = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        for (WalkForward.Split s : walk.splits(entries)) {
            if (s.test().isEmpty() || !bothOutcomes(s.train())) {
                continue; // too early to train: no decision is made in this stretch
            }
            ProbabilityModel model = trainer.apply(schema, s.train());
            for (LabeledEntry e : s.test()) {
                scored.add(e);
                p.add(model.probability(e.sharedFeatures()));
            }
        }
        if (scored.isEmpty()) {
            throw new IllegalArgumentException("no fold had enough history to train on");
        }
        double[] probs = p.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] y = new boolean[probs.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = scored.get(i).tp1First();
        }
        return new Evaluation(Metrics.of(probs, y), List.copyOf(scored), probs);
    }

    private static boolean bothOutcomes(List<LabeledEntry> rows) {
        return rows.stream().anyMatch(LabeledEntry::tp1First) && rows.stream().anyMatch(e -> !e.tp1First());
    }
}
