package com.vproptrader.host.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleModel;

/**
 * A Tribuo random forest of "TP1 before SL": the probability is the mean over trees of each leaf's share of
 * TP1 outcomes (Tribuo's fully weighted vote with equal weights). Exported as one ONNX
 * {@code TreeEnsembleClassifier} whose leaves carry that share divided by the number of trees, so the sum over
 * trees is the same mean.
 */
public final class RandomForest implements ProbabilityModel {
    private final ModelSchema schema;
    private final EnsembleModel<Label> model;

    RandomForest(ModelSchema schema, EnsembleModel<Label> model) {
        this.schema = schema;
        this.model = model;
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
        return model.getNumModels();
    }

    @Override
    public double probability(double[] row) {
        Map<String, Label> scores = model.predict(TribuoRows.example(schema, row, TribuoRows.unknownLabel()))
                .getOutputScores();
        Label hit = scores.get(TribuoRows.HIT);
        return hit == null ? 0.0 : hit.getScore();
    }

    @Override
    public byte[] onnx() {
        TreeNodes nodes = new TreeNodes(schema);
        double share = 1.0 / model.getNumModels();
        for (Model<Label> member : model.getModels()) {
            @SuppressWarnings("unchecked")
            TreeModel<Label> tree = (TreeModel<Label>) member;
            nodes.add(tree.getRoot(), tree.getFeatureIDMap(), leaf -> {
                double hit = hitShare(leaf);
                return new double[] {(1 - hit) * share, hit * share}; // class 0 = SL first, class 1 = TP1 first
            });
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
        return OnnxGraphs.model(graph, "P(TP1 before SL), random forest of " + model.getNumModels()
                + " trees; schema " + schema.hash());
    }

    private static double hitShare(LeafNode<Label> leaf) {
        Label hit = leaf.getDistribution().get(TribuoRows.HIT);
        double total = 0;
        for (Label l : leaf.getDistribution().values()) {
            total += l.getScore();
        }
        return hit == null || total <= 0 ? 0.0 : hit.getScore() / total;
    }
}
