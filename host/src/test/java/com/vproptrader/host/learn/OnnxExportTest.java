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
    void onnxRuntimeScoresTheForestAsTheJavaModelDoesOnHeldOutRows() {
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
    void aValueExactlyOnASplitThresholdTakesTheSameBranchInOnnxRuntimeAsInJava() {
        // Every tree threshold is one of the training cuts: rows holding a cut value in each column in turn.
        BinnedRows binned = BinnedRows.of(train, SyntheticEntries.SCHEMA.size());
        double[] typical = train.get(0).features();
        List<LabeledEntry> onCuts = new java.util.ArrayList<>();
        for (int f = 0; f < binned.features; f++) {
            for (int b = 0; b < binned.binCount(f) - 1; b++) {
                double[] row = typical.clone();
                row[f] = binned.cut(f, b);
                onCuts.add(new LabeledEntry(0, 0, row, false));
            }
        }
        RandomForest forest = new ForestTrainer(new ForestTrainer.Config(30, 6, 0.5f, 3)).train(SyntheticEntries.SCHEMA, train);
        BoostedTrees gbt = new BoostedTreesTrainer(new BoostedTreesTrainer.Config(40, 3, 0.1, 20f, 3))
                .train(SyntheticEntries.SCHEMA, train);

        assertThat(onCuts).hasSizeGreaterThan(500);
        assertThat(ExportCheck.require(forest, forest.onnx(), onCuts).passed()).isTrue();
        assertThat(ExportCheck.require(gbt, gbt.onnx(), onCuts).passed()).isTrue();
    }

    @Test
    void theCheckCatchesAnExportOfAnotherModel() {
        RandomForest a = new ForestTrainer(new ForestTrainer.Config(10, 6, 0.5f, 1)).train(SyntheticEntries.SCHEMA, train);
        RandomForest b = new ForestTrainer(new ForestTrainer.Config(10, 6, 0.5f, 2)).train(SyntheticEntries.SCHEMA, train);

        assertThatThrownBy(() -> ExportCheck.require(a, b.onnx(), heldOut))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("differs from the Java model");
    }
}
