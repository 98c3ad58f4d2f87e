package com.vproptrader.host.feature;

import com.vproptrader.host.time.ServerClock;

import com.vproptrader.marketdata.mt5.CsvMapping;
import com.vproptrader.marketdata.mt5.GenericCsv;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;

/** Real daily AAPL bars (2013) from the ta4j-examples jar, read through our own generic CSV loader. */
final class AppleBars {
    private AppleBars() {
    }

    static List<Bar> load() {
        CsvMapping mapping = new CsvMapping(',', "date", "", "yyyy-MM-dd", null, "", "AAPL",
                Map.of("open", "open", "high", "high", "low", "low", "close", "close", "real_volume", "volume"));
        try (BufferedReader csv = new BufferedReader(new InputStreamReader(
                AppleBars.class.getResourceAsStream("/appleinc_bars_from_20130101_usd.csv"), StandardCharsets.UTF_8));
             MarketSource<Bar> source = GenericCsv.bars(csv, mapping, Timeframe.D1, ServerClock.UTC::toServerMsc)) {
            List<Bar> bars = new ArrayList<>();
            for (Bar b = source.next(); b != null; b = source.next()) {
                bars.add(b);
            }
            return bars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same bars as a ta4j series (DecimalNum, ta4j's default exact arithmetic). */
    static BarSeries toSeries(List<Bar> bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName("AAPL").build();
        for (Bar b : bars) {
            series.addBar(Instant.ofEpochMilli(b.getOpenTimeMsc()).atZone(ZoneOffset.UTC).plusDays(1),
                    b.getOpen(), b.getHigh(), b.getLow(), b.getClose(), b.getRealVolume());
        }
        return series;
    }
}
