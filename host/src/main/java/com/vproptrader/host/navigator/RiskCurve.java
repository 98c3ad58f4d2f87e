package com.vproptrader.host.navigator;

import java.util.List;

/**
 * Pass probability (and the rest of the forecast) against risk per trade, and the advised level. Levels above
 * the pack's per-trade cap are left out: the governors would refuse those trades.
 */
public record RiskCurve(RiskObjective objective, double perTradeCap, List<Forecast> points, Forecast best) {

    public RiskCurve {
        points = List.copyOf(points);
    }

    static RiskCurve of(RiskObjective objective, double cap, List<Forecast> points) {
        Forecast best = null;
        for (Forecast f : points) {
            if (best == null || better(objective, f, best)) {
                best = f;
            }
        }
        return new RiskCurve(objective, cap, points, best);
    }

    private static boolean better(RiskObjective objective, Forecast a, Forecast b) {
        return switch (objective) {
            case PASS_PROBABILITY -> a.pass().estimate() > b.pass().estimate();
            case DAYS_PER_PASS -> a.daysPerPass() < b.daysPerPass();
        };
    }
}
