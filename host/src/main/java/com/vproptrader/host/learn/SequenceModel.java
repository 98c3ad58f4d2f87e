package com.vproptrader.host.learn;

import ai.onnx.proto.OnnxMl;
import java.util.List;

/**
 * An LSTM over a sequence of feature vectors with two heads on its last hidden state: next-period volatility
 * (linear, regression) and direction (logistic, P(up)). Parameters live in one flat array (what the trainer
 * updates), gate blocks in ONNX's order i, o, f, c so the export copies them as they are.
 *
 * <p>ONNX graph (opset 14): input {@value #INPUT} float [steps, 1, features] (time major, batch 1) → standard
 * {@code LSTM} → last hidden state → {@code Gemm} heads → outputs {@value #VOLATILITY} [1, 1] and
 * {@value #P_UP} [1, 1] (after {@code Sigmoid}).
 */
public final class SequenceModel {
    static final String INPUT = "sequence";
    static final String VOLATILITY = "volatility";
    static final String P_UP = "p_up";

    final int features;
    final int hidden;
    final double[] p;
    // offsets into p
    final int w;
    final int r;
    final int b;
    final int wVol;
    final int bVol;
    final int wDir;
    final int bDir;

    SequenceModel(int features, int hidden, double[] params) {
        this.features = features;
        this.hidden = hidden;
        int g = 4 * hidden;
        w = 0;
        r = w + g * features;
        b = r + g * hidden;
        wVol = b + g;
        bVol = wVol + hidden;
        wDir = bVol + 1;
        bDir = wDir + hidden;
        if (params.length != bDir + 1) {
            throw new IllegalArgumentException("expected " + (bDir + 1) + " parameters, got " + params.length);
        }
        this.p = params;
    }

    static int parameterCount(int features, int hidden) {
        int g = 4 * hidden;
        return g * features + g * hidden + g + 2 * (hidden + 1);
    }

    /** Volatility and P(up) for one sequence (oldest step first). */
    public double[] predict(double[][] sequence) {
        Trace t = forward(sequence);
        return new double[] {t.vol, t.pUp};
    }

    /** What the forward pass computed at each step, for backpropagation. */
    static final class Trace {
        double[][] x;
        double[][] h; // h[0] = zeros, h[t+1] after step t
        double[][] c;
        double[][] gates; // per step: i, o, f activated, then g (tanh), 4H
        double vol;
        double pUp;
    }

    Trace forward(double[][] sequence) {
        int steps = sequence.length;
        int g = 4 * hidden;
        Trace t = new Trace();
        t.x = sequence;
        t.h = new double[steps + 1][hidden];
        t.c = new double[steps + 1][hidden];
        t.gates = new double[steps][g];
        for (int s = 0; s < steps; s++) {
            double[] x = sequence[s];
            if (x.length != features) {
                throw new IllegalArgumentException("step " + s + " has " + x.length + " features, model takes " + features);
            }
            double[] a = t.gates[s];
            for (int k = 0; k < g; k++) {
                double z = p[b + k];
                int wk = w + k * features;
                for (int j = 0; j < features; j++) {
                    z += p[wk + j] * x[j];
                }
                int rk = r + k * hidden;
                for (int j = 0; j < hidden; j++) {
                    z += p[rk + j] * t.h[s][j];
                }
                a[k] = k < 3 * hidden ? sigmoid(z) : Math.tanh(z); // i, o, f then c
            }
            for (int j = 0; j < hidden; j++) {
                double i = a[j];
                double o = a[hidden + j];
                double f = a[2 * hidden + j];
                double cc = a[3 * hidden + j];
                t.c[s + 1][j] = f * t.c[s][j] + i * cc;
                t.h[s + 1][j] = o * Math.tanh(t.c[s + 1][j]);
            }
        }
        double[] last = t.h[steps];
        double vol = p[bVol];
        double dir = p[bDir];
        for (int j = 0; j < hidden; j++) {
            vol += p[wVol + j] * last[j];
            dir += p[wDir + j] * last[j];
        }
        t.vol = vol;
        t.pUp = sigmoid(dir);
        return t;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** The model as an ONNX graph of standard operators (see the class comment). */
    public byte[] onnx() {
        int g = 4 * hidden;
        float[] wt = slice(w, g * features);
        float[] rt = slice(r, g * hidden);
        float[] bias = new float[2 * g]; // ONNX B = [Wb, Rb]; all of the bias sits in Wb
        System.arraycopy(slice(b, g), 0, bias, 0, g);
        var graph = OnnxMl.GraphProto.newBuilder().setName("lstm_two_heads")
                .addInput(OnnxGraphs.tensor(INPUT, OnnxMl.TensorProto.DataType.FLOAT, -1, 1, features))
                .addInitializer(OnnxGraphs.floatTensor("W", new long[] {1, g, features}, wt))
                .addInitializer(OnnxGraphs.floatTensor("R", new long[] {1, g, hidden}, rt))
                .addInitializer(OnnxGraphs.floatTensor("B", new long[] {1, 2 * g}, bias))
                .addInitializer(OnnxGraphs.int64s("last_shape", new long[] {2}, 1, hidden))
                .addInitializer(OnnxGraphs.floatTensor("w_vol", new long[] {hidden, 1}, slice(wVol, hidden)))
                .addInitializer(OnnxGraphs.floatTensor("b_vol", new long[] {1}, slice(bVol, 1)))
                .addInitializer(OnnxGraphs.floatTensor("w_dir", new long[] {hidden, 1}, slice(wDir, hidden)))
                .addInitializer(OnnxGraphs.floatTensor("b_dir", new long[] {1}, slice(bDir, 1)))
                .addNode(OnnxGraphs.node("LSTM", "", List.of(INPUT, "W", "R", "B"), List.of("", "h_last"),
                        List.of(OnnxGraphs.integer("hidden_size", hidden))))
                .addNode(OnnxGraphs.node("Reshape", "", List.of("h_last", "last_shape"), List.of("h"), List.of()))
                .addNode(OnnxGraphs.node("Gemm", "", List.of("h", "w_vol", "b_vol"), List.of(VOLATILITY), List.of()))
                .addNode(OnnxGraphs.node("Gemm", "", List.of("h", "w_dir", "b_dir"), List.of("dir_logit"), List.of()))
                .addNode(OnnxGraphs.node("Sigmoid", "", List.of("dir_logit"), List.of(P_UP), List.of()))
                .addOutput(OnnxGraphs.tensor(VOLATILITY, OnnxMl.TensorProto.DataType.FLOAT, 1, 1))
                .addOutput(OnnxGraphs.tensor(P_UP, OnnxMl.TensorProto.DataType.FLOAT, 1, 1))
                .build();
        return OnnxGraphs.model(graph, "LSTM(" + hidden + ") over " + features + " features: volatility and P(up)");
    }

    private float[] slice(int from, int n) {
        float[] out = new float[n];
        for (int k = 0; k < n; k++) {
            out[k] = (float) p[from + k];
        }
        return out;
    }
}
