package com.vproptrader.host.learn;

import java.util.Optional;

/**
 * Labels one candidate from the quotes after its entry, in time order: TP1 first or SL first, and the time
 * that became known. A long exits at the bid, a short at the ask. No outcome within the horizon is a miss,
 * known at the horizon (the trade would have been closed then). Quotes before entry must not be fed.
 */
public final class OutcomeLabeler {
    /** The label and the event time it was known. */
    public record Outcome(boolean tp1First, long knownAtMs) {
    }

    private final boolean isLong;
    private final double tp1;
    private final double stop;
    private final long deadlineMs;
    private Outcome outcome;

    /**
     * @param isLong    buy (true) or sell
     * @param tp1       first take-profit price
     * @param stop      stop-loss price
     * @param entryMs   entry event time
     * @param horizonMs how long after entry an outcome is waited for
     */
    public OutcomeLabeler(boolean isLong, double tp1, double stop, long entryMs, long horizonMs) {
        if (isLong ? !(tp1 > stop) : !(tp1 < stop)) {
            throw new IllegalArgumentException("TP1 " + tp1 + " must be on the profit side of the stop " + stop);
        }
        this.isLong = isLong;
        this.tp1 = tp1;
        this.stop = stop;
        this.deadlineMs = entryMs + horizonMs;
    }

    /** Feeds the next quote; returns the outcome once known (and keeps returning it). */
    public Optional<Outcome> onQuote(long timeMs, double bid, double ask) {
        if (outcome != null) {
            return Optional.of(outcome);
        }
        if (timeMs > deadlineMs) {
            outcome = new Outcome(false, deadlineMs);
            return Optional.of(outcome);
        }
        double exit = isLong ? bid : ask;
        boolean stopped = isLong ? exit <= stop : exit >= stop;
        boolean target = isLong ? exit >= tp1 : exit <= tp1;
        if (stopped || target) {
            outcome = new Outcome(!stopped, timeMs);
        }
        return Optional.ofNullable(outcome);
    }
}
