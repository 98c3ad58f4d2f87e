package com.vproptrader.plugins.spread;

import com.vproptrader.plugin.api.Decimals;
import com.vproptrader.plugin.api.PluginConfig;
import com.vproptrader.plugin.api.SignalFilter;
import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.FilterVerdict;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import org.pf4j.Extension;

/**
 * Blocks a trade when the spread is unusually wide for the symbol at this time of day: above
 * {@code capMultiple} times the median of the symbol's recent spreads (a blow-out, whatever the session), or
 * above the {@code percentile} of the symbol's recent spreads in the same session (London's spreads are not
 * Asia's). Every bound is in the symbol's own spreads, never a number of points: an index's ordinary spread is
 * a hundred points, EURUSD's ten. Without {@code minSamples} spreads of this session yet the percentile falls
 * back to the symbol's recent spreads of any session; with fewer than that too there is no scale yet and it
 * passes, saying so. Only the newest {@code window} spreads count. An operator's cap in points from the host
 * ({@code spread_cap_points}, e.g. {@code replay run --spread-cap}) replaces the median-multiple cap and applies
 * from the first tick. Parameters from {@code SpreadFilter.properties}. Stateless: the verdict depends only on
 * the input.
 */
@Extension
public final class SpreadFilter implements SignalFilter {
    private final double capMultiple;
    private final double percentile;
    private final int window;
    private final int minSamples;
    /** The percentile's name in reasons ("p90"), made once. */
    private final String label;

    public SpreadFilter() {
        this(PluginConfig.of(SpreadFilter.class));
    }

    SpreadFilter(PluginConfig config) {
        this(config.positive("cap_median_multiple"), config.number("percentile", 0, 100),
                config.intAtLeast("window", 1), config.intAtLeast("min_samples", 1));
    }

    SpreadFilter(double capMultiple, double percentile, int window, int minSamples) {
        this.capMultiple = capMultiple;
        this.percentile = percentile;
        this.window = window;
        this.minSamples = minSamples;
        this.label = fmt("p%.0f", percentile);
    }

    @Override
    public FilterVerdict check(FilterInput input) {
        double spread = input.getSpreadPoints();
        if (!Double.isFinite(spread) || spread < 0) {
            return verdict(false, "invalid spread " + spread);
        }
        double hostCap = input.getSpreadCapPoints();
        if (hostCap > 0 && spread > hostCap) {
            return verdict(false, fmt("spread %.1f pts > cap %.1f", spread, hostCap));
        }
        double[] recent = newestFinite(input.getRecentSpreadsPointsCount(), input::getRecentSpreadsPoints);
        if (recent.length < minSamples) {
            return verdict(true, fmt("ok: spread %.1f pts, only %d recent spreads, no scale yet", spread, recent.length));
        }
        double cap = capMultiple * percentile(recent, 50);
        if (hostCap <= 0 && spread > cap) {
            return verdict(false, fmt("spread %.1f pts > cap %.1f (%.1fx median of last %d)", spread, cap, capMultiple,
                    recent.length));
        }
        double[] reference = newestFinite(input.getSessionSpreadsPointsCount(), input::getSessionSpreadsPoints);
        String basis = sessionLabel(input.getSession());
        if (reference.length < minSamples) {
            reference = recent;
            basis = "all sessions";
        }
        double p = percentile(reference, percentile);
        if (spread > p) {
            return verdict(false, fmt("spread %.1f pts > %s %.1f (%s, last %d)", spread, label, p, basis, reference.length));
        }
        // "ok: spread %.1f pts <= %s %.1f (%s, last %d)": the usual answer, built without a formatter
        return verdict(true, Decimals.fixed(Decimals.fixed(new StringBuilder(80).append("ok: spread "), spread, 1)
                .append(" pts <= ").append(label).append(' '), p, 1).append(" (").append(basis).append(", last ")
                .append(reference.length).append(')').toString());
    }

    /** The newest {@code window} finite of {@code n} values, in any order (the percentile sorts them); read unboxed. */
    private double[] newestFinite(int n, IntToDoubleFunction spreads) {
        double[] out = new double[Math.min(n, window)];
        int k = 0;
        for (int i = Math.max(0, n - window); i < n; i++) {
            double s = spreads.applyAsDouble(i);
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
