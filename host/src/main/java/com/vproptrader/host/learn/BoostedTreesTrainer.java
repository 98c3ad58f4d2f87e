package com.vproptrader.host.learn;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.regression.rtree.IndependentRegressionTreeModel;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * Gradient boosting on the log loss with Tribuo CART regression trees: each round fits a tree to the
 * residuals (outcome minus current probability) and adds it, scaled by the learning rate, to the log-odds.
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
        java.util.Arrays.fill(margin, base);
        double[] residual = new double[n];
        var trainer = new CARTRegressionTrainer(config.maxDepth(), config.minLeafRows(), 0f, 1f, false,
                new MeanSquaredError(), config.seed());
        List<IndependentRegressionTreeModel> trees = new ArrayList<>(config.rounds());
        for (int round = 0; round < config.rounds(); round++) {
            for (int i = 0; i < n; i++) {
                residual[i] = rows.get(i).target() - BoostedTrees.sigmoid(margin[i]);
            }
            var tree = (IndependentRegressionTreeModel) trainer.train(TribuoRows.targets(schema, rows, residual));
            trees.add(tree);
            for (int i = 0; i < n; i++) {
                var example = TribuoRows.example(schema, rows.get(i).sharedFeatures(), TribuoRows.unknownRegressor());
                margin[i] += config.learningRate() * tree.predict(example).getOutput().getValues()[0];
            }
        }
        return new BoostedTrees(schema, base, config.learningRate(), trees);
    }
}
