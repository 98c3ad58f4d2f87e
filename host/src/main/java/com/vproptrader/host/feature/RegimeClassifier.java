package com.vproptrader.host.feature;

/**
 * Classifies one symbol's regime on each closed bar, from two scale-free measures:
 * <ul>
 *   <li><b>trend vs range</b>: Kaufman's efficiency ratio of closes over {@code efficiencyPeriod} bars. A
 *       trend has most bar-to-bar moves pointing the same way (ratio near 1); a range cancels them out.</li>
 *   <li><b>high vs low volatility</b>: realized volatility over the shortest window divided by that over the
 *       longest window. Above 1 the market is moving more than it usually does.</li>
 * </ul>
 * Both use enter/exit thresholds (hysteresis) from {@link RegimeConfig}. UNKNOWN until both measures exist.
 */
public final class RegimeClassifier {
    private final RegimeConfig config;
    private final EfficiencyRatio efficiency;
    private boolean trend;
    private boolean highVol;
    private Regime regime = Regime.UNKNOWN;

    public RegimeClassifier(RegimeConfig config) {
        this.config = config;
        this.efficiency = new EfficiencyRatio(config.efficiencyPeriod());
    }

    /**
     * @param close    the bar's close
     * @param volRatio short / long realized volatility, NaN while not known
     */
    public Regime update(double close, double volRatio) {
        double er = efficiency.update(close);
        if (Double.isNaN(er) || Double.isNaN(volRatio)) {
            return regime;
        }
        trend = trend ? er >= config.trendExit() : er >= config.trendEnter();
        highVol = highVol ? volRatio >= config.highVolExit() : volRatio >= config.highVolEnter();
        regime = Regime.of(trend, highVol);
        return regime;
    }

    public Regime regime() {
        return regime;
    }

    public double efficiencyRatio() {
        return efficiency.value();
    }
}
