package com.vproptrader.host.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Trees flattened into the parallel arrays of an ONNX tree-ensemble node. A {@link DecisionTree} sends a row
 * to its left child when value <= threshold: ONNX's BRANCH_LEQ with the true branch on the left child is the
 * same rule. Node ids are the tree's own array indices.
 */
final class TreeNodes {
    final List<Long> treeIds = new ArrayList<>();
    final List<Long> nodeIds = new ArrayList<>();
    final List<Long> featureIds = new ArrayList<>();
    final List<String> modes = new ArrayList<>();
    final List<Double> thresholds = new ArrayList<>();
    final List<Long> trueIds = new ArrayList<>();
    final List<Long> falseIds = new ArrayList<>();
    /** One entry per (leaf, output): the leaf's tree and node, the output index and its weight. */
    final List<Long> leafTreeIds = new ArrayList<>();
    final List<Long> leafNodeIds = new ArrayList<>();
    final List<Long> leafOutputIds = new ArrayList<>();
    final List<Double> leafWeights = new ArrayList<>();

    private long treeCount;

    /** Adds one tree; {@code leafValues} gives the weight of each output from a leaf's value. */
    void add(DecisionTree tree, DoubleFunction<double[]> leafValues) {
        long treeId = treeCount++;
        for (int k = 0; k < tree.size(); k++) {
            treeIds.add(treeId);
            nodeIds.add((long) k);
            if (tree.isLeaf(k)) {
                modes.add("LEAF");
                featureIds.add(0L);
                thresholds.add(0.0);
                trueIds.add(0L);
                falseIds.add(0L);
                double[] w = leafValues.apply(tree.value()[k]);
                for (int out = 0; out < w.length; out++) {
                    leafTreeIds.add(treeId);
                    leafNodeIds.add((long) k);
                    leafOutputIds.add((long) out);
                    leafWeights.add(w[out]);
                }
            } else {
                modes.add("BRANCH_LEQ");
                featureIds.add((long) tree.feature()[k]);
                thresholds.add(tree.threshold()[k]);
                trueIds.add((long) tree.left()[k]);
                falseIds.add((long) tree.right()[k]);
            }
        }
    }

    static long[] longs(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).toArray();
    }

    static double[] doubles(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
