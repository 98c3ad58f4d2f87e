package com.vproptrader.host.exec;

/**
 * Thresholds and memory sizes of {@link ExecutionQuality}. Every default is in {@link #defaults()}.
 *
 * @param spreadWindow          spreads kept per symbol over all sessions (default 200 ticks)
 * @param sessionSpreadWindow   spreads kept per symbol and session (default 500 ticks: enough to span several
 *                              days of a quiet session, so "usual for London" is not just this morning)
 * @param fillWindow            entry fills kept per symbol for slippage models (default 50: recent enough to
 *                              follow a broker's changing execution, enough for a robust fit)
 * @param roundTripWindow       round trips kept (default 32)
 * @param recentWindowMs        a round trip counts as "recent" while it ended less than this long ago
 *                              (default 60 000 ms). It also bounds a pause without new evidence: bad samples
 *                              age out of it, which is how trading comes back when the pause itself stops
 *                              the signals that would measure recovery
 * @param maxRoundTripMs        latency above which trading pauses (default 400 ms)
 * @param pausePercentile       the percentile of recent round trips checked against the maximum (default 90)
 * @param resumeAfterMs         how long latency must stay fine before a pause lifts (default 30 000 ms)
 * @param unansweredGiveUpMs    a signal with no fill/reject after this long is given up and recorded as a
 *                              round trip of this length (default 60 000 ms), so a lost answer pauses trading
 *                              once, not forever
 * @param maxPendingSignals     signals awaiting an answer that are remembered (default 64)
 */
public record ExecutionQualityConfig(
        int spreadWindow,
        int sessionSpreadWindow,
        int fillWindow,
        int roundTripWindow,
        long recentWindowMs,
        double maxRoundTripMs,
        double pausePercentile,
        long resumeAfterMs,
        long unansweredGiveUpMs,
        int maxPendingSignals) {

    public ExecutionQualityConfig {
        if (spreadWindow < 1 || sessionSpreadWindow < 1 || fillWindow < 1 || roundTripWindow < 1
                || maxPendingSignals < 1) {
            throw new IllegalArgumentException("windows and capacities must be >= 1");
        }
        if (recentWindowMs <= 0 || !(maxRoundTripMs > 0) || resumeAfterMs < 0 || unansweredGiveUpMs <= 0
                || !(pausePercentile >= 0 && pausePercentile <= 100)) {
            throw new IllegalArgumentException("latency thresholds out of range");
        }
    }

    public static ExecutionQualityConfig defaults() {
        return new ExecutionQualityConfig(200, 500, 50, 32, 60_000, 400, 90, 30_000, 60_000, 64);
    }
}
