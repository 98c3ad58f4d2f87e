package com.vproptrader.host.learn;

import java.util.List;

/**
 * The check every export passes before its model is registered: ONNX Runtime, on the exported graph, gives
 * the Java model's probability on every held-out row within {@link #TOLERANCE}. The tolerance is float
 * precision: the tree nodes keep double thresholds, but ONNX tree ensembles and the output are float.
 */
public final class ExportCheck {
    /** Largest accepted |ONNX - Java| per row. */
    public static final double TOLERANCE = 1e-5;

    /** @param maxDifference largest |ONNX - Java| seen, @param rows rows compared */
    public record Result(double maxDifference, int rows) {
        public boolean passed() {
            return maxDifference <= TOLERANCE;
        }
    }

    private ExportCheck() {
    }

    public static Result compare(ProbabilityModel model, byte[] onnx, List<LabeledEntry> heldOut) {
        if (heldOut.isEmpty()) {
            throw new IllegalArgumentException("no held-out rows to verify the export on");
        }
        double[][] rows = heldOut.stream().map(LabeledEntry::features).toArray(double[][]::new);
        double worst = 0;
        try (OnnxRowSession ort = new OnnxRowSession(onnx, model.schema().size())) {
            double[] batch = ort.scores(rows);
            for (int i = 0; i < rows.length; i++) {
                double java = model.probability(rows[i]);
                worst = Math.max(worst, Math.abs(batch[i] - java));
                worst = Math.max(worst, Math.abs(ort.score(rows[i]) - java)); // the single-row path too
            }
        }
        return new Result(worst, rows.length);
    }

    /** @throws IllegalStateException naming the difference when the export does not match */
    public static Result require(ProbabilityModel model, byte[] onnx, List<LabeledEntry> heldOut) {
        Result r = compare(model, onnx, heldOut);
        if (!r.passed()) {
            throw new IllegalStateException(model.family() + " export differs from the Java model by "
                    + r.maxDifference() + " on " + r.rows() + " held-out rows (tolerance " + TOLERANCE + ")");
        }
        return r;
    }
}
