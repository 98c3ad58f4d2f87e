package com.vproptrader.host.learn;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Map;

/**
 * One ONNX Runtime session over a graph written by this package (input {@value OnnxGraphs#INPUT} double
 * [n, width], one float [n, 1] output: a probability, or the autoencoder's error), created once, with a
 * preallocated single-row input: the tensor wraps a direct buffer, so scoring a row is a copy into that buffer
 * and a run. Not thread-safe (one caller, like the event loop).
 */
public final class OnnxRowSession implements AutoCloseable {
    private final OrtSession session;
    private final int width;
    private final DoubleBuffer row;
    private final OnnxTensor rowTensor;
    private final Map<String, OnnxTensor> rowInput;

    public OnnxRowSession(byte[] onnx, int width) {
        this.width = width;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try {
            var options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1); // one row at a time: a thread pool only adds hand-offs
            this.session = env.createSession(onnx, options);
            this.row = ByteBuffer.allocateDirect(width * Double.BYTES).order(ByteOrder.nativeOrder()).asDoubleBuffer();
            this.rowTensor = OnnxTensor.createTensor(env, row, new long[] {1, width});
            this.rowInput = Map.of(OnnxGraphs.INPUT, rowTensor);
        } catch (OrtException e) {
            throw new IllegalArgumentException("ONNX Runtime refused the model: " + e.getMessage(), e);
        }
    }

    /** The output for one row, in schema order. */
    public double score(double[] features) {
        if (features.length != width) {
            throw new IllegalArgumentException("row has " + features.length + " values, model takes " + width);
        }
        row.clear();
        row.put(features);
        try (OrtSession.Result out = session.run(rowInput)) {
            return ((float[][]) out.get(0).getValue())[0][0];
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime run failed: " + e.getMessage(), e);
        }
    }

    /** The outputs for many rows in one run. */
    public double[] scores(double[][] rows) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor batch = OnnxTensor.createTensor(env, rows);
             OrtSession.Result out = session.run(Map.of(OnnxGraphs.INPUT, batch))) {
            float[][] p = (float[][]) out.get(0).getValue();
            double[] result = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                result[i] = p[i][0];
            }
            return result;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime run failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        rowTensor.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
