package com.vproptrader.plugins.spread;

import com.vproptrader.plugin.api.SignalFilter;
import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.FilterVerdict;
import java.util.Arrays;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Blocks a trade when the spread is unusually wide: above an absolute cap, or above the 60th percentile
 * of the symbol's recent spreads (the newest {@code window} of them). With fewer than
 * {@code minSamples} recent spreads the percentile means little, so only the cap applies.
 * Stateless: the verdict depends only on the input.
 */
@Extension
public final class SpreadFilter implements SignalFilter {
    static final double DEFAULT_CAP_POINTS = 30;
    static final double PERCENTILE = 60;
    static final int DEFAULT_WINDOW = 200;
    static final int DEFAULT_MIN_SAMPLES = 20;

    private final double capPoints;
    private final int window;
    private final int minSamples;

    public SpreadFilter() {
        this(DEFAULT_CAP_POINTS, DEFAULT_WINDOW, DEFAULT_MIN_SAMPLES);
    }

    SpreadFilter(double capPoints, int window, int minSamples) {
        this.capPoints = capPoints;
        this.window = window;
        this.minSamples = minSamples;
    }

    @Override
    public FilterVerdict check(FilterInput input) {
        double spread = input.getSpreadPoints();
        if (!Double.isFinite(spread) || spread < 0) {
            return verdict(false, "invalid spread " + spread);
        }
        if (spread > capPoints) {
            return verdict(false, fmt("spread %.1f pts above cap %.1f", spread, capPoints));
        }
        int n = input.getRecentSpreadsPointsCount();
        int from = Math.max(0, n - window);
        double[] recent = new double[n - from];
        int k = 0;
        for (int i = from; i < n; i++) {
            double s = input.getRecentSpreadsPoints(i);
            if (Double.isFinite(s)) {
                recent[k++] = s;
            }
        }
        if (k < minSamples) {
            return verdict(true, fmt("ok: spread %.1f pts, only %d recent spreads, cap only", spread, k));
        }
        double p60 = percentile(Arrays.copyOf(recent, k), PERCENTILE);
        if (spread > p60) {
            return verdict(false, fmt("spread %.1f pts above p60 %.1f of last %d", spread, p60, k));
        }
        return verdict(true, fmt("ok: spread %.1f pts <= p60 %.1f", spread, p60));
    }

    /** Linear interpolation between closest ranks (numpy's default), p in 0..100. */
    static double percentile(double[] values, double p) {
        Arrays.sort(values);
        double rank = p / 100 * (values.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return values[lo] + (values[hi] - values[lo]) * (rank - lo);
    }

    private static FilterVerdict verdict(boolean pass, String reason) {
        return FilterVerdict.newBuilder().setPass(pass).setReason(reason).build();
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
