package com.vproptrader.host.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.Timeframe;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bars of every timeframe, built from random ticks with random silences, agree with each other. */
class BarConsistencyTest {

    @Test
    void everyLongerBar_isTheAggregateOfTheM1BarsInsideIt_andNoBarIsEmpty() {
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            RecordingListener out = new RecordingListener();
            Feed feed = new Feed(FeedConfig.defaults(), out);
            long t = BarBuildingTest.server("2024-01-08T00:00:00"); // a Monday
            double bid = 1.1;
            for (int i = 0; i < 15_000; i++) {
                t += random.nextInt(20) == 0 ? random.nextInt(3_600_000) : random.nextInt(5_000); // silences too
                bid *= Math.exp(random.nextGaussian() * 1e-4);
                feed.onTick(Tick.newBuilder().setSymbol("EURUSD").setTimeMsc(t).setBid(bid).setAsk(bid + 1e-4).build());
            }
            feed.onClock(t + Timeframes.DAY_MS);
            List<Bar> m1 = out.bars(Timeframe.M1);
            assertThat(out.ticks).hasSize((int) m1.stream().mapToLong(Bar::getTickVolume).sum());
            for (Timeframe tf : Timeframes.ALL) {
                long period = Timeframes.periodMs(tf);
                for (Bar bar : out.bars(tf)) {
                    List<Bar> inside = m1.stream().filter(b -> b.getOpenTimeMsc() >= bar.getOpenTimeMsc()
                            && b.getOpenTimeMsc() < bar.getOpenTimeMsc() + period).toList();
                    assertThat(inside).as("%s bar at %d has ticks", tf, bar.getOpenTimeMsc()).isNotEmpty();
                    assertThat(bar.getOpenTimeMsc() % period).isZero();
                    assertThat(bar.getOpen()).isEqualTo(inside.get(0).getOpen());
                    assertThat(bar.getClose()).isEqualTo(inside.get(inside.size() - 1).getClose());
                    assertThat(bar.getHigh()).isEqualTo(inside.stream().mapToDouble(Bar::getHigh).max().orElseThrow());
                    assertThat(bar.getLow()).isEqualTo(inside.stream().mapToDouble(Bar::getLow).min().orElseThrow());
                    assertThat(bar.getTickVolume()).isEqualTo(inside.stream().mapToLong(Bar::getTickVolume).sum());
                }
            }
        }
    }
}
