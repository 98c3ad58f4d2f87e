package com.vproptrader.host.learn;

import ai.onnx.proto.OnnxMl;
import java.util.List;

/**
 * Gradient-boosted regression trees on the log-odds of "TP1 before SL": p = sigmoid(base + rate x sum of
 * tree outputs). Exported as an ONNX {@code TreeEnsembleRegressor} (leaf weights = rate x leaf value,
 * base value = base) followed by a standard {@code Sigmoid}.
 */
public final class BoostedTrees implements ProbabilityModel {
    private final ModelSchema schema;
    private final double base;
    private final double rate;
    private final List<DecisionTree> trees;

    BoostedTrees(ModelSchema schema, double base, double rate, List<DecisionTree> trees) {
        this.schema = schema;
        this.base = base;
        this.rate = rate;
        this.trees = List.copyOf(trees);
    }

    @Override
    public ModelSchema schema() {
        return schema;
    }

    @Override
    public String family() {
        return "boosted-trees";
    }

    public int rounds() {
        return trees.size();
    }

    @Override
    public double probability(double[] row) {
        schema.check(row);
        double margin = base;
        for (DecisionTree t : trees) {
            margin += rate * t.predict(row);
        }
        return sigmoid(margin);
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    @Override
    public byte[] onnx() {
        TreeNodes nodes = new TreeNodes();
        for (DecisionTree t : trees) {
            nodes.add(t, value -> new double[] {rate * value});
        }
        List<OnnxMl.AttributeProto> attrs = List.of(
                OnnxGraphs.integer("n_targets", 1),
                OnnxGraphs.ints("nodes_treeids", TreeNodes.longs(nodes.treeIds)),
                OnnxGraphs.ints("nodes_nodeids", TreeNodes.longs(nodes.nodeIds)),
                OnnxGraphs.ints("nodes_featureids", TreeNodes.longs(nodes.featureIds)),
                OnnxGraphs.strings("nodes_modes", nodes.modes),
                OnnxGraphs.doubles("nodes_values_as_tensor", TreeNodes.doubles(nodes.thresholds)),
                OnnxGraphs.ints("nodes_truenodeids", TreeNodes.longs(nodes.trueIds)),
                OnnxGraphs.ints("nodes_falsenodeids", TreeNodes.longs(nodes.falseIds)),
                OnnxGraphs.ints("target_treeids", TreeNodes.longs(nodes.leafTreeIds)),
                OnnxGraphs.ints("target_nodeids", TreeNodes.longs(nodes.leafNodeIds)),
                OnnxGraphs.ints("target_ids", TreeNodes.longs(nodes.leafOutputIds)),
                OnnxGraphs.doubles("target_weights_as_tensor", TreeNodes.doubles(nodes.leafWeights)),
                OnnxGraphs.doubles("base_values_as_tensor", new double[] {base}),
                OnnxGraphs.string("aggregate_function", "SUM"),
                OnnxGraphs.string("post_transform", "NONE"));
        var graph = OnnxMl.GraphProto.newBuilder().setName("tp1_boosted_trees")
                .addInput(OnnxGraphs.tensor(OnnxGraphs.INPUT, OnnxMl.TensorProto.DataType.DOUBLE, -1, schema.size()))
                .addNode(OnnxGraphs.node("TreeEnsembleRegressor", OnnxGraphs.ML_DOMAIN, List.of(OnnxGraphs.INPUT),
                        List.of("log_odds"), attrs))
                .addNode(OnnxGraphs.node("Sigmoid", "", List.of("log_odds"), List.of(OnnxGraphs.OUTPUT), List.of()))
                .addOutput(OnnxGraphs.tensor(OnnxGraphs.OUTPUT, OnnxMl.TensorProto.DataType.FLOAT, -1, 1))
                .build();
        return OnnxGraphs.model(graph, "P(TP1 before SL), " + trees.size() + " boosted trees; schema " + schema.hash());
    }
}
