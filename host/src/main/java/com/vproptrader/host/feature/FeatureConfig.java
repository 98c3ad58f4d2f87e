package com.vproptrader.host.feature;

import com.vproptrader.proto.Timeframe;
import java.util.Arrays;

/**
 * Periods of the per-symbol features. Bar periods count bars of {@code timeframe}; spread statistics count
 * ticks.
 *
 * @param timeframe          bars the features are computed on (default M1)
 * @param zScoreWindow       bars of the return z-score and of the price-vs-rolling-mean z-score (20)
 * @param emaPeriods         EMAs to keep, each with its slope (20, 50)
 * @param emaSlopeLag        slope = relative EMA change per bar over this many bars (5)
 * @param atrPeriod          Wilder ATR period (14)
 * @param rsiPeriod          Wilder RSI period (14)
 * @param bollingerPeriod    Bollinger band period (20)
 * @param bollingerK         band half-width in standard deviations (2)
 * @param realizedVolWindows windows of realized volatility, shortest first: the first and last also give
 *                           the regime's volatility ratio (10, 30, 100)
 * @param volumeZWindow      bars of the tick-volume z-score (20)
 * @param spreadWindow       ticks of the spread statistics (200)
 * @param regime             regime thresholds
 */
public record FeatureConfig(Timeframe timeframe, int zScoreWindow, int[] emaPeriods, int emaSlopeLag, int atrPeriod,
                            int rsiPeriod, int bollingerPeriod, double bollingerK, int[] realizedVolWindows,
                            int volumeZWindow, int spreadWindow, RegimeConfig regime) {

    public FeatureConfig {
        emaPeriods = emaPeriods.clone();
        realizedVolWindows = realizedVolWindows.clone();
        if (realizedVolWindows.length == 0 || emaPeriods.length == 0) {
            throw new IllegalArgumentException("need at least one EMA and one realized-vol window");
        }
        Arrays.sort(realizedVolWindows);
    }

    public static FeatureConfig defaults() {
        return new FeatureConfig(Timeframe.M1, 20, new int[] {20, 50}, 5, 14, 14, 20, 2.0, new int[] {10, 30, 100},
                20, 200, RegimeConfig.defaults());
    }

    @Override
    public int[] emaPeriods() {
        return emaPeriods.clone();
    }

    @Override
    public int[] realizedVolWindows() {
        return realizedVolWindows.clone();
    }

    /** Bars until every bar feature has a full window. */
    public int warmupBars() {
        int max = Math.max(Math.max(zScoreWindow, bollingerPeriod), Math.max(volumeZWindow, regime.efficiencyPeriod()));
        max = Math.max(max, realizedVolWindows[realizedVolWindows.length - 1] + 1);
        for (int p : emaPeriods) {
            max = Math.max(max, p + emaSlopeLag);
        }
        return Math.max(max, Math.max(atrPeriod, rsiPeriod));
    }
}
