package com.vproptrader.plugins.latency;

import com.vproptrader.plugin.api.SignalFilter;
import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.FilterVerdict;
import java.util.Arrays;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Vetoes a candidate while the link to the terminal is slow: the newest recent round trip (signal sent to
 * fill/reject), the recent p90, or the wait of a signal still unanswered is above {@code maxRoundTripMs}
 * (400 ms). A slow order is filled at a price the decision never saw. This is the per-candidate veto; the
 * host pauses all trading on the same evidence and lifts the pause itself. Stateless.
 */
@Extension
public final class LatencyFilter implements SignalFilter {
    static final double DEFAULT_MAX_ROUND_TRIP_MS = 400;
    static final double PERCENTILE = 90;

    private final double maxRoundTripMs;

    public LatencyFilter() {
        this(DEFAULT_MAX_ROUND_TRIP_MS);
    }

    LatencyFilter(double maxRoundTripMs) {
        this.maxRoundTripMs = maxRoundTripMs;
    }

    @Override
    public FilterVerdict check(FilterInput input) {
        double last = input.getLastRoundTripMs();
        if (last > maxRoundTripMs) {
            return verdict(false, fmt("last round trip %.0f ms > %.0f ms", last, maxRoundTripMs));
        }
        double waiting = input.getOldestUnansweredMs();
        if (waiting > maxRoundTripMs) {
            return verdict(false, fmt("a signal unanswered for %.0f ms > %.0f ms", waiting, maxRoundTripMs));
        }
        double[] recent = input.getRecentRoundTripsMsList().stream().mapToDouble(Double::doubleValue)
                .filter(Double::isFinite).toArray();
        if (recent.length == 0) {
            return verdict(true, "ok: no recent round trips");
        }
        double p90 = percentile(recent, PERCENTILE);
        if (p90 > maxRoundTripMs) {
            return verdict(false, fmt("p90 round trip %.0f ms of last %d > %.0f ms", p90, recent.length, maxRoundTripMs));
        }
        return verdict(true, fmt("ok: last round trip %.0f ms, p90 %.0f ms of last %d", last, p90, recent.length));
    }

    /** Linear interpolation between closest ranks, p in 0..100. Sorts {@code values}. */
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
