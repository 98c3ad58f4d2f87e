package com.vproptrader.host.navigator;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The rest of the phase, simulated from the account's state and its own closed trades: the forecast at the
 * risk the account trades now, and the risk curve with the advised level. Reads only: the start state is a
 * copy and every path runs on its own governors.
 */
public final class ChallengeNavigator {
    private final NavigatorConfig config;
    private final Simulation simulation;

    public ChallengeNavigator(NavigatorConfig config, Simulation simulation) {
        this.config = config;
        this.simulation = simulation;
    }

    /** The resampling source for this history (block length, prior share), built once per refresh. */
    public Source source(StartState start, List<TradeOutcome> trades) {
        TradeHistory history = TradeHistory.of(trades, new TradingCalendar(start.pack().dayReset()));
        return new Source(start, history, new DaySampler(history, config.prior()));
    }

    /** The forecast at {@code riskFraction} of balance per trade. */
    public Forecast forecast(Source source, double riskFraction) {
        return simulation.run(source.start(), source.sampler(), riskFraction, config.riskBasis(), config.paths(), config.seed());
    }

    /** The same simulation over the grid of risk levels (those within the pack's per-trade cap). */
    public RiskCurve riskCurve(Source source) {
        double cap = source.start().pack().limits().maxRiskPerTradePct().doubleValue() / 100;
        TreeSet<Double> levels = new TreeSet<>();
        for (double pct : config.gridPct()) {
            levels.add(Math.min(pct / 100, cap));
        }
        List<Forecast> points = new ArrayList<>(levels.size());
        for (double level : levels) {
            points.add(simulation.run(source.start(), source.sampler(), level, config.riskBasis(), config.gridPaths(), config.seed()));
        }
        return RiskCurve.of(config.objective(), cap, points);
    }

    /**
     * The risk the account trades at now: the median share of equity its closed trades risked at their stops,
     * or the pack's per-trade cap (the most the sizer risks) before the first trade.
     */
    public static double currentRisk(Source source) {
        double cap = source.start().pack().limits().maxRiskPerTradePct().doubleValue() / 100;
        double median = source.history().medianRiskFraction();
        return Double.isNaN(median) ? cap : Math.min(cap, median);
    }

    /** A start state with the account's days laid out for resampling. */
    public record Source(StartState start, TradeHistory history, DaySampler sampler) {
        public int tradesObserved() {
            return history.trades();
        }

        public int daysObserved() {
            return history.days().size();
        }

        public double blockLength() {
            return sampler.blockLength();
        }

        public double priorShare() {
            return sampler.priorShare();
        }
    }
}
