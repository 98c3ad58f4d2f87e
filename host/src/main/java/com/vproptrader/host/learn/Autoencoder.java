package com.vproptrader.host.learn;

import ai.onnx.proto.OnnxMl;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A one-hidden-layer autoencoder on the standardized feature vector: tanh code of {@code code} units, linear
 * decoder. Its reconstruction error (mean squared, over features) is low on rows like those it was trained on
 * and rises when the market's feature vector moves somewhere new: a drift signal beside PSI per feature.
 *
 * <p>ONNX graph: input {@value OnnxGraphs#INPUT} double [n, features] → Cast → standardize → Gemm → Tanh → Gemm
 * → squared difference → ReduceMean → output {@value #ERROR} float [n, 1].
 */
public final class Autoencoder {
    static final String ERROR = "reconstruction_error";
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;

    /** @param code hidden units, @param epochs passes, @param batch rows per update, @param rate Adam step */
    public record Config(int code, int epochs, int batch, double rate, long seed) {
        public static final Config DEFAULT = new Config(3, 30, 32, 0.01, 17L);
    }

    private final int features;
    private final int code;
    private final double[] mean;
    private final double[] std;
    private final double[] w1; // [code][features]
    private final double[] b1;
    private final double[] w2; // [features][code]
    private final double[] b2;

    private Autoencoder(int features, int code, double[] mean, double[] std, SplittableRandom rnd) {
        this.features = features;
        this.code = code;
        this.mean = mean;
        this.std = std;
        w1 = random(code * features, rnd, 1 / Math.sqrt(features));
        b1 = new double[code];
        w2 = random(features * code, rnd, 1 / Math.sqrt(code));
        b2 = new double[features];
    }

    public static Autoencoder train(List<double[]> rows, Config config) {
        if (rows.size() < 2) {
            throw new IllegalArgumentException("an autoencoder needs at least two rows");
        }
        int f = rows.get(0).length;
        double[] mean = new double[f];
        double[] std = new double[f];
        for (double[] r : rows) {
            for (int j = 0; j < f; j++) {
                mean[j] += r[j] / rows.size();
            }
        }
        for (double[] r : rows) {
            for (int j = 0; j < f; j++) {
                std[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / rows.size();
            }
        }
        for (int j = 0; j < f; j++) {
            std[j] = std[j] > 1e-18 ? Math.sqrt(std[j]) : 1.0; // a constant feature: no scaling
        }
        SplittableRandom rnd = new SplittableRandom(config.seed());
        Autoencoder ae = new Autoencoder(f, config.code(), mean, std, rnd);
        ae.fit(rows, config, rnd);
        return ae;
    }

    /** Mean squared reconstruction error of one row, in standardized units. */
    public double error(double[] row) {
        double[] z = standardize(row);
        double[] h = encode(z);
        double sum = 0;
        for (int j = 0; j < features; j++) {
            double d = decode(h, j) - z[j];
            sum += d * d;
        }
        return sum / features;
    }

    private void fit(List<double[]> rows, Config config, SplittableRandom rnd) {
        double[][] params = {w1, b1, w2, b2};
        double[][] grads = {new double[w1.length], new double[b1.length], new double[w2.length], new double[b2.length]};
        double[][] m1 = {new double[w1.length], new double[b1.length], new double[w2.length], new double[b2.length]};
        double[][] m2 = {new double[w1.length], new double[b1.length], new double[w2.length], new double[b2.length]};
        int[] order = java.util.stream.IntStream.range(0, rows.size()).toArray();
        long step = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < order.length; from += config.batch()) {
                int to = Math.min(order.length, from + config.batch());
                for (double[] g : grads) {
                    java.util.Arrays.fill(g, 0);
                }
                for (int i = from; i < to; i++) {
                    accumulate(standardize(rows.get(order[i])), grads, 1.0 / (to - from));
                }
                step++;
                double c1 = 1 - Math.pow(BETA1, step);
                double c2 = 1 - Math.pow(BETA2, step);
                for (int a = 0; a < params.length; a++) {
                    for (int k = 0; k < params[a].length; k++) {
                        double g = grads[a][k];
                        m1[a][k] = BETA1 * m1[a][k] + (1 - BETA1) * g;
                        m2[a][k] = BETA2 * m2[a][k] + (1 - BETA2) * g * g;
                        params[a][k] -= config.rate() * (m1[a][k] / c1) / (Math.sqrt(m2[a][k] / c2) + 1e-8);
                    }
                }
            }
        }
    }

    private void accumulate(double[] z, double[][] grads, double weight) {
        double[] h = encode(z);
        double[] dh = new double[code];
        for (int j = 0; j < features; j++) {
            double d = 2 * (decode(h, j) - z[j]) / features * weight;
            grads[3][j] += d;
            for (int k = 0; k < code; k++) {
                grads[2][j * code + k] += d * h[k];
                dh[k] += d * w2[j * code + k];
            }
        }
        for (int k = 0; k < code; k++) {
            double da = dh[k] * (1 - h[k] * h[k]);
            grads[1][k] += da;
            for (int j = 0; j < features; j++) {
                grads[0][k * features + j] += da * z[j];
            }
        }
    }

    private double[] standardize(double[] row) {
        if (row.length != features) {
            throw new IllegalArgumentException("row has " + row.length + " values, the autoencoder takes " + features);
        }
        double[] z = new double[features];
        for (int j = 0; j < features; j++) {
            z[j] = (row[j] - mean[j]) / std[j];
        }
        return z;
    }

    private double[] encode(double[] z) {
        double[] h = new double[code];
        for (int k = 0; k < code; k++) {
            double a = b1[k];
            for (int j = 0; j < features; j++) {
                a += w1[k * features + j] * z[j];
            }
            h[k] = Math.tanh(a);
        }
        return h;
    }

    private double decode(double[] h, int j) {
        double y = b2[j];
        for (int k = 0; k < code; k++) {
            y += w2[j * code + k] * h[k];
        }
        return y;
    }

    public byte[] onnx() {
        var graph = OnnxMl.GraphProto.newBuilder().setName("feature_autoencoder")
                .addInput(OnnxGraphs.tensor(OnnxGraphs.INPUT, OnnxMl.TensorProto.DataType.DOUBLE, -1, features))
                .addInitializer(OnnxGraphs.floatTensor("mean", new long[] {features}, floats(mean)))
                .addInitializer(OnnxGraphs.floatTensor("std", new long[] {features}, floats(std)))
                .addInitializer(OnnxGraphs.floatTensor("w1", new long[] {code, features}, floats(w1)))
                .addInitializer(OnnxGraphs.floatTensor("b1", new long[] {code}, floats(b1)))
                .addInitializer(OnnxGraphs.floatTensor("w2", new long[] {features, code}, floats(w2)))
                .addInitializer(OnnxGraphs.floatTensor("b2", new long[] {features}, floats(b2)))
                .addNode(OnnxGraphs.node("Cast", "", List.of(OnnxGraphs.INPUT), List.of("x"),
                        List.of(OnnxGraphs.integer("to", OnnxMl.TensorProto.DataType.FLOAT_VALUE))))
                .addNode(OnnxGraphs.node("Sub", "", List.of("x", "mean"), List.of("centred"), List.of()))
                .addNode(OnnxGraphs.node("Div", "", List.of("centred", "std"), List.of("z"), List.of()))
                .addNode(OnnxGraphs.node("Gemm", "", List.of("z", "w1", "b1"), List.of("code_in"),
                        List.of(OnnxGraphs.integer("transB", 1))))
                .addNode(OnnxGraphs.node("Tanh", "", List.of("code_in"), List.of("code"), List.of()))
                .addNode(OnnxGraphs.node("Gemm", "", List.of("code", "w2", "b2"), List.of("recon"),
                        List.of(OnnxGraphs.integer("transB", 1))))
                .addNode(OnnxGraphs.node("Sub", "", List.of("recon", "z"), List.of("diff"), List.of()))
                .addNode(OnnxGraphs.node("Mul", "", List.of("diff", "diff"), List.of("sq"), List.of()))
                .addNode(OnnxGraphs.node("ReduceMean", "", List.of("sq"), List.of(ERROR),
                        List.of(OnnxGraphs.ints("axes", new long[] {1}), OnnxGraphs.integer("keepdims", 1))))
                .addOutput(OnnxGraphs.tensor(ERROR, OnnxMl.TensorProto.DataType.FLOAT, -1, 1))
                .build();
        return OnnxGraphs.model(graph, "feature autoencoder, " + features + " -> " + code + " -> " + features);
    }

    private static float[] floats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    private static double[] random(int n, SplittableRandom rnd, double scale) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (rnd.nextDouble() * 2 - 1) * scale;
        }
        return out;
    }
}
