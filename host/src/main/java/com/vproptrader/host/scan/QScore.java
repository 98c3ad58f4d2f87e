package com.vproptrader.host.scan;

/**
 * The Q* score of a candidate: a weighted mean of four components, each in [0, 1].
 * <pre>
 *   Q* = (c_a·agreement + c_m·model + c_r·regimeFit + c_e·execution) / (sum of the c of the components present)
 * </pre>
 * <ul>
 *   <li><b>agreement</b> = |Σ w_i d_i s_i| / Σ w_i over the alphas that voted (d = ±1, s = strength, w = weight):
 *       one alpha's conviction when it votes alone, less when others vote against it.</li>
 *   <li><b>model</b>: P(TP1 before SL) from a {@code ModelScorer} plugin; absent while none serves, and its
 *       weight then goes to the others (the place the learning loop's probability enters).</li>
 *   <li><b>regimeFit</b>: the evidence win probability of the voting alphas in the symbol's current regime
 *       (Beta posterior mean of their closed trades, weighted like the agreement): how well these alphas have
 *       done in this regime, 0.5-ish until trades accumulate.</li>
 *   <li><b>execution</b> = min(1, mean spread / current spread) over the host's recent ticks: 1 at or below the
 *       usual spread, ½ at twice it; absent before spread statistics exist.</li>
 * </ul>
 * Grades: A+ from {@code aPlus}, A from {@code a}, B from {@code b}, else C.
 */
public record QScore(double agreementWeight, double modelWeight, double regimeWeight, double executionWeight,
                     double aPlus, double a, double b) {

    /** Agreement 0.4, model 0.3, regime fit 0.15, execution 0.15; A+ ≥ 0.80, A ≥ 0.65, B ≥ 0.50. */
    public static final QScore DEFAULT = new QScore(0.4, 0.3, 0.15, 0.15, 0.80, 0.65, 0.50);

    public QScore {
        if (!(agreementWeight > 0) || modelWeight < 0 || regimeWeight < 0 || executionWeight < 0
                || !(aPlus >= a && a >= b && b > 0 && aPlus <= 1)) {
            throw new IllegalArgumentException("Q* weights must be >= 0 (agreement > 0), grades 1 >= A+ >= A >= B > 0");
        }
    }

    /** Q* from the components; NaN for the model or execution component means absent. */
    public double score(double agreement, double model, double regimeFit, double execution) {
        double sum = agreementWeight * clip(agreement);
        double weights = agreementWeight;
        if (!Double.isNaN(model)) {
            sum += modelWeight * clip(model);
            weights += modelWeight;
        }
        if (!Double.isNaN(regimeFit)) {
            sum += regimeWeight * clip(regimeFit);
            weights += regimeWeight;
        }
        if (!Double.isNaN(execution)) {
            sum += executionWeight * clip(execution);
            weights += executionWeight;
        }
        return sum / weights;
    }

    public Grade grade(double q) {
        return q >= aPlus ? Grade.A_PLUS : q >= a ? Grade.A : q >= b ? Grade.B : Grade.C;
    }

    private static double clip(double x) {
        return Double.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
    }
}
