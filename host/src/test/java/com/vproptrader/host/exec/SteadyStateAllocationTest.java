package com.vproptrader.host.exec;

import com.vproptrader.host.time.ServerClock;

import static com.vproptrader.host.exec.ExecutionQualityTest.EURUSD;
import static com.vproptrader.host.exec.ExecutionQualityTest.LONDON;
import static com.vproptrader.host.exec.ExecutionQualityTest.MS;
import static com.vproptrader.host.exec.ExecutionQualityTest.POINT;
import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.host.feature.SessionClock;
import com.vproptrader.proto.Reject;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.Tick;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The per-event calls (onTick, pauseReason) write primitive rings only: no garbage per tick. */
class SteadyStateAllocationTest {
    private static final int TICKS = 200_000;

    @Test
    void ticksAndPauseChecks_allocateNothingPerTick() {
        ExecutionQuality quality = new ExecutionQuality(ExecutionQualityConfig.defaults(),
                new SessionClock(ServerClock.NY_CLOSE));
        Tick[] ticks = new Tick[TICKS]; // built up front: the ticks arrive allocated by the feed
        for (int i = 0; i < TICKS; i++) {
            ticks[i] = ExecutionQualityTest.tick(LONDON + i * 50L, 1.1 + (i % 7) * POINT, 5 + i % 3);
        }
        Signal s = Signal.newBuilder().setSignalKey("k").setSymbol("EURUSD").setSide(Side.BUY).build();
        quality.onSignalSent(s, 0);
        quality.onReject(Reject.newBuilder().setSignalKey("k").build(), 90 * MS);
        run(quality, ticks, 0, 20_000); // warm-up: JIT, caches

        long before = allocatedBytes();
        run(quality, ticks, 20_000, TICKS);
        long perTick = (allocatedBytes() - before) / (TICKS - 20_000);

        assertThat(perTick).as("bytes allocated per tick").isLessThan(8);
    }

    private static void run(ExecutionQuality quality, Tick[] ticks, int from, int to) {
        for (int i = from; i < to; i++) {
            quality.onTick(ticks[i], EURUSD);
            quality.pauseReason(i * 50 * MS);
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
