package com.vproptrader.host.learn;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Out-of-sample quality of a probability model on rows it never trained on.
 *
 * @param auc     area under the ROC curve (0.5 = no skill), ties counted half
 * @param logLoss mean negative log-likelihood, probabilities clipped to [1e-15, 1 - 1e-15]
 * @param brier   mean squared error of the probability against the 0/1 outcome
 * @param rows    rows scored
 */
public record Metrics(double auc, double logLoss, double brier, int rows) {
    private static final double CLIP = 1e-15;

    public static Metrics of(ProbabilityModel model, List<LabeledEntry> heldOut) {
        double[] p = new double[heldOut.size()];
        boolean[] y = new boolean[heldOut.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = model.probability(heldOut.get(i).sharedFeatures());
            y[i] = heldOut.get(i).tp1First();
        }
        return of(p, y);
    }

    public static Metrics of(double[] p, boolean[] y) {
        if (p.length != y.length || p.length == 0) {
            throw new IllegalArgumentException("need one outcome per probability, at least one");
        }
        double logLoss = 0;
        double brier = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - CLIP, Math.max(CLIP, p[i]));
            logLoss -= y[i] ? Math.log(q) : Math.log(1 - q);
            double e = p[i] - (y[i] ? 1 : 0);
            brier += e * e;
        }
        return new Metrics(auc(p, y), logLoss / p.length, brier / p.length, p.length);
    }

    /** Mann-Whitney: the share of (positive, negative) pairs ranked the right way, ties half. */
    static double auc(double[] p, boolean[] y) {
        Integer[] order = new Integer[p.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double rankSumPositives = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1; // ranks are 1-based; tied rows share the mean rank
            for (int k = i; k <= j; k++) {
                if (y[order[k]]) {
                    rankSumPositives += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = p.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN; // undefined with one class
        }
        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
