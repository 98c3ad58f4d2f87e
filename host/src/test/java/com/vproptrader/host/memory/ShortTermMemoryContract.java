package com.vproptrader.host.memory;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static com.vproptrader.host.memory.Trades.closed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What every short-term memory backend must do. Each backend's test extends this with how to open one;
 * the figures are checked against sums computed here independently (commons-math for the moments).
 */
abstract class ShortTermMemoryContract {
    static final int CAPACITY = 5;
    ShortTermMemory memory;

    /** A fresh, empty memory of {@code capacity} trades. */
    abstract ShortTermMemory open(int capacity);

    @BeforeEach
    void openMemory() {
        memory = open(CAPACITY);
    }

    @AfterEach
    void closeMemory() {
        memory.close();
    }

    @Test
    void anEmptyMemoryHasNoTradesAndEmptyStatistics() {
        assertThat(memory.recent(0)).isEmpty();
        assertThat(memory.stats(StatsKey.ALL)).isEqualTo(WindowStats.EMPTY);
        assertThat(memory.stats(StatsKey.ALL).winRate()).isNaN();
        assertThat(memory.exactStats()).isEmpty();
    }

    @Test
    void theWindowKeepsTheNewestTradesOldestFirst() {
        LongStream.rangeClosed(1, 8).forEach(i -> memory.record(closed(i, 100, 100)));

        assertThat(memory.recent(0)).extracting(ClosedTrade::positionId).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(memory.recent(2)).extracting(ClosedTrade::positionId).containsExactly(7L, 8L);
        assertThat(memory.stats(StatsKey.ALL).count()).isEqualTo(CAPACITY);
    }

    @Test
    void statisticsMatchIndependentlyComputedValues() {
        long[] pnl = {250, -100, 400, -100, 0};
        long risk = 100;
        for (int i = 0; i < pnl.length; i++) {
            memory.record(closed(i + 1, pnl[i], risk));
        }
        DescriptiveStatistics r = new DescriptiveStatistics();
        for (long p : pnl) {
            r.addValue((double) p / risk);
        }

        WindowStats s = memory.stats(StatsKey.of("momentum", "TREND_LOW_VOL", "EURUSD"));
        assertThat(s.count()).isEqualTo(5);
        assertThat(s.wins()).as("a trade that nets zero is not a win").isEqualTo(2);
        assertThat(s.winRate()).isEqualTo(0.4);
        assertThat(s.totalPnl().cents()).isEqualTo(450);
        assertThat(s.expectancyMoney()).isEqualTo(0.90);
        assertThat(s.expectancyR()).isCloseTo(r.getMean(), within(1e-12));
        assertThat(s.sharpeR()).isCloseTo(r.getMean() / r.getStandardDeviation(), within(1e-12));
    }

    @Test
    void eachTradeCountsTowardItsExactKeyAndEveryWildcard() {
        memory.record(closed(1, "momentum", "TREND_LOW_VOL", "EURUSD", 100, 100, 1000));
        memory.record(closed(2, "momentum", "RANGE_LOW_VOL", "EURUSD", -100, 100, 2000));
        memory.record(closed(3, "reversion", "RANGE_LOW_VOL", "GBPUSD", 300, 100, 3000));

        assertThat(memory.stats(StatsKey.ofAlpha("momentum")).count()).isEqualTo(2);
        assertThat(memory.stats(StatsKey.of(StatsKey.ANY, "RANGE_LOW_VOL", StatsKey.ANY)).wins()).isEqualTo(1);
        assertThat(memory.stats(StatsKey.of(StatsKey.ANY, StatsKey.ANY, "GBPUSD")).totalPnl().cents()).isEqualTo(300);
        assertThat(memory.stats(StatsKey.ALL).count()).isEqualTo(3);
        assertThat(memory.stats(StatsKey.of("reversion", "TREND_LOW_VOL", "GBPUSD"))).isEqualTo(WindowStats.EMPTY);
        Map<StatsKey, WindowStats> exact = memory.exactStats();
        assertThat(exact.keySet()).containsExactlyInAnyOrder(
                StatsKey.of("momentum", "TREND_LOW_VOL", "EURUSD"), StatsKey.of("momentum", "RANGE_LOW_VOL", "EURUSD"),
                StatsKey.of("reversion", "RANGE_LOW_VOL", "GBPUSD"));
    }

    @Test
    void anEvictedTradeLeavesEveryStatisticItCountedIn() {
        memory.record(closed(1, "reversion", "RANGE_LOW_VOL", "GBPUSD", 500, 100, 1000));
        LongStream.rangeClosed(2, 1 + CAPACITY).forEach(i -> memory.record(closed(i, -100, 100)));

        assertThat(memory.stats(StatsKey.ofAlpha("reversion"))).isEqualTo(WindowStats.EMPTY);
        assertThat(memory.exactStats()).containsOnlyKeys(StatsKey.of("momentum", "TREND_LOW_VOL", "EURUSD"));
        WindowStats all = memory.stats(StatsKey.ALL);
        assertThat(all.count()).isEqualTo(CAPACITY);
        assertThat(all.wins()).isZero();
        assertThat(all.totalPnl().cents()).isEqualTo(-100L * CAPACITY);
        assertThat(all.expectancyR()).isCloseTo(-1.0, within(1e-12));
        assertThat(all.sharpeR()).as("every R equal: no dispersion, no Sharpe").isNaN();
    }

    @Test
    void winnersAndLosersHaveTheirOwnMeanR() {
        memory.record(closed(1, 300, 100));
        memory.record(closed(2, 100, 100));
        memory.record(closed(3, -100, 100));
        memory.record(closed(4, -50, 100));
        memory.record(closed(5, 700, 0)); // no stop: a win, but no R

        WindowStats s = memory.stats(StatsKey.ALL);
        assertThat(s.winRs()).isEqualTo(2);
        assertThat(s.meanWinR()).isCloseTo(2.0, within(1e-12));
        assertThat(s.lossRs()).isEqualTo(2);
        assertThat(s.meanLossR()).as("losses as a positive mean |R|").isCloseTo(0.75, within(1e-12));
        memory.record(closed(6, -100, 100)); // evicts trade 1
        assertThat(memory.stats(StatsKey.ALL).meanWinR()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void tradesWithoutAStopCountEverywhereButInTheRFigures() {
        memory.record(closed(1, 300, 0));
        memory.record(closed(2, -100, 100));

        WindowStats s = memory.stats(StatsKey.ALL);
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.wins()).isEqualTo(1);
        assertThat(s.rCount()).isEqualTo(1);
        assertThat(s.expectancyR()).isEqualTo(-1.0);
        assertThat(s.sharpeR()).as("one R value has no standard deviation").isNaN();
    }

    @Test
    void closedSinceListsTheAccountsOutcomesFromAGivenServerTime() {
        memory.record(closed(1, "momentum", "TREND_LOW_VOL", "EURUSD", 100, 100, 1_000));
        memory.record(closed(2, "momentum", "TREND_LOW_VOL", "EURUSD", -50, 100, 2_000));
        memory.record(closed(3, "momentum", "TREND_LOW_VOL", "EURUSD", 70, 100, 3_000));

        List<ClosedTrade> since = memory.closedSince(2_000);
        assertThat(since).extracting(ClosedTrade::positionId).containsExactly(2L, 3L);
        assertThat(since).extracting(t -> t.pnl().cents()).containsExactly(-50L, 70L);
    }
}
