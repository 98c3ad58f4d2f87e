package com.vproptrader.host.learn;

/**
 * One trade candidate as the learner sees it: the features at entry, and whether price reached TP1 before
 * the stop. The label is only known at {@code labelKnownMs} (when TP1 or SL was hit, or the trade timed
 * out), which is what keeps training honest: a model trained at time T may only use entries whose label
 * was known before T.
 *
 * @param entryMs      event time of the decision, ms
 * @param labelKnownMs event time the outcome became known, ms (>= entryMs)
 * @param features     values in the order of the {@link ModelSchema}
 * @param tp1First     true when TP1 was reached before SL
 */
public record LabeledEntry(long entryMs, long labelKnownMs, double[] features, boolean tp1First) {
    public LabeledEntry {
        if (labelKnownMs < entryMs) {
            throw new IllegalArgumentException("label known at " + labelKnownMs + " before entry " + entryMs);
        }
        for (double v : features) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("non-finite feature at entry " + entryMs);
            }
        }
        features = features.clone();
    }

    /** A copy of the features (the record keeps its own). */
    public double[] features() {
        return features.clone();
    }

    /** The features without a copy, for trainers in this package that only read them. */
    double[] sharedFeatures() {
        return features;
    }

    double target() {
        return tp1First ? 1.0 : 0.0;
    }
}
