package com.vproptrader.host.risk;

/**
 * Caps a new position so that the portfolio's daily P/L volatility stays at or under a target share
 * of equity (1% by default). With existing positions' daily money volatilities w (signed: + long,
 * − short), the correlation matrix C of their returns, and a new position of x lots whose daily
 * money volatility per lot is v with direction s:
 * <pre>
 *   σ²(x) = wᵀ C w + 2 x s v Σ_i w_i C_i,new + x² v²  ≤  T²        (T = target × equity)
 *   x_max = (−s·B + √(B² − A + T²)) / v,   A = wᵀ C w,  B = Σ_i w_i C_i,new
 * </pre>
 * A hedge (s·B &lt; 0) earns room; when the book alone is already above target, x_max = 0.
 */
public record VolatilityTarget(double dailyVolTarget) {

    public static final VolatilityTarget ONE_PERCENT = new VolatilityTarget(0.01);

    /**
     * @param equity         account equity (money)
     * @param existing       daily money volatility of each open position, signed by direction
     * @param correlation    (n+1)×(n+1) correlation of the n open positions' symbols and the new one (last)
     * @param perLotVol      daily money volatility of one lot of the new symbol (σ_daily price / tickSize × tickValue)
     * @param direction      +1 long, −1 short
     * @return the largest lot count (unrounded) that keeps portfolio volatility at the target
     */
    public double maxLots(double equity, double[] existing, double[][] correlation, double perLotVol, int direction) {
        int n = existing.length;
        if (correlation.length != n + 1 || !(perLotVol > 0)) {
            throw new IllegalArgumentException("correlation must be (n+1)x(n+1) and perLotVol > 0");
        }
        double a = 0;
        double b = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a += existing[i] * correlation[i][j] * existing[j];
            }
            b += existing[i] * correlation[i][n];
        }
        double t = dailyVolTarget * equity;
        double disc = b * b - a + t * t;
        if (disc < 0) {
            return 0;
        }
        return Math.max(0, (-direction * b + Math.sqrt(disc)) / perLotVol);
    }

    /** Portfolio daily money volatility √(wᵀ C w) for signed position volatilities w. */
    public static double portfolioVol(double[] w, double[][] correlation) {
        double v = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                v += w[i] * correlation[i][j] * w[j];
            }
        }
        return Math.sqrt(Math.max(0, v));
    }
}
