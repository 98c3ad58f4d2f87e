package com.vproptrader.host.learn;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains the two-head LSTM by backpropagation through time with Adam on mini-batches. The loss is the squared
 * error of the volatility head plus the log loss of the direction head, both averaged over the batch.
 */
public final class SequenceTrainer {
    /** One training sequence (oldest step first), the next period's volatility, and whether it went up. */
    public record Sample(double[][] steps, double nextVolatility, boolean up) {
    }

    /**
     * @param hidden    LSTM units
     * @param epochs    passes over the samples
     * @param batch     samples per update
     * @param rate      Adam's step size
     * @param seed      initial weights and sample order
     */
    public record Config(int hidden, int epochs, int batch, double rate, long seed) {
        public static final Config DEFAULT = new Config(8, 10, 32, 0.01, 17L);
    }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final Config config;

    public SequenceTrainer(Config config) {
        this.config = config;
    }

    public SequenceModel train(int features, List<Sample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no sequences to train on");
        }
        SplittableRandom rnd = new SplittableRandom(config.seed());
        int n = SequenceModel.parameterCount(features, config.hidden());
        double[] params = new double[n];
        double scale = 1 / Math.sqrt(features + config.hidden());
        for (int k = 0; k < n; k++) {
            params[k] = (rnd.nextDouble() * 2 - 1) * scale;
        }
        SequenceModel m = new SequenceModel(features, config.hidden(), params);
        for (int k = 0; k < config.hidden(); k++) {
            params[m.b + 2 * config.hidden() + k] = 1.0; // forget gate open at the start: the usual LSTM init
        }
        double[] grad = new double[n];
        double[] m1 = new double[n];
        double[] m2 = new double[n];
        int[] order = new int[samples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        long step = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            shuffle(order, rnd);
            for (int from = 0; from < order.length; from += config.batch()) {
                int to = Math.min(order.length, from + config.batch());
                java.util.Arrays.fill(grad, 0);
                for (int i = from; i < to; i++) {
                    backward(m, samples.get(order[i]), grad, 1.0 / (to - from));
                }
                step++;
                double c1 = 1 - Math.pow(BETA1, step);
                double c2 = 1 - Math.pow(BETA2, step);
                for (int k = 0; k < n; k++) {
                    m1[k] = BETA1 * m1[k] + (1 - BETA1) * grad[k];
                    m2[k] = BETA2 * m2[k] + (1 - BETA2) * grad[k] * grad[k];
                    params[k] -= config.rate() * (m1[k] / c1) / (Math.sqrt(m2[k] / c2) + EPS);
                }
            }
        }
        return m;
    }

    /** Adds weight x d(loss)/d(params) of one sample to {@code grad}. */
    static void backward(SequenceModel m, Sample s, double[] grad, double weight) {
        SequenceModel.Trace t = m.forward(s.steps());
        int hidden = m.hidden;
        int features = m.features;
        int steps = s.steps().length;
        double[] p = m.p;
        double dVol = 2 * (t.vol - s.nextVolatility()) * weight;
        double dDir = (t.pUp - (s.up() ? 1 : 0)) * weight; // log loss through the sigmoid
        double[] last = t.h[steps];
        double[] dh = new double[hidden];
        grad[m.bVol] += dVol;
        grad[m.bDir] += dDir;
        for (int j = 0; j < hidden; j++) {
            grad[m.wVol + j] += dVol * last[j];
            grad[m.wDir + j] += dDir * last[j];
            dh[j] = dVol * p[m.wVol + j] + dDir * p[m.wDir + j];
        }
        double[] dc = new double[hidden];
        double[] da = new double[4 * hidden];
        for (int st = steps - 1; st >= 0; st--) {
            double[] a = t.gates[st];
            double[] cPrev = t.c[st];
            double[] hPrev = t.h[st];
            for (int j = 0; j < hidden; j++) {
                double i = a[j];
                double o = a[hidden + j];
                double f = a[2 * hidden + j];
                double g = a[3 * hidden + j];
                double tc = Math.tanh(t.c[st + 1][j]);
                double dcj = dc[j] + dh[j] * o * (1 - tc * tc);
                da[j] = dcj * g * i * (1 - i);
                da[hidden + j] = dh[j] * tc * o * (1 - o);
                da[2 * hidden + j] = dcj * cPrev[j] * f * (1 - f);
                da[3 * hidden + j] = dcj * i * (1 - g * g);
                dc[j] = dcj * f;
            }
            double[] x = t.x[st];
            java.util.Arrays.fill(dh, 0);
            for (int k = 0; k < 4 * hidden; k++) {
                double d = da[k];
                grad[m.b + k] += d;
                int wk = m.w + k * features;
                for (int j = 0; j < features; j++) {
                    grad[wk + j] += d * x[j];
                }
                int rk = m.r + k * hidden;
                for (int j = 0; j < hidden; j++) {
                    grad[rk + j] += d * hPrev[j];
                    dh[j] += d * p[rk + j];
                }
            }
        }
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
