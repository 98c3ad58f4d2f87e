package com.vproptrader.host.navigator;

import java.time.Duration;
import java.util.List;

/**
 * How the navigator simulates (documented in docs/navigator.md).
 *
 * @param paths          paths for the forecast at the current risk
 * @param gridPaths      paths per risk level of the advisor's curve
 * @param gridPct        risk-per-trade levels tried, % of balance (those above the pack's cap are dropped)
 * @param riskBasis      what a trade's risk is a share of (the host's sizer: balance)
 * @param objective      what the advisor optimises
 * @param horizon        how far ahead a phase without a time limit is simulated (the time-out beyond)
 * @param threads        worker threads (live: 1, so the account loop keeps a core; the benchmark: 2)
 * @param seed           the simulation's seed: the same state and seed give the same figures
 * @param prior          what is assumed about days not seen while the account has few trades
 */
public record NavigatorConfig(int paths, int gridPaths, List<Double> gridPct, RiskBasis riskBasis,
                              RiskObjective objective,
                              Duration horizon, int threads, long seed, OutcomePrior prior) {

    public NavigatorConfig {
        gridPct = List.copyOf(gridPct);
        if (paths < 1 || gridPaths < 1 || gridPct.isEmpty() || threads < 1 || horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("bad navigator config " + this);
        }
    }

    /**
     * 10,000 paths (a pass probability near 50% to ±1 point at 95%), 2,000 per level of a 0.25%..2% grid, 90
     * calendar days ahead (the firms here set no time limit; three inactivity windows), one thread. The prior
     * (worth 20 days) assumes no edge: a win of 1.5 R (the sizer's first target is 1.5 × the stop) with
     * probability 0.40, the break-even rate for that payoff, two trades a day from 10:00 after the reset.
     */
    public static NavigatorConfig defaults() {
        return new NavigatorConfig(10_000, 2_000, List.of(0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0),
                RiskBasis.BALANCE, RiskObjective.PASS_PROBABILITY, Duration.ofDays(90), 1, 19L,
                new OutcomePrior(0.40, 1.5, 1.0, 2.0, 600, 60, 30, 20));
    }

    public NavigatorConfig withThreads(int n) {
        return new NavigatorConfig(paths, gridPaths, gridPct, riskBasis, objective, horizon, n, seed, prior);
    }

    public NavigatorConfig withPaths(int n, int perLevel) {
        return new NavigatorConfig(n, perLevel, gridPct, riskBasis, objective, horizon, threads, seed, prior);
    }

    public NavigatorConfig withObjective(RiskObjective o) {
        return new NavigatorConfig(paths, gridPaths, gridPct, riskBasis, o, horizon, threads, seed, prior);
    }

    public NavigatorConfig withRiskBasis(RiskBasis b) {
        return new NavigatorConfig(paths, gridPaths, gridPct, b, objective, horizon, threads, seed, prior);
    }

    public NavigatorConfig withHorizon(Duration h) {
        return new NavigatorConfig(paths, gridPaths, gridPct, riskBasis, objective, h, threads, seed, prior);
    }

    public NavigatorConfig withPrior(OutcomePrior p) {
        return new NavigatorConfig(paths, gridPaths, gridPct, riskBasis, objective, horizon, threads, seed, p);
    }
}
