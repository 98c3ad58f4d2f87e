package com.vproptrader.host.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {
    private final List<double[]> training = SyntheticEntries.generate(3_000, 1).stream().map(LabeledEntry::features).toList();
    private final Autoencoder autoencoder = Autoencoder.train(training, Autoencoder.Config.DEFAULT);
    private final DriftMonitor monitor = new DriftMonitor(SyntheticEntries.SCHEMA, training, autoencoder,
            DriftMonitor.Thresholds.DEFAULT);

    @Test
    void freshRowsFromTheSameMarketAreStable() {
        List<double[]> recent = SyntheticEntries.generate(1_000, 2).stream().map(LabeledEntry::features).toList();

        DriftMonitor.Report r = monitor.check(recent);

        assertThat(r.drifted()).as(r.reason()).isFalse();
        assertThat(r.psi().values()).allSatisfy(v -> assertThat(v).isLessThan(0.1));
        assertThat(r.errorRatio()).isBetween(0.8, 1.25);
    }

    @Test
    void aWiderSpreadShowsInItsPsiAndInTheReconstructionError() {
        List<double[]> recent = SyntheticEntries.generate(1_000, 3).stream().map(e -> {
            double[] x = e.features();
            x[2] = x[2] * 3 + 2; // spread_z: spreads much wider and more erratic than in training
            return x;
        }).toList();

        DriftMonitor.Report r = monitor.check(recent);

        assertThat(r.drifted()).isTrue();
        assertThat(r.psi().get("spread_z")).isGreaterThan(0.25);
        assertThat(r.psi().get("mom_20")).isLessThan(0.1);
        assertThat(r.errorRatio()).isGreaterThan(2.0);
        assertThat(r.reason()).contains("spread_z PSI");
    }

    @Test
    void onnxRuntimeComputesTheAutoencoderErrorAsJavaDoes() {
        double[][] rows = SyntheticEntries.generate(500, 4).stream().map(LabeledEntry::features).toArray(double[][]::new);
        double worst = 0;
        try (OnnxRowSession ort = new OnnxRowSession(autoencoder.onnx(), SyntheticEntries.SCHEMA.size())) {
            double[] onnx = ort.scores(rows);
            for (int i = 0; i < rows.length; i++) {
                worst = Math.max(worst, Math.abs(onnx[i] - autoencoder.error(rows[i])) / Math.max(1, autoencoder.error(rows[i])));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(ExportCheck.TOLERANCE);
    }
}
