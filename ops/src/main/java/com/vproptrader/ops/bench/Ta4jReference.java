package com.vproptrader.ops.bench;

import com.vproptrader.host.feature.FeatureConfig;
import com.vproptrader.proto.Bar;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The same bar indicators as {@link com.vproptrader.host.feature.FeatureSet} computed by ta4j the way a live
 * system would use it: bars appended one at a time, every indicator read at the new end index (ta4j caches,
 * so recursive ones are incremental). DoubleNum, ta4j's fastest number type.
 */
final class Ta4jReference {
    private final BarSeries series;
    private final List<Indicator<Num>> indicators = new ArrayList<>();

    Ta4jReference(String symbol, FeatureConfig config) {
        series = new BaseBarSeriesBuilder().withName(symbol).withNumTypeOf(DoubleNum.class).build();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        Indicator<Num> logReturn = new CachedIndicator<>(series) {
            @Override
            protected Num calculate(int i) {
                return i == 0 ? numOf(0) : numOf(Math.log(close.getValue(i).doubleValue()
                        / close.getValue(i - 1).doubleValue()));
            }

            @Override
            public int getUnstableBars() {
                return 1;
            }
        };
        VolumeIndicator volume = new VolumeIndicator(series);
        int z = config.zScoreWindow();
        indicators.add(new SMAIndicator(logReturn, z));
        indicators.add(new StandardDeviationIndicator(logReturn, z));
        indicators.add(new SMAIndicator(close, z));
        indicators.add(new StandardDeviationIndicator(close, z));
        for (int p : config.emaPeriods()) {
            indicators.add(new EMAIndicator(close, p));
        }
        indicators.add(new ATRIndicator(series, config.atrPeriod()));
        indicators.add(new RSIIndicator(close, config.rsiPeriod()));
        indicators.add(new SMAIndicator(close, config.bollingerPeriod()));
        indicators.add(new StandardDeviationIndicator(close, config.bollingerPeriod()));
        for (int w : config.realizedVolWindows()) {
            indicators.add(new StandardDeviationIndicator(logReturn, w));
        }
        indicators.add(new SMAIndicator(volume, config.volumeZWindow()));
        indicators.add(new StandardDeviationIndicator(volume, config.volumeZWindow()));
    }

    /** Appends a bar and reads every indicator at it; returns a checksum so nothing is optimised away. */
    double onBar(Bar bar) {
        series.addBar(Instant.ofEpochMilli(bar.getOpenTimeMsc()).atZone(ZoneOffset.UTC).plusMinutes(1),
                bar.getOpen(), bar.getHigh(), bar.getLow(), bar.getClose(), bar.getTickVolume());
        int end = series.getEndIndex();
        double sum = 0;
        for (Indicator<Num> indicator : indicators) {
            sum += indicator.getValue(end).doubleValue();
        }
        return sum;
    }
}
