package com.vproptrader.host.navigator;

import com.vproptrader.host.time.ServerClock;

import com.vproptrader.proto.ChallengeForecast;
import com.vproptrader.proto.EndProbability;
import com.vproptrader.proto.Probability;
import com.vproptrader.proto.RiskPoint;

/** A report as AdminService sends it (percentages as %, times in broker server time). */
public final class NavigatorProto {
    private NavigatorProto() {
    }

    /**
     * @param following  the operator made the sizer follow the advice
     * @param capPct     the sizer's per-trade cap now, %
     */
    public static ChallengeForecast of(NavigatorReport r, long seed, boolean following, double capPct,
                                       ServerClock zone) {
        Forecast f = r.forecast();
        Forecast.DaysToPass d = f.daysToPass();
        ChallengeForecast.Builder b = ChallengeForecast.newBuilder()
                .setReady(true).setAsOfMsc(r.asOfMsc()).setCause(r.cause()).setPaths(f.paths()).setSeed(seed)
                .setRiskPct(f.riskFraction() * 100).setPass(probability(f.pass()))
                .setMostLikelyFailure(f.mostLikelyFailure().name())
                .setDaysToPassMean(d.mean()).setDaysToPassLow(d.low()).setDaysToPassHigh(d.high())
                .setDaysToPassP10(d.p10()).setDaysToPassP50(d.p50()).setDaysToPassP90(d.p90())
                .setTradesObserved(r.tradesObserved()).setDaysObserved(r.daysObserved())
                .setBlockLength(r.blockLength()).setPriorShare(r.priorShare())
                .setAdvisedRiskPct(r.curve().best().riskFraction() * 100).setObjective(r.curve().objective().name())
                .setFollowingAdvice(following).setPerTradeCapPct(capPct).setRefreshMs(r.refreshMs())
                .setHorizonEndMsc(zone.toServerMillis(r.deadline()));
        for (int n : d.histogram()) {
            b.addDaysToPassHistogram(n);
        }
        for (AttemptEnd e : AttemptEnd.values()) {
            b.addEnds(EndProbability.newBuilder().setEnd(e.name()).setProbability(probability(f.end(e))));
        }
        for (Forecast p : r.curve().points()) {
            b.addRiskCurve(RiskPoint.newBuilder().setRiskPct(p.riskFraction() * 100).setPass(probability(p.pass()))
                    .setDaysToPassMean(p.daysToPass().mean()).setDaysPerPass(p.daysPerPass())
                    .setMostLikelyFailure(p.mostLikelyFailure().name()));
        }
        return b.build();
    }

    private static Probability probability(Proportion p) {
        return Probability.newBuilder().setEstimate(p.estimate()).setLow(p.low()).setHigh(p.high()).build();
    }
}
