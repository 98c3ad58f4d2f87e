package com.vproptrader.host.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains the "TP1 before SL" random forest: each tree is grown on a bootstrap sample of the rows (drawn with
 * replacement, a row's count is its weight) with a random subset of the features tried at each split, on
 * histograms of pre-binned features ({@link BinnedRows}, {@link HistogramTreeGrower}); a leaf holds the share
 * of TP1-first outcomes among its sampled rows.
 */
public final class ForestTrainer {
    /** Fewest sampled rows in a leaf (CART's usual floor). */
    static final double MIN_LEAF_ROWS = 5;

    /**
     * @param trees           number of trees
     * @param maxDepth        depth limit of each tree
     * @param featureFraction share of features tried at each split (the "random" in random forest)
     * @param seed            makes a training run repeatable
     */
    public record Config(int trees, int maxDepth, float featureFraction, long seed) {
        public static final Config DEFAULT = new Config(50, 8, 0.5f, 17L);

        public Config {
            if (trees < 1 || maxDepth < 1 || !(featureFraction > 0 && featureFraction <= 1)) {
                throw new IllegalArgumentException("bad forest config " + trees + "/" + maxDepth + "/" + featureFraction);
            }
        }
    }

    private final Config config;

    public ForestTrainer(Config config) {
        this.config = config;
    }

    public RandomForest train(ModelSchema schema, List<LabeledEntry> rows) {
        Trainers.requireBothOutcomes(rows);
        int n = rows.size();
        double[] outcome = new double[n];
        for (int i = 0; i < n; i++) {
            outcome[i] = rows.get(i).target();
        }
        var grower = new HistogramTreeGrower(BinnedRows.of(rows, schema.size()));
        var settings = new HistogramTreeGrower.Settings(config.maxDepth(), MIN_LEAF_ROWS, config.featureFraction());
        SplittableRandom random = new SplittableRandom(config.seed());
        double[] count = new double[n];
        List<DecisionTree> trees = new ArrayList<>(config.trees());
        for (int t = 0; t < config.trees(); t++) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[random.nextInt(n)]++;
            }
            trees.add(grower.grow(outcome, count, settings, random, null));
        }
        return new RandomForest(schema, trees);
    }
}
