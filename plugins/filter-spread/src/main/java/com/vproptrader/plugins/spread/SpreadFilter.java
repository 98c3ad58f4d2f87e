package com.vproptrader.plugins.spread;

import com.vproptrader.plugin.api.SignalFilter;
import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.FilterVerdict;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Blocks a trade when the spread is unusually wide for the symbol at this time of day: above an absolute
 * cap (the host's {@code spread_cap_points} when it gives one, else 30 points), or above the 60th percentile of the symbol's recent spreads in the same session (London's spreads
 * are not Asia's). Without {@code minSamples} spreads of this session yet it falls back to the symbol's
 * recent spreads of any session; with fewer than that too, only the cap applies. Only the newest
 * {@code window} spreads count. Stateless: the verdict depends only on the input.
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
        double cap = input.getSpreadCapPoints() > 0 ? input.getSpreadCapPoints() : capPoints;
        if (spread > cap) {
            return verdict(false, fmt("spread %.1f pts > cap %.1f", spread, cap));
        }
        double[] reference = newestFinite(input.getSessionSpreadsPointsList());
        String basis = sessionLabel(input.getSession());
        if (reference.length < minSamples) {
            reference = newestFinite(input.getRecentSpreadsPointsList());
            basis = "all sessions";
        }
        if (reference.length < minSamples) {
            return verdict(true, fmt("ok: spread %.1f pts, only %d recent spreads, cap only", spread, reference.length));
        }
        double p60 = percentile(reference, PERCENTILE);
        if (spread > p60) {
            return verdict(false, fmt("spread %.1f pts > p60 %.1f (%s, last %d)", spread, p60, basis, reference.length));
        }
        return verdict(true, fmt("ok: spread %.1f pts <= p60 %.1f (%s, last %d)", spread, p60, basis, reference.length));
    }

    /** The newest {@code window} finite values, in any order (the percentile sorts them). */
    private double[] newestFinite(List<Double> spreads) {
        int n = spreads.size();
        double[] out = new double[Math.min(n, window)];
        int k = 0;
        for (int i = Math.max(0, n - window); i < n; i++) {
            double s = spreads.get(i);
            if (Double.isFinite(s)) {
                out[k++] = s;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /** "LONDON_NEW_YORK" as "London/New York" for the journal; "" as "session unknown". */
    static String sessionLabel(String session) {
        return switch (session) {
            case "ASIA" -> "Asia";
            case "LONDON" -> "London";
            case "LONDON_NEW_YORK" -> "London/New York";
            case "NEW_YORK" -> "New York";
            case "OFF" -> "off-hours";
            case "" -> "session unknown";
            default -> session;
        };
    }

    /** Linear interpolation between closest ranks (numpy's default), p in 0..100. Sorts {@code values}. */
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
