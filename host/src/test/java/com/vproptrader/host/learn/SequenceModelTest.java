package com.vproptrader.host.learn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequenceModelTest {
    private static final int STEPS = 10;

    static List<SequenceTrainer.Sample> samples(int n, long seed) {
        return SyntheticEntries.sequences(n, STEPS, seed);
    }

    @Test
    void backpropagationThroughTimeMatchesNumericGradients() {
        var trainer = new SequenceTrainer(new SequenceTrainer.Config(4, 1, 8, 0.01, 3));
        SequenceModel m = trainer.train(2, samples(16, 1)); // a few steps away from the initial weights
        SequenceTrainer.Sample s = samples(1, 9).get(0);
        double[] grad = new double[m.p.length];
        SequenceTrainer.backward(m, s, grad, 1.0);

        double h = 1e-6;
        for (int k = 0; k < m.p.length; k++) {
            double keep = m.p[k];
            m.p[k] = keep + h;
            double up = loss(m, s);
            m.p[k] = keep - h;
            double down = loss(m, s);
            m.p[k] = keep;
            assertThat(grad[k]).as("parameter %d", k).isCloseTo((up - down) / (2 * h), org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void onnxRuntimeRunsTheExportedLstmAsTheJavaModelDoes() throws Exception {
        List<SequenceTrainer.Sample> data = samples(1_200, 4);
        SequenceModel m = new SequenceTrainer(new SequenceTrainer.Config(8, 4, 32, 0.01, 1)).train(2, data.subList(0, 1_000));

        double worst = 0;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(m.onnx(), new OrtSession.SessionOptions())) {
            for (SequenceTrainer.Sample s : data.subList(1_000, 1_200)) {
                float[][][] x = new float[STEPS][1][];
                for (int t = 0; t < STEPS; t++) {
                    x[t][0] = new float[] {(float) s.steps()[t][0], (float) s.steps()[t][1]};
                }
                double[] java = m.predict(floatRounded(s.steps()));
                try (OnnxTensor in = OnnxTensor.createTensor(env, x);
                     OrtSession.Result out = session.run(Map.of(SequenceModel.INPUT, in))) {
                    float vol = ((float[][]) out.get(SequenceModel.VOLATILITY).orElseThrow().getValue())[0][0];
                    float up = ((float[][]) out.get(SequenceModel.P_UP).orElseThrow().getValue())[0][0];
                    worst = Math.max(worst, Math.max(Math.abs(vol - java[0]), Math.abs(up - java[1])));
                }
            }
        }
        assertThat(worst).isLessThanOrEqualTo(ExportCheck.TOLERANCE);
    }

    @Test
    void bothHeadsLearnOnHeldOutSequences() {
        List<SequenceTrainer.Sample> data = samples(3_000, 6);
        SequenceModel m = new SequenceTrainer(SequenceTrainer.Config.DEFAULT).train(2, data.subList(0, 2_400));
        List<SequenceTrainer.Sample> test = data.subList(2_400, 3_000);

        double[] predictedVol = new double[test.size()];
        double[] trueVol = new double[test.size()];
        double[] pUp = new double[test.size()];
        boolean[] up = new boolean[test.size()];
        for (int i = 0; i < test.size(); i++) {
            double[] y = m.predict(test.get(i).steps());
            predictedVol[i] = y[0];
            trueVol[i] = test.get(i).nextVolatility();
            pUp[i] = y[1];
            up[i] = test.get(i).up();
        }
        assertThat(new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(predictedVol, trueVol))
                .isGreaterThan(0.8);
        assertThat(Metrics.of(pUp, up).auc()).isGreaterThan(0.6);
    }

    private static double loss(SequenceModel m, SequenceTrainer.Sample s) {
        double[] y = m.predict(s.steps());
        double e = y[0] - s.nextVolatility();
        return e * e - (s.up() ? Math.log(y[1]) : Math.log(1 - y[1]));
    }

    /** The inputs as ONNX Runtime sees them (float), so the comparison measures the model, not the input cast. */
    private static double[][] floatRounded(double[][] steps) {
        double[][] out = new double[steps.length][];
        for (int t = 0; t < steps.length; t++) {
            out[t] = new double[] {(float) steps[t][0], (float) steps[t][1]};
        }
        return out;
    }
}
