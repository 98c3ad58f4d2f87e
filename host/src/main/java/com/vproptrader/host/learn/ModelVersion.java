package com.vproptrader.host.learn;

/**
 * One registered model version.
 *
 * @param id            registry id, e.g. "tp1-3"
 * @param family        model family ("random-forest", "boosted-trees")
 * @param schemaHash    hash of the feature schema it was trained on
 * @param trainFromMs   first entry time in its training window
 * @param trainToMs     latest label-known time in its training window (nothing later was seen)
 * @param trainRows     rows trained on
 * @param oos           walk-forward out-of-sample metrics
 * @param exportDiff    largest |ONNX - Java| probability on the verification rows
 * @param parent        the version serving when it was trained ("" for the first)
 * @param state         CANDIDATE, SERVING, RETIRED or REJECTED
 * @param publishedAs   plugin label it serves or served as ("" if never published)
 * @param reason        why it is in its state
 * @param walkForward   trading its walk-forward out-of-sample probabilities would have done
 */
public record ModelVersion(String id, String family, String schemaHash, long trainFromMs, long trainToMs,
                           int trainRows, Metrics oos, double exportDiff, String parent, State state,
                           String publishedAs, String reason, WalkForwardTrading walkForward) {
    /** Where a version stands. */
    public enum State { CANDIDATE, SERVING, RETIRED, REJECTED }
}
