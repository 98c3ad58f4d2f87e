package com.vproptrader.host.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxExportTest {
    private final List<LabeledEntry> rows = SyntheticEntries.generate(3_000, 7);
    private final List<LabeledEntry> train = rows.subList(0, 2_000);
    private final List<LabeledEntry> heldOut = rows.subList(2_000, 3_000);

    @Test
    void onnxRuntimeScoresTheForestAsTribuoDoesOnHeldOutRows() {
        RandomForest forest = new ForestTrainer(new ForestTrainer.Config(30, 6, 0.5f, 3)).train(SyntheticEntries.SCHEMA, train);

        ExportCheck.Result check = ExportCheck.require(forest, forest.onnx(), heldOut);

        assertThat(check.rows()).isEqualTo(1_000);
        assertThat(check.maxDifference()).isLessThanOrEqualTo(ExportCheck.TOLERANCE);
        assertThat(Metrics.of(forest, heldOut).auc()).isGreaterThan(0.7); // the rule is learnable
    }

    @Test
    void onnxRuntimeScoresTheBoostedTreesAsTheJavaModelDoes() {
        BoostedTrees gbt = new BoostedTreesTrainer(new BoostedTreesTrainer.Config(40, 3, 0.1, 20f, 3))
                .train(SyntheticEntries.SCHEMA, train);

        ExportCheck.Result check = ExportCheck.require(gbt, gbt.onnx(), heldOut);

        assertThat(check.maxDifference()).isLessThanOrEqualTo(ExportCheck.TOLERANCE);
        assertThat(Metrics.of(gbt, heldOut).auc()).isGreaterThan(0.7);
    }

    @Test
    void theCheckCatchesAnExportOfAnotherModel() {
        RandomForest a = new ForestTrainer(new ForestTrainer.Config(10, 6, 0.5f, 1)).train(SyntheticEntries.SCHEMA, train);
        RandomForest b = new ForestTrainer(new ForestTrainer.Config(10, 6, 0.5f, 2)).train(SyntheticEntries.SCHEMA, train);

        assertThatThrownBy(() -> ExportCheck.require(a, b.onnx(), heldOut))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("differs from the Java model");
    }
}
