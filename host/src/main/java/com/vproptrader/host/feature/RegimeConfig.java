package com.vproptrader.host.feature;

/**
 * Thresholds of the {@link RegimeClassifier}. Each axis has an enter and an exit level (hysteresis) so a
 * value hovering at the border does not flip the regime every bar.
 *
 * @param efficiencyPeriod bars of the efficiency ratio that measures trendiness
 * @param trendEnter       efficiency ratio at or above which a range becomes a trend (default 0.35)
 * @param trendExit        efficiency ratio below which a trend becomes a range (default 0.25)
 * @param highVolEnter     short/long realized-vol ratio at or above which volatility is high (default 1.20)
 * @param highVolExit      ratio below which high volatility is over (default 0.95)
 */
public record RegimeConfig(int efficiencyPeriod, double trendEnter, double trendExit, double highVolEnter,
                           double highVolExit) {

    public RegimeConfig {
        if (efficiencyPeriod < 2 || trendExit > trendEnter || highVolExit > highVolEnter) {
            throw new IllegalArgumentException("invalid regime config " + efficiencyPeriod + ", " + trendEnter
                    + "/" + trendExit + ", " + highVolEnter + "/" + highVolExit);
        }
    }

    public static RegimeConfig defaults() {
        return new RegimeConfig(20, 0.35, 0.25, 1.20, 0.95);
    }
}
