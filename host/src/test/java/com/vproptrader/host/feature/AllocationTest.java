package com.vproptrader.host.feature;

import com.vproptrader.host.time.ServerClock;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.host.feed.Feed;
import com.vproptrader.host.feed.FeedConfig;
import com.vproptrader.proto.Tick;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The steady-state feature path must not allocate (the JMH gc profiler measures the same in ops/bench). */
class AllocationTest {
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void featureSetUpdates_allocateNothingOnceWarm() {
        FeatureSet set = new FeatureSet("EURUSD", FeatureConfig.defaults(), ServerClock.NY_CLOSE);
        long t = 1_705_400_000_000L;
        for (int i = 0; i < 20_000; i++) {
            set.onBar(1.1 + i % 7 * 1e-4, 1.1 - i % 5 * 1e-4, 1.1 + (i % 11 - 5) * 1e-5, 100 + i % 13);
            set.onQuote(t + i * 100L, 1.1, 1.1001);
        }
        long before = allocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            set.onBar(1.1 + i % 7 * 1e-4, 1.1 - i % 5 * 1e-4, 1.1 + (i % 11 - 5) * 1e-5, 100 + i % 13);
            set.onQuote(t + i * 100L, 1.1, 1.1001 + i % 3 * 1e-5);
        }
        assertThat(allocatedBytes() - before).isLessThan(1_000); // the measuring call itself may allocate a little
    }

    @Test
    void feedTick_withinABar_allocatesNothing() {
        FeatureEngine engine = new FeatureEngine(FeatureConfig.defaults(), ServerClock.NY_CLOSE);
        Feed feed = new Feed(FeedConfig.defaults(), engine);
        long t0 = 1_705_400_000_000L - 1_705_400_000_000L % 3_600_000L;
        Tick[] ticks = new Tick[50_000];
        for (int i = 0; i < ticks.length; i++) {
            double bid = 1.1 + (i % 17) * 1e-5;
            ticks[i] = Tick.newBuilder().setSymbol("EURUSD").setTimeMsc(t0 + i).setBid(bid).setAsk(bid + 1e-4).build();
        }
        for (int i = 0; i < 10_000; i++) {
            feed.onTick(ticks[i]);
        }
        long before = allocatedBytes();
        for (int i = 10_000; i < ticks.length; i++) { // all inside one M1 bar: no bar closes
            feed.onTick(ticks[i]);
        }
        assertThat(allocatedBytes() - before).isLessThan(1_000);
    }
}
