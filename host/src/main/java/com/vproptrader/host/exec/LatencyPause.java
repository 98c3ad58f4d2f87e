package com.vproptrader.host.exec;

import java.util.Locale;
import java.util.Optional;

/**
 * The trading-wide pause on slow execution. Trading pauses while the newest recent round trip, the recent
 * percentile (p90 by default), or the wait of a still-unanswered signal exceeds the maximum: an order that
 * takes that long is filled at a price the decision never saw. It resumes by itself once none of these has
 * exceeded the maximum for {@code resumeAfterMs}.
 *
 * <p>While paused no signals leave, so no new round trips can prove recovery; the old slow ones age out of
 * the recent window instead, and the first signal after the resume measures again (and pauses again if the
 * link is still slow). Reason texts are built only when the offending number changes, so a long pause does
 * not allocate per tick.
 */
final class LatencyPause {
    private enum Problem { LAST, PERCENTILE, UNANSWERED }

    private final ExecutionQualityConfig config;
    private final RoundTrips roundTrips;
    private final SentSignals sent;
    private boolean paused;
    private long cleanSinceNanos;
    private boolean clean;
    private Problem cachedProblem;
    private double cachedValue = Double.NaN;
    private Optional<String> pausedReason = Optional.empty();
    private Optional<String> recoveringReason = Optional.empty();

    LatencyPause(ExecutionQualityConfig config, RoundTrips roundTrips, SentSignals sent) {
        this.config = config;
        this.roundTrips = roundTrips;
        this.sent = sent;
    }

    Optional<String> update(long nanos) {
        sent.giveUp(nanos, config.unansweredGiveUpMs(), roundTrips);
        double max = config.maxRoundTripMs();
        double last = roundTrips.lastRecent(nanos);
        double pct = roundTrips.recentPercentileAbove(nanos, config.pausePercentile(), max);
        if (last > max) {
            return pause(Problem.LAST, last, nanos);
        }
        if (pct > max) {
            return pause(Problem.PERCENTILE, pct, nanos);
        }
        if (sent.oldestUnansweredMs(nanos) > max) {
            return pause(Problem.UNANSWERED, max, nanos);
        }
        if (!paused) {
            return Optional.empty();
        }
        if (!clean) {
            clean = true;
            cleanSinceNanos = nanos;
            recoveringReason = Optional.of(pausedReason.orElse("latency") + String.format(Locale.ROOT,
                    "; recovering: resumes after %d s under %.0f ms", config.resumeAfterMs() / 1000, max));
        }
        if (nanos - cleanSinceNanos >= config.resumeAfterMs() * 1_000_000L) {
            paused = false;
            clean = false;
            return Optional.empty();
        }
        return recoveringReason;
    }

    private Optional<String> pause(Problem problem, double value, long nanos) {
        paused = true;
        clean = false;
        if (problem != cachedProblem || value != cachedValue) {
            cachedProblem = problem;
            cachedValue = value;
            pausedReason = Optional.of(describe(problem, value, nanos));
        }
        return pausedReason;
    }

    private String describe(Problem problem, double value, long nanos) {
        double max = config.maxRoundTripMs();
        return switch (problem) {
            case LAST -> String.format(Locale.ROOT, "latency: last round trip %.0f ms > %.0f ms", value, max);
            case PERCENTILE -> String.format(Locale.ROOT, "latency: p%.0f round trip %.0f ms of last %d > %.0f ms",
                    config.pausePercentile(), value, roundTrips.recentCount(nanos), max);
            case UNANSWERED -> String.format(Locale.ROOT, "latency: a signal unanswered for over %.0f ms", max);
        };
    }
}
