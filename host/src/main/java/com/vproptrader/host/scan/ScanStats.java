package com.vproptrader.host.scan;

import com.vproptrader.proto.ReasonCount;
import com.vproptrader.proto.ScanSummary;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of the scanner and of what became of its candidates, for AdminService. Written on the event loop;
 * {@link #toProto()} is called there too (the engine builds snapshots between two events).
 *
 * <p>A scan is one symbol at one event where at least one alpha was evaluated. Skip rate = the share of scans
 * whose candidate did not become a signal (no vote, split vote, grade B or C, or rejected further on).
 */
public final class ScanStats {
    private long scans;
    private long evaluations;
    private long evaluationNanos;
    private long signals;
    /** By grade ordinal; and by reason, one mutable count each (a scan on every tick boxes no Long). */
    private final long[] grades = new long[Grade.values().length];
    private final Map<String, long[]> rejections = new TreeMap<>();

    void scanned(int evaluated, long nanos) {
        scans++;
        evaluations += evaluated;
        evaluationNanos += nanos;
    }

    void graded(Grade grade) {
        grades[grade.ordinal()]++;
    }

    /** A scan's candidate stopped, for {@code reason} (a short code: "no_vote", "grade_B", "filter", ...). */
    public void rejected(String reason) {
        rejections.computeIfAbsent(reason, r -> new long[1])[0]++;
    }

    /** A candidate became a signal. */
    public void signalled() {
        signals++;
    }

    public long scans() {
        return scans;
    }

    public long evaluations() {
        return evaluations;
    }

    public double skipRate() {
        return scans == 0 ? 0 : 1 - (double) signals / scans;
    }

    /** Alpha evaluations per second of time spent evaluating (input building and plugin calls included). */
    public double evaluationsPerSecond() {
        return evaluationNanos == 0 ? 0 : evaluations * 1e9 / evaluationNanos;
    }

    public long grade(Grade g) {
        return grades[g.ordinal()];
    }

    public long rejections(String reason) {
        long[] count = rejections.get(reason);
        return count == null ? 0 : count[0];
    }

    public ScanSummary toProto() {
        ScanSummary.Builder b = ScanSummary.newBuilder().setScans(scans).setEvaluations(evaluations)
                .setEvaluationsPerSecond(evaluationsPerSecond()).setSkipRate(skipRate()).setSignals(signals);
        for (Grade g : Grade.values()) {
            b.addGrades(ReasonCount.newBuilder().setReason(g.label()).setCount(grade(g)));
        }
        rejections.forEach((reason, count) -> b.addRejections(ReasonCount.newBuilder().setReason(reason).setCount(count[0])));
        return b.build();
    }
}
