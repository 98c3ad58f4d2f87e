package com.vproptrader.host.learn;

import java.util.ArrayList;
import java.util.List;

/**
 * A random forest of "TP1 before SL": the probability is the mean over trees of each leaf's share of TP1
 * outcomes. Exported as one ONNX {@code TreeEnsembleClassifier} whose leaves carry that share divided by the
 * number of trees, so the sum over trees is the same mean.
 */
public final class RandomForest implements ProbabilityModel {
    private final ModelSchema schema;
    private final List<DecisionTree> trees;

    RandomForest(ModelSchema schema, List<DecisionTree> trees) {
        this.schema = schema;
        this.trees = List.copyOf(trees);
    }

    @Override
    public ModelSchema schema() {
        return schema;
    }

    @Override
    public String family() {
        return "random-forest";
    }

    public int trees() {
        return trees.size();
    }

    @Override
    public double probability(double[] row) {
        schema.check(row);
        double sum = 0;
        for (DecisionTree t : trees) {
            sum += t.predict(row);
        }
        return sum / trees.size();
    }

    @Override
    public byte[] onnx() {
        TreeNodes nodes = new TreeNodes();
        double share = 1.0 / trees.size();
        for (DecisionTree tree : trees) {
            // class 0 = SL first, class 1 = TP1 first
            nodes.add(tree, hit -> new double[] {(1 - hit) * share, hit * share});
        }
        List<ai.onnx.proto.OnnxMl.AttributeProto> attrs = new ArrayList<>(List.of(
                OnnxGraphs.ints("classlabels_int64s", new long[] {0, 1}),
                OnnxGraphs.ints("nodes_treeids", TreeNodes.longs(nodes.treeIds)),
                OnnxGraphs.ints("nodes_nodeids", TreeNodes.longs(nodes.nodeIds)),
                OnnxGraphs.ints("nodes_featureids", TreeNodes.longs(nodes.featureIds)),
                OnnxGraphs.strings("nodes_modes", nodes.modes),
                OnnxGraphs.doubles("nodes_values_as_tensor", TreeNodes.doubles(nodes.thresholds)),
                OnnxGraphs.ints("nodes_truenodeids", TreeNodes.longs(nodes.trueIds)),
                OnnxGraphs.ints("nodes_falsenodeids", TreeNodes.longs(nodes.falseIds)),
                OnnxGraphs.ints("class_treeids", TreeNodes.longs(nodes.leafTreeIds)),
                OnnxGraphs.ints("class_nodeids", TreeNodes.longs(nodes.leafNodeIds)),
                OnnxGraphs.ints("class_ids", TreeNodes.longs(nodes.leafOutputIds)),
                OnnxGraphs.doubles("class_weights_as_tensor", TreeNodes.doubles(nodes.leafWeights)),
                OnnxGraphs.string("post_transform", "NONE")));
        var graph = ai.onnx.proto.OnnxMl.GraphProto.newBuilder().setName("tp1_random_forest")
                .addInput(OnnxGraphs.tensor(OnnxGraphs.INPUT, ai.onnx.proto.OnnxMl.TensorProto.DataType.DOUBLE, -1,
                        schema.size()))
                .addNode(OnnxGraphs.node("TreeEnsembleClassifier", OnnxGraphs.ML_DOMAIN, List.of(OnnxGraphs.INPUT),
                        List.of("label", "scores"), attrs))
                .addInitializer(OnnxGraphs.int64s("tp1_column", new long[] {1}, 1))
                .addNode(OnnxGraphs.node("Gather", "", List.of("scores", "tp1_column"), List.of(OnnxGraphs.OUTPUT),
                        List.of(OnnxGraphs.integer("axis", 1))))
                .addOutput(OnnxGraphs.tensor(OnnxGraphs.OUTPUT, ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT, -1, 1))
                .build();
        return OnnxGraphs.model(graph, "P(TP1 before SL), random forest of " + trees.size()
                + " trees; schema " + schema.hash());
    }
}
