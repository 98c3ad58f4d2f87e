package com.vproptrader.host.navigator;

/**
 * The stationary bootstrap's expected block length chosen from the data's own autocorrelation: Politis and
 * White (2004), with the correction of Patton, Politis and White (2009).
 *
 * <pre>
 *   m̂   = the first lag after which K_N = max(5, ⌈√log10 n⌉) autocorrelations in a row are all
 *         below c·√(log10 n / n), c = 2 (the "flat" lag); M = min(2·m̂, m_max), m_max = ⌈√n⌉ + K_N
 *   λ(t)= 1 for |t| ≤ ½, 2(1 − |t|) for ½ < |t| ≤ 1, 0 beyond (flat-top lag window)
 *   Ĝ   = Σ_{|k| ≤ M} λ(k/M) |k| R̂(k)         ĝ = Σ_{|k| ≤ M} λ(k/M) R̂(k)
 *   b   = (2 Ĝ² / (2 ĝ²))^{1/3} · n^{1/3}, clipped to [1, min(3√n, n/3)]
 * </pre>
 * With no dependence (Ĝ ≈ 0) b tends to 1, the plain i.i.d. bootstrap of days.
 */
final class BlockLength {
    private static final double C = 2.0;

    private BlockLength() {
    }

    static double of(double[] x) {
        int n = x.length;
        if (n < 4) {
            return 1;
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] centred = new double[n];
        for (int i = 0; i < n; i++) {
            centred[i] = x[i] - mean;
        }
        double r0 = autocovariance(centred, 0);
        if (r0 <= 0) {
            return 1;
        }
        int kn = Math.max(5, (int) Math.ceil(Math.sqrt(Math.log10(n))));
        int mMax = (int) Math.ceil(Math.sqrt(n)) + kn;
        double threshold = C * Math.sqrt(Math.log10(n) / n);
        int lags = Math.min(mMax + kn, n - 1);
        double[] rho = new double[lags + 1];
        for (int k = 1; k <= lags; k++) {
            rho[k] = autocovariance(centred, k) / r0;
        }
        int flat = lags; // no run of small autocorrelations found: use the largest lag allowed
        for (int m = 0; m + kn <= lags; m++) {
            boolean allSmall = true;
            for (int k = 1; k <= kn && allSmall; k++) {
                allSmall = Math.abs(rho[m + k]) < threshold;
            }
            if (allSmall) {
                flat = m;
                break;
            }
        }
        int bigM = Math.min(2 * Math.max(flat, 1), Math.min(mMax, n - 1));
        double g = r0;
        double bigG = 0;
        for (int k = 1; k <= bigM; k++) {
            double w = window((double) k / bigM);
            double rk = autocovariance(centred, k);
            g += 2 * w * rk;
            bigG += 2 * w * k * rk;
        }
        double cap = Math.ceil(Math.min(3 * Math.sqrt(n), n / 3.0));
        if (g <= 0) {
            return 1;
        }
        double b = Math.cbrt(2 * bigG * bigG / (2 * g * g)) * Math.cbrt(n);
        return Math.max(1, Math.min(cap, b));
    }

    private static double window(double t) {
        double a = Math.abs(t);
        return a <= 0.5 ? 1 : a <= 1 ? 2 * (1 - a) : 0;
    }

    private static double autocovariance(double[] c, int lag) {
        double s = 0;
        for (int i = lag; i < c.length; i++) {
            s += c[i] * c[i - lag];
        }
        return s / c.length;
    }
}
