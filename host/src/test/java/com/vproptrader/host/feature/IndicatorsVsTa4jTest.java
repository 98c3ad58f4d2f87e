package com.vproptrader.host.feature;

import com.vproptrader.host.time.ServerClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Timeframe;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;

/**
 * Every bar feature against ta4j 0.17 on the 252 real AAPL daily bars of 2013, at every bar where both
 * define the value. Tolerance: |ours − ta4j| ≤ 1e-9 · max(1, |ta4j|) (ta4j in DecimalNum, ours in double).
 * Definitional notes: EMA/Wilder averages are seeded with the first value as ta4j does; windowed statistics
 * before the window fills use the values seen so far as ta4j does; indicators of returns start one bar
 * later (the first bar has no return), so they are compared from the first full window on.
 */
class IndicatorsVsTa4jTest {
    static final double TOLERANCE = 1e-9;

    private final List<Bar> bars = AppleBars.load();
    private final BarSeries series = AppleBars.toSeries(bars);
    private final FeatureConfig config = new FeatureConfig(Timeframe.D1, 20, new int[] {10, 50}, 5, 14, 14, 20, 2.0,
            new int[] {10, 30, 60}, 20, 200, RegimeConfig.defaults());
    private final double[][] ours = run();

    private double[][] run() {
        FeatureSet set = new FeatureSet("AAPL", config, ServerClock.UTC);
        double[][] out = new double[bars.size()][set.schema().size()];
        for (int i = 0; i < bars.size(); i++) {
            set.onBar(bars.get(i));
            set.copyInto(out[i]);
        }
        return out;
    }

    private IntToDoubleFunction ours(String name) {
        int slot = new FeatureSet("AAPL", config, ServerClock.UTC).schema().indexOf(name);
        assertThat(slot).as(name).isGreaterThanOrEqualTo(0);
        return i -> ours[i][slot];
    }

    private void assertMatches(String name, IntToDoubleFunction reference, int fromIndex) {
        IntToDoubleFunction mine = ours(name);
        double worst = 0;
        for (int i = fromIndex; i < bars.size(); i++) {
            double expected = reference.applyAsDouble(i);
            double actual = mine.applyAsDouble(i);
            assertThat(Math.abs(actual - expected)).as("%s at bar %d: ours %s ta4j %s", name, i, actual, expected)
                    .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(expected)));
            worst = Math.max(worst, Math.abs(actual - expected) / Math.max(1, Math.abs(expected)));
        }
        System.out.printf("%-14s bars %d..%d  worst relative error %.2e%n", name, fromIndex, bars.size() - 1, worst);
    }

    private static IntToDoubleFunction values(Indicator<Num> indicator) {
        return i -> indicator.getValue(i).doubleValue();
    }

    /** ln(close_i / close_{i-1}); 0 on the first bar, which the comparisons skip. */
    static final class LogReturn extends CachedIndicator<Num> {
        private final ClosePriceIndicator close;

        LogReturn(BarSeries series) {
            super(series);
            close = new ClosePriceIndicator(series);
        }

        @Override
        protected Num calculate(int index) {
            return index == 0 ? numOf(0)
                    : numOf(Math.log(close.getValue(index).doubleValue() / close.getValue(index - 1).doubleValue()));
        }

        @Override
        public int getUnstableBars() {
            return 1;
        }
    }

    private final ClosePriceIndicator close = new ClosePriceIndicator(series);

    @Test
    void ema_and_emaSlope_matchTa4j() {
        for (int p : new int[] {10, 50}) {
            EMAIndicator ema = new EMAIndicator(close, p);
            assertMatches("ema_" + p, values(ema), 0);
            assertMatches("ema_slope_" + p, i -> (ema.getValue(i).doubleValue() / ema.getValue(i - 5).doubleValue() - 1) / 5, 5);
        }
    }

    @Test
    void atr_and_rsi_matchTa4jWilder() {
        assertMatches("atr_14", values(new ATRIndicator(series, 14)), 0);
        assertMatches("rsi_14", values(new RSIIndicator(close, 14)), 0);
    }

    @Test
    void bollingerWidth_matchesTa4j() {
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        BollingerBandWidthIndicator width = new BollingerBandWidthIndicator(
                new BollingerBandsUpperIndicator(middle, sd, series.numOf(2)), middle,
                new BollingerBandsLowerIndicator(middle, sd, series.numOf(2)));
        assertMatches("bb_width_20", values(width), 0);
    }

    @Test
    void zScores_ofPrice_returns_andVolume_matchTa4jSmaAndStandardDeviation() {
        assertMatches("price_z_20", zScore(close, 20), 1);
        assertMatches("volume_z_20", zScore(new VolumeIndicator(series), 20), 1);
        assertMatches("ret_z_20", zScore(new LogReturn(series), 20), 20);
    }

    @Test
    void realizedVolatility_isTa4jStandardDeviationOfLogReturns() {
        LogReturn returns = new LogReturn(series);
        for (int w : new int[] {10, 30, 60}) {
            assertMatches("rv_" + w, values(new StandardDeviationIndicator(returns, w)), w);
        }
    }

    private static IntToDoubleFunction zScore(Indicator<Num> x, int n) {
        SMAIndicator mean = new SMAIndicator(x, n);
        StandardDeviationIndicator sd = new StandardDeviationIndicator(x, n);
        return i -> (x.getValue(i).doubleValue() - mean.getValue(i).doubleValue()) / sd.getValue(i).doubleValue();
    }

    @Test
    void featureSet_exportsNamedValues_andBecomesWarm() {
        FeatureSet set = new FeatureSet("AAPL", config, ServerClock.UTC);
        bars.forEach(set::onBar);
        assertThat(set.isWarm()).isTrue();
        assertThat(set.toMap()).containsKeys("ema_10", "atr_14", "rsi_14", "rv_60", "regime", "session", "spread_z")
                .hasSize(set.schema().size());
        assertThat(set.get("rsi_14")).isBetween(0.0, 100.0);
        assertThat(set.regime()).isNotEqualTo(Regime.UNKNOWN);
        assertThat(set.barCount()).isEqualTo(252);
    }
}
