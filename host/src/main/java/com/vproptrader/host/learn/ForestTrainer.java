package com.vproptrader.host.learn;

import java.util.List;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.ensemble.EnsembleModel;

/** Trains the "TP1 before SL" random forest with Tribuo (bagged CART trees, a random feature subset per split). */
public final class ForestTrainer {
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
        var tree = new CARTClassificationTrainer(config.maxDepth(), config.featureFraction(), config.seed());
        var forest = new RandomForestTrainer<>(tree, new FullyWeightedVotingCombiner(), config.trees(), config.seed());
        @SuppressWarnings("unchecked")
        EnsembleModel<Label> model = (EnsembleModel<Label>) forest.train(TribuoRows.labels(schema, rows));
        return new RandomForest(schema, model);
    }
}
