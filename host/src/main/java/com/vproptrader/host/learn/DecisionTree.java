package com.vproptrader.host.learn;

/**
 * One binary tree as parallel arrays indexed by node id (the root is 0): a split node k sends a row to
 * {@code left[k]} when {@code row[feature[k]] <= threshold[k]}, else to {@code right[k]}; a leaf has feature
 * -1 and holds {@code value[k]}. The same rule is ONNX's BRANCH_LEQ with the true branch on the left child.
 */
record DecisionTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
    static final int LEAF = -1;

    double predict(double[] row) {
        int k = 0;
        while (feature[k] != LEAF) {
            k = row[feature[k]] <= threshold[k] ? left[k] : right[k];
        }
        return value[k];
    }

    int size() {
        return feature.length;
    }

    boolean isLeaf(int node) {
        return feature[node] == LEAF;
    }
}
