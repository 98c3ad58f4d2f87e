package com.vproptrader.host.feed;

import com.vproptrader.host.time.ServerClock;

import com.vproptrader.marketdata.mt5.GenericCsv;
import com.vproptrader.marketdata.mt5.CsvMapping;
import com.vproptrader.marketdata.mt5.Mt5BarCsv;
import com.vproptrader.marketdata.mt5.Mt5TickCsv;
import com.vproptrader.marketdata.MarketSource;
import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadersTest {
    static BufferedReader fixture(String name) {
        return new BufferedReader(new InputStreamReader(LoadersTest.class.getResourceAsStream("/feed/" + name),
                StandardCharsets.UTF_8));
    }

    static <T> List<T> drain(MarketSource<T> source) throws IOException {
        List<T> all = new ArrayList<>();
        for (T t = source.next(); t != null; t = source.next()) {
            all.add(t);
        }
        source.close();
        return all;
    }

    @Test
    void mt5Ticks_carryEmptyFieldsForward_andKeepServerMilliseconds() throws IOException {
        List<Tick> ticks = drain(new Mt5TickCsv(fixture("EURUSD_ticks.csv"), "EURUSD"));
        assertThat(ticks).hasSize(4);
        assertThat(ticks.get(0).getTimeMsc()).isEqualTo(BarBuildingTest.server("2024-01-02T00:00:00.123"));
        assertThat(ticks.get(1).getBid()).isEqualTo(1.10452);
        assertThat(ticks.get(1).getAsk()).isEqualTo(1.10460); // empty ASK: unchanged
        assertThat(ticks.get(2).getBid()).isEqualTo(1.10452); // empty BID: unchanged
        assertThat(ticks.get(2).getAsk()).isEqualTo(1.10470);
        assertThat(ticks.get(2).getFlags()).isEqualTo(4);
        assertThat(ticks).allSatisfy(t -> assertThat(t.getSymbol()).isEqualTo("EURUSD"));
    }

    @Test
    void oneFilePerSymbol_mergeInTimeOrder_throughTheSameFeed() throws IOException {
        MarketSource<Tick> merged = MergedSource.ticks(List.of(new Mt5TickCsv(fixture("EURUSD_ticks.csv"), "EURUSD"),
                new Mt5TickCsv(fixture("GBPUSD_ticks.csv"), "GBPUSD")));
        RecordingListener out = new RecordingListener();
        Feed feed = new Feed(FeedConfig.defaults(), out);
        assertThat(Replay.ticks(merged, feed)).isEqualTo(6);
        assertThat(out.ticks).extracting(Tick::getSymbol)
                .containsExactly("EURUSD", "GBPUSD", "GBPUSD", "EURUSD", "EURUSD", "EURUSD");
        assertThat(out.ticks).isSortedAccordingTo((a, b) -> Long.compare(a.getTimeMsc(), b.getTimeMsc()));
        assertThat(out.bars(Timeframe.M1)).singleElement().satisfies(b -> {
            assertThat(b.getSymbol()).isEqualTo("EURUSD");
            assertThat(b.getTickVolume()).isEqualTo(3);
        });
    }

    @Test
    void mt5Bars_areReadAndAggregatedIntoLongerTimeframes() throws IOException {
        List<Bar> bars = drain(new Mt5BarCsv(fixture("EURUSD_M1.csv"), "EURUSD", Timeframe.M1));
        assertThat(bars).hasSize(3);
        assertThat(bars.get(2).getOpenTimeMsc()).isEqualTo(BarBuildingTest.server("2024-01-02T00:02:00"));
        assertThat(bars.get(0).getTickVolume()).isEqualTo(57);
        assertThat(bars.get(2).getSpreadPoints()).isEqualTo(12);

        RecordingListener out = new RecordingListener();
        Feed feed = new Feed(FeedConfig.defaults().withTimeframes(Timeframe.M1, Timeframe.M5), out);
        Replay.bars(new Mt5BarCsv(fixture("EURUSD_M1.csv"), "EURUSD", Timeframe.M1), feed);
        assertThat(out.bars(Timeframe.M1)).hasSize(3);
        assertThat(out.bars(Timeframe.M5)).isEmpty();
        feed.onClock(BarBuildingTest.server("2024-01-02T00:05:00"));
        assertThat(out.bars(Timeframe.M5)).singleElement().satisfies(m5 -> {
            assertThat(m5.getOpen()).isEqualTo(1.10450);
            assertThat(m5.getHigh()).isEqualTo(1.10500);
            assertThat(m5.getLow()).isEqualTo(1.10400);
            assertThat(m5.getClose()).isEqualTo(1.10410);
            assertThat(m5.getTickVolume()).isEqualTo(130);
        });
    }

    @Test
    void genericCsv_multiSymbol_inUtc_isConvertedToServerTime() throws IOException {
        CsvMapping mapping = new CsvMapping(',', "ts", "", "yyyy-MM-dd HH:mm:ss.SSS", ZoneOffset.UTC, "sym", "",
                Map.of("bid", "bid", "ask", "ask"));
        List<Tick> ticks = drain(GenericCsv.ticks(fixture("multi_utc.csv"), mapping, ServerClock.NY_CLOSE::toServerMsc));
        assertThat(ticks).extracting(Tick::getSymbol).containsExactly("EURUSD", "USDJPY", "EURUSD");
        // 21:59:59.5 UTC on Fri 8 Mar 2024 = 23:59:59.5 server (GMT+2, before US DST)
        assertThat(ticks.get(0).getTimeMsc()).isEqualTo(BarBuildingTest.server("2024-03-08T23:59:59.500"));
        assertThat(ticks.get(2).getBid()).isEqualTo(1.0940); // carried forward per symbol
        assertThat(ticks.get(2).getAsk()).isEqualTo(1.0942);
    }

    @Test
    void genericCsv_dailyBars_withDateOnlyTimestamps() throws IOException {
        CsvMapping apple = new CsvMapping(',', "date", "", "yyyy-MM-dd", null, "", "AAPL",
                Map.of("open", "open", "high", "high", "low", "low", "close", "close", "real_volume", "volume"));
        BufferedReader csv = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/appleinc_bars_from_20130101_usd.csv"), StandardCharsets.UTF_8));
        List<Bar> bars = drain(GenericCsv.bars(csv, apple, Timeframe.D1, ServerClock.UTC::toServerMsc));
        assertThat(bars).hasSize(252);
        assertThat(bars.get(0).getOpenTimeMsc()).isEqualTo(BarBuildingTest.server("2013-01-02T00:00:00"));
        assertThat(bars.get(0).getClose()).isEqualTo(549.03);
        assertThat(bars.get(0).getRealVolume()).isEqualTo(20018500);
    }

    @Test
    void mt5Files_inUtf16WithBom_asMetaTraderWritesThem_loadLikeUtf8(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        String text = new String(LoadersTest.class.getResourceAsStream("/feed/EURUSD_M1.csv").readAllBytes(),
                StandardCharsets.UTF_8);
        java.nio.file.Path utf16 = dir.resolve("EURUSD_M1.csv");
        java.nio.file.Files.write(utf16, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));
        List<Bar> bars = drain(Mt5BarCsv.open(utf16, "EURUSD", Timeframe.M1));
        assertThat(bars).isEqualTo(drain(new Mt5BarCsv(fixture("EURUSD_M1.csv"), "EURUSD", Timeframe.M1)));

        java.nio.file.Path d1 = dir.resolve("EURUSD_D1.csv");
        java.nio.file.Files.writeString(d1, "<DATE>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>\n"
                + "2024.01.02\t1.1\t1.2\t1.0\t1.15\t1000\t0\t5\n");
        assertThat(drain(Mt5BarCsv.open(d1, "EURUSD", Timeframe.D1))).singleElement()
                .satisfies(b -> assertThat(b.getOpenTimeMsc()).isEqualTo(BarBuildingTest.server("2024-01-02T00:00:00")));
    }
}
