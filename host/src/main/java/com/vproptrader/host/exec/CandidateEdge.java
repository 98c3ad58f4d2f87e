package com.vproptrader.host.exec;

/**
 * A candidate's edge: the favourable move it is expected to make before costs, in points, taken as
 * alpha strength (0..1) x stop-loss distance in points. A full-conviction candidate is expected to move one
 * stop distance its way, a weaker one proportionally less. Deliberately simple and conservative (TP1 sits
 * 1.5 stops away): costs such as predicted slippage are judged against it.
 */
public final class CandidateEdge {
    private CandidateEdge() {
    }

    /** Expected move in points; 0 (unknown) for a non-finite or negative input. */
    public static double expectedMovePoints(double alphaStrength, double stopDistancePoints) {
        double s = Math.max(0, Math.min(1, alphaStrength));
        double move = s * stopDistancePoints;
        return Double.isFinite(move) && move > 0 ? move : 0;
    }
}
