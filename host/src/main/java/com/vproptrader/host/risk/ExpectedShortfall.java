package com.vproptrader.host.risk;

import java.util.Arrays;

/**
 * Expected shortfall at 95% (the mean loss in the worst 5% of days), as a positive money amount.
 * <ul>
 *   <li>Historical: over n P/L scenarios, the mean of the k = ⌈0.05·n⌉ largest losses.</li>
 *   <li>Parametric (normal): ES = −μ + σ·φ(z)/0.05 with z = Φ⁻¹(0.95) = 1.6449, i.e. ≈ 2.0627·σ − μ.</li>
 * </ul>
 * A position's scenarios are its exposure times the symbol's historical returns; the portfolio's
 * are the per-scenario sums (historical, keeps the real co-movement) or exposureᵀ Σ exposure (parametric).
 */
public final class ExpectedShortfall {
    public static final double ALPHA = 0.95;
    static final double Z95 = 1.6448536269514722;
    /** φ(z)/(1 − α) for α = 0.95. */
    static final double NORMAL_TAIL_FACTOR = Math.exp(-Z95 * Z95 / 2) / Math.sqrt(2 * Math.PI) / (1 - ALPHA);

    private ExpectedShortfall() {
    }

    /** Historical ES95 of P/L scenarios (money; gains positive). */
    public static double historical(double[] pnl) {
        if (pnl.length == 0) {
            throw new IllegalArgumentException("no scenarios");
        }
        double[] sorted = pnl.clone();
        Arrays.sort(sorted); // worst (most negative) first
        int k = tailCount(pnl.length);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += sorted[i];
        }
        return -sum / k;
    }

    /** How many of n scenarios form the 5% tail: ⌈0.05·n⌉, at least one (VaR 95 is the k-th worst). */
    public static int tailCount(int n) {
        return Math.max(1, (int) Math.ceil(n * (1 - ALPHA) - 1e-9));
    }

    /** Parametric (normal) ES95 of a P/L with mean {@code mean} and standard deviation {@code sd}. */
    public static double parametric(double mean, double sd) {
        return -mean + sd * NORMAL_TAIL_FACTOR;
    }

    /** A position's P/L scenarios: {@code exposure} (money per unit return, signed) × each return. */
    public static double[] positionPnl(double exposure, double[] returns) {
        double[] pnl = new double[returns.length];
        for (int t = 0; t < returns.length; t++) {
            pnl[t] = exposure * returns[t];
        }
        return pnl;
    }

    /** Historical ES95 of a book: exposures[i] × returns[i][t] summed per scenario t. */
    public static double portfolioHistorical(double[] exposures, double[][] returns) {
        int n = returns[0].length;
        double[] pnl = new double[n];
        for (int i = 0; i < exposures.length; i++) {
            if (returns[i].length != n) {
                throw new IllegalArgumentException("return series of different lengths");
            }
            for (int t = 0; t < n; t++) {
                pnl[t] += exposures[i] * returns[i][t];
            }
        }
        return historical(pnl);
    }

    /** Parametric ES95 of a book from mean returns and the return covariance matrix. */
    public static double portfolioParametric(double[] exposures, double[] meanReturns, double[][] covariance) {
        double mean = 0;
        double var = 0;
        for (int i = 0; i < exposures.length; i++) {
            mean += exposures[i] * meanReturns[i];
            for (int j = 0; j < exposures.length; j++) {
                var += exposures[i] * covariance[i][j] * exposures[j];
            }
        }
        return parametric(mean, Math.sqrt(Math.max(0, var)));
    }
}
