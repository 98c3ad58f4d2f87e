package com.vproptrader.host.learn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Is the market feeding the model something it was not trained on? Two views of the same question, over a
 * window of recent feature vectors against the training rows: PSI per feature (which feature moved), and the
 * autoencoder's mean reconstruction error against its error on the training rows (whether the joint vector
 * moved, even when each feature alone looks familiar).
 */
public final class DriftMonitor {
    /**
     * @param psi        PSI above which a feature has shifted (0.25 is the customary line)
     * @param errorRatio recent/reference reconstruction error above which the vector has shifted
     */
    public record Thresholds(double psi, double errorRatio) {
        public static final Thresholds DEFAULT = new Thresholds(0.25, 2.0);
    }

    /** One check: PSI per feature name, and the error ratio. */
    public record Report(Map<String, Double> psi, double errorRatio, boolean drifted, String reason) {
    }

    private static final int BINS = 10;
    private final ModelSchema schema;
    private final Psi[] psi;
    private final Autoencoder autoencoder;
    private final double referenceError;
    private final Thresholds thresholds;

    public DriftMonitor(ModelSchema schema, List<double[]> training, Autoencoder autoencoder, Thresholds thresholds) {
        this.schema = schema;
        this.autoencoder = autoencoder;
        this.thresholds = thresholds;
        psi = new Psi[schema.size()];
        for (int j = 0; j < psi.length; j++) {
            psi[j] = new Psi(column(training, j), BINS);
        }
        referenceError = meanError(training);
    }

    public Report check(List<double[]> recent) {
        Map<String, Double> byFeature = new LinkedHashMap<>();
        StringBuilder why = new StringBuilder();
        for (int j = 0; j < psi.length; j++) {
            double v = psi[j].of(column(recent, j));
            byFeature.put(schema.names().get(j), v);
            if (v > thresholds.psi()) {
                why.append(String.format("%s PSI %.3f; ", schema.names().get(j), v));
            }
        }
        double ratio = meanError(recent) / referenceError;
        if (ratio > thresholds.errorRatio()) {
            why.append(String.format("reconstruction error x%.2f; ", ratio));
        }
        return new Report(byFeature, ratio, why.length() > 0, why.length() > 0 ? why.toString().strip() : "stable");
    }

    private double meanError(List<double[]> rows) {
        return rows.stream().mapToDouble(autoencoder::error).average().orElseThrow();
    }

    private static double[] column(List<double[]> rows, int j) {
        return rows.stream().mapToDouble(r -> r[j]).toArray();
    }
}
