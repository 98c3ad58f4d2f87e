package com.vproptrader.host.risk;

import java.util.Optional;

/**
 * Limits on the open book a new position joins, checked after sizing and before the governors:
 * <ul>
 *   <li><b>ES95</b>: the one-day expected shortfall at 95% of the book with the new position must stay at or
 *       under {@code maxEs95} of equity. Historical over the newest M1 bar returns of every symbol in it,
 *       aligned on the new symbol's bar times, scaled to a day by √1440 (fat tails in the minute returns show
 *       up here, which the normal model behind the volatility target does not see); parametric from the
 *       daily volatilities while fewer than {@code minScenarios} aligned returns exist.</li>
 *   <li><b>Correlation with the book</b>: corr(new position's P/L, open book's P/L) =
 *       s·Σᵢ wᵢ ρᵢ,new / √(wᵀCw) over the pairs whose correlation is known, w the positions' signed daily money
 *       volatilities, s the new direction. At or above {@code maxCorrelation} the new trade only doubles a bet
 *       already on: refused.</li>
 * </ul>
 *
 * @param maxEs95        share of equity, e.g. 0.03
 * @param maxCorrelation e.g. 0.7
 * @param minScenarios   aligned M1 returns needed for the historical ES95
 */
public record PortfolioLimits(double maxEs95, double maxCorrelation, int minScenarios) {
    /** ES95 ≤ 3% of equity a day, correlation with the book &lt; 0.7, historical from 60 returns. */
    public static final PortfolioLimits DEFAULT = new PortfolioLimits(0.03, 0.7, 60);
    static final double MINUTES_PER_DAY = 1440;

    public PortfolioLimits {
        if (!(maxEs95 > 0) || !(maxCorrelation > 0 && maxCorrelation <= 1) || minScenarios < 20) {
            throw new IllegalArgumentException("need maxEs95 > 0, 0 < maxCorrelation <= 1, minScenarios >= 20");
        }
    }

    /**
     * @param exposures    money per unit log return of each position, signed (+ long), the new one last
     * @param m1Returns    aligned M1 log returns per symbol of {@code exposures} (same order), or empty
     * @param dailyVols    signed daily money volatilities, the new one last (the parametric fallback)
     * @param correlation  correlation of the positions' symbols, the new one last; NaN = unknown
     * @param equity       account equity
     * @return the reason code and text when a limit is broken
     */
    public Optional<Rejection> check(double[] exposures, double[][] m1Returns, double[] dailyVols,
                                     double[][] correlation, double equity) {
        int n = exposures.length;
        double es;
        String basis;
        if (m1Returns.length == n && n > 0 && m1Returns[0].length >= minScenarios) {
            es = ExpectedShortfall.portfolioHistorical(exposures, m1Returns) * Math.sqrt(MINUTES_PER_DAY);
            basis = "historical over " + m1Returns[0].length + " M1 returns";
        } else {
            es = ExpectedShortfall.parametric(0, VolatilityTarget.portfolioVol(dailyVols, known(correlation, 1.0)));
            basis = "parametric";
        }
        if (es > maxEs95 * equity) {
            return Optional.of(new Rejection("es95", String.format(java.util.Locale.ROOT,
                    "ES95 %.2f (%s) > %.2f%% of equity %.2f", es, basis, maxEs95 * 100, equity)));
        }
        double rho = correlationWithBook(dailyVols, correlation);
        if (rho >= maxCorrelation) {
            return Optional.of(new Rejection("correlation", String.format(java.util.Locale.ROOT,
                    "correlation with the open book %.2f >= %.2f", rho, maxCorrelation)));
        }
        return Optional.empty();
    }

    /** corr(new, book) from signed vols (new last) over the known correlations; 0 without a known pair. */
    static double correlationWithBook(double[] w, double[][] correlation) {
        int n = w.length - 1;
        if (n <= 0) {
            return 0;
        }
        double[][] c = known(correlation, 0.0);
        double[] book = java.util.Arrays.copyOf(w, n);
        double bookVol = VolatilityTarget.portfolioVol(book, sub(c, n));
        double cov = 0;
        boolean anyKnown = false;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(correlation[i][n])) {
                cov += book[i] * correlation[i][n];
                anyKnown = true;
            }
        }
        return anyKnown && bookVol > 0 ? Math.signum(w[n]) * cov / bookVol : 0;
    }

    /** The matrix with unknown (NaN) entries replaced. */
    static double[][] known(double[][] c, double unknown) {
        double[][] out = new double[c.length][];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i].clone();
            for (int j = 0; j < c[i].length; j++) {
                if (Double.isNaN(out[i][j])) {
                    out[i][j] = i == j ? 1 : unknown;
                }
            }
        }
        return out;
    }

    private static double[][] sub(double[][] c, int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(c[i], 0, out[i], 0, n);
        }
        return out;
    }

    /** Why a candidate was refused: a short code for the counters and a text for the journal. */
    public record Rejection(String code, String detail) {
    }
}
