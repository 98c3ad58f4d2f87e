package com.vproptrader.host.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HistogramTreeGrowerTest {
    @Test
    void aFeatureWithFewValuesGetsOneBinPerValueCutHalfwayBetweenThem() {
        List<LabeledEntry> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add(entry(i, new double[] {i % 3}, i % 2 == 0));
        }

        BinnedRows binned = BinnedRows.of(rows, 1);

        assertThat(binned.binCount(0)).isEqualTo(3);
        assertThat(binned.cut(0, 0)).isEqualTo(0.5);
        assertThat(binned.cut(0, 1)).isEqualTo(1.5);
    }

    @Test
    void aContinuousFeatureIsCutAtQuantilesAndEveryRowLiesOnTheSideOfEachCutItsBinSays() {
        List<LabeledEntry> rows = SyntheticEntries.generate(20_000, 5);

        BinnedRows binned = BinnedRows.of(rows, SyntheticEntries.SCHEMA.size());

        assertThat(binned.binCount(0)).isBetween(250, BinnedRows.MAX_BINS);
        int[] perBin = new int[BinnedRows.MAX_BINS];
        for (int r = 0; r < rows.size(); r++) {
            double v = rows.get(r).features()[0];
            int bin = binned.bins[r * binned.features] & 0xff;
            perBin[bin]++;
            for (int b = 0; b < binned.binCount(0) - 1; b++) {
                assertThat(bin <= b).as("row %d against cut %d", r, b).isEqualTo(v <= binned.cut(0, b));
            }
        }
        for (int b = 0; b < binned.binCount(0); b++) {
            assertThat(perBin[b]).as("rows in bin %d", b).isBetween(20_000 / 256 / 2, 20_000 / 256 * 2);
        }
    }

    @Test
    void aStepInTheTargetIsSplitHalfwayBetweenTheTwoTrainingValuesAroundIt() {
        List<LabeledEntry> rows = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 2_000; i++) {
            double x = (i % 100) / 100.0;
            rows.add(entry(i, new double[] {rnd.nextGaussian(), x}, x >= 0.3));
        }

        DecisionTree tree = grow(rows, ones(rows.size()), new HistogramTreeGrower.Settings(1, 1, 1.0), null);

        assertThat(tree.feature()[0]).isEqualTo(1);
        assertThat(tree.threshold()[0]).isCloseTo(0.295, within(1e-12));
        assertThat(tree.predict(new double[] {0, 0.29})).isEqualTo(0.0);
        assertThat(tree.predict(new double[] {0, 0.30})).isEqualTo(1.0);
    }

    @Test
    void everyLeafHoldsTheWeightedMeanOfTheSampledRowsThePredictSendsThereAndNoLessThanTheMinimumWeight() {
        List<LabeledEntry> rows = SyntheticEntries.generate(5_000, 9);
        SplittableRandom rnd = new SplittableRandom(4);
        double[] weight = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            weight[rnd.nextInt(rows.size())]++; // a bootstrap sample: some rows twice, some left out
        }
        double[] fitted = new double[rows.size()];

        DecisionTree tree = grow(rows, weight, new HistogramTreeGrower.Settings(6, 10, 0.5), fitted);

        double[] leafWeight = new double[tree.size()];
        double[] leafHits = new double[tree.size()];
        for (int r = 0; r < rows.size(); r++) {
            if (weight[r] > 0) {
                int leaf = leafOf(tree, rows.get(r).features());
                leafWeight[leaf] += weight[r];
                leafHits[leaf] += weight[r] * rows.get(r).target();
                assertThat(fitted[r]).isEqualTo(tree.value()[leaf]);
            }
        }
        int leaves = 0;
        for (int k = 0; k < tree.size(); k++) {
            if (tree.isLeaf(k)) {
                leaves++;
                assertThat(leafWeight[k]).as("weight in leaf %d", k).isGreaterThanOrEqualTo(10);
                assertThat(tree.value()[k]).isCloseTo(leafHits[k] / leafWeight[k], within(1e-12));
            }
        }
        assertThat(leaves).isGreaterThan(16); // it did grow
    }

    private static DecisionTree grow(List<LabeledEntry> rows, double[] weight, HistogramTreeGrower.Settings settings,
                                     double[] fitted) {
        double[] target = rows.stream().mapToDouble(LabeledEntry::target).toArray();
        var grower = new HistogramTreeGrower(BinnedRows.of(rows, rows.get(0).features().length));
        return grower.grow(target, weight, settings, new SplittableRandom(1), fitted);
    }

    private static int leafOf(DecisionTree tree, double[] row) {
        int k = 0;
        while (!tree.isLeaf(k)) {
            k = row[tree.feature()[k]] <= tree.threshold()[k] ? tree.left()[k] : tree.right()[k];
        }
        return k;
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    private static LabeledEntry entry(int i, double[] features, boolean hit) {
        return new LabeledEntry(i * 60_000L, i * 60_000L + 1, features, hit);
    }
}
