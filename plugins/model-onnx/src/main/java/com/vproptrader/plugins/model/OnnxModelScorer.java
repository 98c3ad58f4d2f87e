package com.vproptrader.plugins.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.vproptrader.plugin.api.ModelScorer;
import com.vproptrader.proto.ModelInput;
import com.vproptrader.proto.ModelOutput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * P(TP1 before SL) from the ONNX model packed in this plugin's JAR. One session for the life of the version,
 * one preallocated single-row input. Called on one thread at a time (the host's contract for plugins).
 */
@Extension
public final class OnnxModelScorer implements ModelScorer {
    private final PackedModel packed;
    private final OrtSession session;
    private final DoubleBuffer row;
    private final Map<String, OnnxTensor> input;

    public OnnxModelScorer() {
        this(PackedModel.load(OnnxModelScorer.class.getClassLoader()));
    }

    OnnxModelScorer(PackedModel packed) {
        this.packed = packed;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try {
            var options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1); // one row at a time: a pool only adds hand-offs
            this.session = env.createSession(packed.onnx(), options);
            int width = packed.names().size();
            this.row = ByteBuffer.allocateDirect(width * Double.BYTES).order(ByteOrder.nativeOrder()).asDoubleBuffer();
            this.input = Map.of(PackedModel.INPUT, OnnxTensor.createTensor(env, row, new long[] {1, width}));
        } catch (OrtException e) {
            throw new IllegalStateException("model " + packed.version() + ": ONNX Runtime refused it: " + e.getMessage(), e);
        }
    }

    @Override
    public ModelOutput score(ModelInput in) {
        checkSchema(in.getFeatureNamesList());
        if (in.getFeaturesCount() != packed.names().size()) {
            throw new IllegalArgumentException("model " + packed.version() + " takes " + packed.names().size()
                    + " values, got " + in.getFeaturesCount());
        }
        row.clear();
        for (int i = 0; i < in.getFeaturesCount(); i++) {
            row.put(in.getFeatures(i));
        }
        float p;
        try (OrtSession.Result out = session.run(input)) {
            p = ((float[][]) out.get(0).getValue())[0][0];
        } catch (OrtException e) {
            throw new IllegalStateException("model " + packed.version() + ": run failed: " + e.getMessage(), e);
        }
        return ModelOutput.newBuilder().setProbability(p).setModelVersion(packed.version()).build();
    }

    private void checkSchema(List<String> names) {
        if (!names.equals(packed.names())) {
            throw new IllegalArgumentException("feature schema mismatch: model " + packed.version() + " was trained on "
                    + packed.schemaHash() + " " + packed.names() + ", the caller sends " + PackedModel.hash(names)
                    + " " + names);
        }
    }
}
