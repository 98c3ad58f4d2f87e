package com.vproptrader.host.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Output;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;

/**
 * Tribuo trees flattened into the parallel arrays of an ONNX tree-ensemble node. Tribuo sends a row to the
 * "greater than" child when value > split, else to "less or equal": ONNX's BRANCH_LEQ with the true branch
 * on the less-or-equal child is the same rule. A split's feature id is an index into the member tree's own
 * feature map, so it is mapped to the schema's column through the feature's name.
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

    private final ModelSchema schema;
    private long treeCount;

    TreeNodes(ModelSchema schema) {
        this.schema = schema;
    }

    /** Adds one tree; {@code leafValues} gives the weight of each output at a leaf. */
    <T extends Output<T>> void add(Node<T> root, ImmutableFeatureMap fmap, Function<LeafNode<T>, double[]> leafValues) {
        long treeId = treeCount++;
        List<Node<T>> order = new ArrayList<>();
        order.add(root);
        // Breadth first: a node's id is its position, children are appended as they are met.
        for (int i = 0; i < order.size(); i++) {
            Node<T> n = order.get(i);
            treeIds.add(treeId);
            nodeIds.add((long) i);
            if (n.isLeaf()) {
                modes.add("LEAF");
                featureIds.add(0L);
                thresholds.add(0.0);
                trueIds.add(0L);
                falseIds.add(0L);
                double[] w = leafValues.apply((LeafNode<T>) n);
                for (int k = 0; k < w.length; k++) {
                    leafTreeIds.add(treeId);
                    leafNodeIds.add((long) i);
                    leafOutputIds.add((long) k);
                    leafWeights.add(w[k]);
                }
            } else {
                SplitNode<T> s = (SplitNode<T>) n;
                String name = fmap.get(s.getFeatureID()).getName();
                int column = schema.names().indexOf(name);
                if (column < 0) {
                    throw new IllegalStateException("tree splits on " + name + ", not in the schema");
                }
                modes.add("BRANCH_LEQ");
                featureIds.add((long) column);
                thresholds.add(s.splitValue());
                order.add(s.getLessThanOrEqual());
                trueIds.add((long) order.size() - 1);
                order.add(s.getGreaterThan());
                falseIds.add((long) order.size() - 1);
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
