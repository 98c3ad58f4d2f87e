package com.vproptrader.host.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gradient boosting on the log loss: each round fits a least-squares regression tree to the residuals
 * (outcome minus current probability) and adds it, scaled by the learning rate, to the log-odds. The trees
 * are grown on histograms of pre-binned features ({@link BinnedRows}, binned once for every round,
 * {@link HistogramTreeGrower}); a leaf holds the mean residual of its rows.
 * The meta-learner: trained on alpha votes, Q* inputs, regime, execution quality and the forest's output.
 */
public final class BoostedTreesTrainer {
    /**
     * @param rounds       number of trees
     * @param maxDepth     depth of each tree
     * @param learningRate shrinkage of each tree's step
     * @param minLeafRows  fewest rows a leaf may hold (keeps leaves from fitting single trades)
     */
    public record Config(int rounds, int maxDepth, double learningRate, float minLeafRows, long seed) {
        public static final Config DEFAULT = new Config(60, 4, 0.1, 20f, 17L);

        public Config {
            if (rounds < 1 || maxDepth < 1 || !(learningRate > 0 && learningRate <= 1) || minLeafRows < 1) {
                throw new IllegalArgumentException("bad boosting config " + this);
            }
        }
    }

    private final Config config;

    public BoostedTreesTrainer(Config config) {
        this.config = config;
    }

    public BoostedTrees train(ModelSchema schema, List<LabeledEntry> rows) {
        Trainers.requireBothOutcomes(rows);
        int n = rows.size();
        double mean = rows.stream().mapToDouble(LabeledEntry::target).average().orElseThrow();
        double base = Math.log(mean / (1 - mean));
        double[] margin = new double[n];
        Arrays.fill(margin, base);
        double[] residual = new double[n];
        double[] everyRow = new double[n];
        Arrays.fill(everyRow, 1);
        double[] fitted = new double[n];
        var grower = new HistogramTreeGrower(BinnedRows.of(rows, schema.size()));
        var settings = new HistogramTreeGrower.Settings(config.maxDepth(), config.minLeafRows(), 1.0);
        SplittableRandom random = new SplittableRandom(config.seed()); // unused while every feature is tried
        List<DecisionTree> trees = new ArrayList<>(config.rounds());
        for (int round = 0; round < config.rounds(); round++) {
            for (int i = 0; i < n; i++) {
                residual[i] = rows.get(i).target() - BoostedTrees.sigmoid(margin[i]);
            }
            trees.add(grower.grow(residual, everyRow, settings, random, fitted));
            for (int i = 0; i < n; i++) {
                margin[i] += config.learningRate() * fitted[i];
            }
        }
        return new BoostedTrees(schema, base, config.learningRate(), trees);
    }
}
