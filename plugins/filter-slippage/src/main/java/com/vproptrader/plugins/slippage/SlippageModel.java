package com.vproptrader.plugins.slippage;

import com.vproptrader.plugin.api.Decimals;
import com.vproptrader.proto.FillSlippage;
import com.vproptrader.proto.Side;
import java.util.Arrays;
import java.util.List;

/**
 * Predicted slippage in points: {@code intercept(side) + slope x spread}, a robust line through the
 * account's own fills.
 *
 * <ul>
 *   <li>Slope: Theil-Sen, the median of the slopes between every pair of fills sent at different spreads.
 *       Wider spreads mean a thinner, faster book, so more slippage; the median ignores the odd news fill
 *       that a least-squares line would chase. A negative slope is read as noise and taken as 0, so a
 *       wider spread is never predicted to slip less.</li>
 *   <li>Intercept: the median of {@code slippage - slope x spread} over the fills of the candidate's side
 *       (brokers often treat buys and sells differently), or over all fills while that side has fewer than
 *       {@code minSideFills}.</li>
 * </ul>
 * Size is not in the model: the filter runs before sizing, so the candidate's lots are not known yet.
 */
record SlippageModel(double intercept, double slope, String basis, int fills) {
    private static final double SAME_SPREAD = 0.05; // spreads come rounded to 0.1 point

    static SlippageModel fit(List<FillSlippage> samples, Side side, int minSideFills) {
        double[] spread = new double[samples.size()];
        double[] slip = new double[samples.size()];
        boolean[] sameSide = new boolean[samples.size()];
        int n = 0;
        int onSide = 0;
        for (FillSlippage f : samples) {
            if (Double.isFinite(f.getSpreadAtSendPoints()) && Double.isFinite(f.getSlippagePoints())) {
                spread[n] = f.getSpreadAtSendPoints();
                slip[n] = f.getSlippagePoints();
                sameSide[n] = f.getSide() == side;
                onSide += sameSide[n] ? 1 : 0;
                n++;
            }
        }
        double slope = Math.max(0, theilSenSlope(spread, slip, n));
        boolean bySide = onSide >= minSideFills;
        double[] residuals = new double[bySide ? onSide : n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!bySide || sameSide[i]) {
                residuals[k++] = slip[i] - slope * spread[i];
            }
        }
        double intercept = k == 0 ? 0 : median(residuals, k);
        String basis = bySide ? side + " fit on " + n + " fills" : "both sides, " + onSide + " " + side + " of " + n + " fills";
        return new SlippageModel(intercept, slope, basis, n);
    }

    double predict(double spreadPoints) {
        return intercept + slope * spreadPoints;
    }

    /** {@code "%.2f + %.2f x spread %.1f, basis"} appended to {@code to}. */
    StringBuilder describe(StringBuilder to, double spreadPoints) {
        return Decimals.fixed(Decimals.fixed(Decimals.fixed(to, intercept, 2).append(" + "), slope, 2)
                .append(" x spread "), spreadPoints, 1).append(", ").append(basis);
    }

    private static double theilSenSlope(double[] x, double[] y, int n) {
        double[] slopes = new double[n * (n - 1) / 2];
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[j] - x[i];
                if (Math.abs(dx) >= SAME_SPREAD) {
                    slopes[m++] = (y[j] - y[i]) / dx;
                }
            }
        }
        return m == 0 ? 0 : median(slopes, m);
    }

    private static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
