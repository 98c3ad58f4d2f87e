package com.vproptrader.host.feed;

import com.vproptrader.host.time.ServerClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.Timeframe;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarBuildingTest {
    private final RecordingListener out = new RecordingListener();
    private final Feed feed = new Feed(FeedConfig.defaults(), out);

    /** Server time written as if UTC, as MT5 does. */
    static long server(String isoLocal) {
        return LocalDateTime.parse(isoLocal).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private void tick(String symbol, long time, double bid) {
        feed.onTick(Tick.newBuilder().setSymbol(symbol).setTimeMsc(time).setBid(bid).setAsk(bid + 0.0001).build());
    }

    @Test
    void bars_areAlignedToServerMidnight_andCloseOnTheFirstTickOfTheNextPeriod() {
        tick("EURUSD", server("2024-01-02T03:59:10"), 1.1000);
        tick("EURUSD", server("2024-01-02T03:59:40"), 1.1010);
        tick("EURUSD", server("2024-01-02T03:59:50"), 1.0990);
        assertThat(out.bars).isEmpty();
        tick("EURUSD", server("2024-01-02T04:00:00.001"), 1.1005);

        // M1 .. H1 close at 04:00; H4 of 00:00-04:00 (aligned to server midnight) too; D1 stays open
        assertThat(out.bars).extracting(Bar::getTimeframe)
                .containsExactly(Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4);
        Bar m1 = out.bars(Timeframe.M1).get(0);
        assertThat(m1.getOpenTimeMsc()).isEqualTo(server("2024-01-02T03:59:00"));
        assertThat(m1.getOpen()).isEqualTo(1.1000);
        assertThat(m1.getHigh()).isEqualTo(1.1010);
        assertThat(m1.getLow()).isEqualTo(1.0990);
        assertThat(m1.getClose()).isEqualTo(1.0990);
        assertThat(m1.getTickVolume()).isEqualTo(3);
        assertThat(m1.getSpreadPoints()).isEqualTo(10);
        assertThat(out.bars(Timeframe.M5).get(0).getOpenTimeMsc()).isEqualTo(server("2024-01-02T03:55:00"));
        assertThat(out.bars(Timeframe.M15).get(0).getOpenTimeMsc()).isEqualTo(server("2024-01-02T03:45:00"));
        assertThat(out.bars(Timeframe.H1).get(0).getOpenTimeMsc()).isEqualTo(server("2024-01-02T03:00:00"));
        assertThat(out.bars(Timeframe.H4).get(0).getOpenTimeMsc()).isEqualTo(server("2024-01-02T00:00:00"));
        // bars first, then the tick that closed them
        assertThat(out.order.subList(3, out.order.size())).startsWith("bar M1").endsWith("tick");

        tick("EURUSD", server("2024-01-03T00:00:00"), 1.1005);
        assertThat(out.bars(Timeframe.D1)).singleElement()
                .satisfies(d -> assertThat(d.getOpenTimeMsc()).isEqualTo(server("2024-01-02T00:00:00")));
    }

    @Test
    void spreads_are_counted_in_the_points_of_the_terminals_symbol_spec() {
        feed.onSymbolSpec(com.vproptrader.proto.SymbolSpec.newBuilder().setSymbol("USDJPY").setDigits(3).build());
        feed.onSymbolSpec(com.vproptrader.proto.SymbolSpec.newBuilder().setSymbol("XAUUSD").setDigits(2).build());
        for (String symbol : new String[] {"USDJPY", "XAUUSD"}) {
            double spread = symbol.equals("USDJPY") ? 0.012 : 0.25;
            double bid = symbol.equals("USDJPY") ? 150.123 : 2050.10;
            feed.onTick(Tick.newBuilder().setSymbol(symbol).setTimeMsc(server("2024-01-02T03:59:10")).setBid(bid)
                    .setAsk(bid + spread).build());
            feed.onTick(Tick.newBuilder().setSymbol(symbol).setTimeMsc(server("2024-01-02T04:00:01")).setBid(bid)
                    .setAsk(bid + spread).build());
        }
        assertThat(out.bars(Timeframe.M1)).extracting(Bar::getSymbol, Bar::getSpreadPoints)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("USDJPY", 12),
                        org.assertj.core.groups.Tuple.tuple("XAUUSD", 25));
    }

    @Test
    void weekend_isReportedAsAGap_andNoBarIsMadeInsideIt() {
        tick("EURUSD", server("2024-01-05T23:58:30"), 1.1000); // Friday
        tick("EURUSD", server("2024-01-08T00:00:05"), 1.1020); // Monday
        tick("EURUSD", server("2024-01-08T00:01:05"), 1.1030);

        assertThat(out.gaps).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(MarketGap.Kind.WEEKEND);
            assertThat(g.fromMsc()).isEqualTo(server("2024-01-05T23:58:30"));
        });
        // exactly one M1 bar per minute that had ticks: Friday 23:58 and Monday 00:00
        assertThat(out.bars(Timeframe.M1)).extracting(Bar::getOpenTimeMsc)
                .containsExactly(server("2024-01-05T23:58:00"), server("2024-01-08T00:00:00"));
        assertThat(out.bars(Timeframe.D1)).extracting(Bar::getOpenTimeMsc).containsExactly(server("2024-01-05T00:00:00"));
        assertThat(out.order).containsSubsequence("bar D1", "gap WEEKEND", "tick");
    }

    @Test
    void weekdaySilences_areDisconnectsOrClosures_byLength() {
        tick("EURUSD", server("2024-01-09T10:00:00"), 1.1);
        tick("EURUSD", server("2024-01-09T10:01:00"), 1.1); // 1 min: no gap
        tick("EURUSD", server("2024-01-09T10:11:00"), 1.1); // 10 min: disconnect
        tick("EURUSD", server("2024-01-09T14:00:00"), 1.1); // ~4 h: closure
        feed.onLinkDown();
        tick("EURUSD", server("2024-01-09T14:00:30"), 1.1); // short, but the link was down
        assertThat(out.gaps).extracting(MarketGap::kind).containsExactly(MarketGap.Kind.DISCONNECT,
                MarketGap.Kind.HOLIDAY, MarketGap.Kind.DISCONNECT);
    }

    @Test
    void christmas_isAHolidayGap() {
        tick("EURUSD", server("2024-12-24T21:00:00"), 1.04);
        tick("EURUSD", server("2024-12-26T01:05:00"), 1.04);
        assertThat(out.gaps).singleElement().satisfies(g -> assertThat(g.kind()).isEqualTo(MarketGap.Kind.HOLIDAY));
        assertThat(out.bars(Timeframe.D1)).extracting(Bar::getOpenTimeMsc).containsExactly(server("2024-12-24T00:00:00"));
    }

    @Test
    void clock_closesEndedBars_andALateTickNeverRewritesThem() {
        tick("EURUSD", server("2024-01-09T10:00:10"), 1.1);
        feed.onClock(server("2024-01-09T10:01:00"));
        assertThat(out.bars(Timeframe.M1)).hasSize(1);
        tick("EURUSD", server("2024-01-09T10:00:50"), 1.2); // same minute, after its bar was published
        tick("EURUSD", server("2024-01-09T10:01:10"), 1.1);
        feed.onClock(server("2024-01-09T10:02:00"));
        List<Bar> m1 = out.bars(Timeframe.M1);
        assertThat(m1).extracting(Bar::getOpenTimeMsc)
                .containsExactly(server("2024-01-09T10:00:00"), server("2024-01-09T10:01:00"));
        assertThat(m1.get(0).getHigh()).isEqualTo(1.1);
    }

    @Test
    void bars_acrossTheUsDstSwitch_stayOnServerMidnight_whichMovesByAnHourInUtc() {
        ServerClock broker = ServerClock.NY_CLOSE;
        // hourly ticks in real UTC from Thu 7 Mar to Wed 13 Mar 2024 (US DST starts Sun 10 Mar)
        long start = LocalDateTime.parse("2024-03-07T00:00:00").toInstant(ZoneOffset.UTC).toEpochMilli();
        for (long utc = start; utc < start + 6 * Timeframes.DAY_MS; utc += 3_600_000L) {
            long serverTime = broker.toServerMsc(utc);
            if (Timeframes.dayOfWeek(serverTime) <= 5) {
                tick("EURUSD", serverTime + 1, 1.09);
            }
        }
        List<Bar> d1 = out.bars(Timeframe.D1);
        assertThat(d1).allSatisfy(b -> assertThat(b.getOpenTimeMsc() % Timeframes.DAY_MS).isZero());
        // Friday's D1 opened at 22:00 UTC Thursday (GMT+2); Tuesday's at 21:00 UTC Monday (GMT+3)
        assertThat(broker.toUtcMsc(server("2024-03-08T00:00:00")))
                .isEqualTo(LocalDateTime.parse("2024-03-07T22:00:00").toInstant(ZoneOffset.UTC).toEpochMilli());
        assertThat(broker.toUtcMsc(server("2024-03-12T00:00:00")))
                .isEqualTo(LocalDateTime.parse("2024-03-11T21:00:00").toInstant(ZoneOffset.UTC).toEpochMilli());
        assertThat(d1).extracting(Bar::getOpenTimeMsc).contains(server("2024-03-08T00:00:00"),
                server("2024-03-11T00:00:00"), server("2024-03-12T00:00:00"));
        // each full server day holds exactly 24 hourly bars in both weeks: no 23/25-hour days
        assertThat(out.bars(Timeframe.H1).stream().filter(b -> b.getOpenTimeMsc() >= server("2024-03-11T00:00:00")
                && b.getOpenTimeMsc() < server("2024-03-12T00:00:00"))).hasSize(24);
        assertThat(out.bars(Timeframe.H4).stream().filter(b -> b.getOpenTimeMsc() >= server("2024-03-11T00:00:00")
                && b.getOpenTimeMsc() < server("2024-03-12T00:00:00"))).extracting(Bar::getOpenTimeMsc)
                .allSatisfy(t -> assertThat(t % (4 * 3_600_000L)).isZero()).hasSize(6);
    }
}
