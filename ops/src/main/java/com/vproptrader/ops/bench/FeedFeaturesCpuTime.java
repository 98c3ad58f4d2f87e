package com.vproptrader.ops.bench;

import com.vproptrader.host.time.ServerClock;

import com.vproptrader.host.feature.FeatureConfig;
import com.vproptrader.host.feature.FeatureEngine;
import com.vproptrader.host.feature.FeatureSet;
import com.vproptrader.host.feed.Feed;
import com.vproptrader.host.feed.FeedConfig;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.Timeframe;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The workloads of {@link FeedFeaturesBenchmark} timed in THREAD CPU time instead of wall time. On a shared
 * machine (other builds stealing the cores) wall-clock JMH scores swing by several times; CPU time per tick
 * only counts the cycles this thread actually ran, so it is the steadier figure to compare with ta4j. Prints
 * the median of the measured runs. Usage: {@code java -cp ... com.vproptrader.ops.bench.FeedFeaturesCpuTime
 * [warmupRuns] [runs]}.
 */
public final class FeedFeaturesCpuTime {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static double sink;

    private FeedFeaturesCpuTime() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int n = FeedFeaturesBenchmark.TICKS;
        Tick[] ticks = SyntheticMarket.ticks(n);
        List<List<Bar>> bars = SyntheticMarket.bars(ticks, Timeframe.M1);
        int barCount = bars.stream().mapToInt(List::size).sum();
        FeatureConfig config = FeatureConfig.defaults();
        System.out.printf("data: %,d ticks, %,d M1 bars, %d symbols%n", n, barCount, bars.size());

        double ours = measure("feed+features (ticks)", warmup, runs, n, () -> feedAndFeatures(ticks, config));
        double oursBars = measure("features on M1 bars ", warmup, runs, barCount, () -> featuresOnBars(bars, config));
        double ta4j = measure("ta4j on M1 bars     ", warmup, runs, barCount, () -> ta4jOnBars(bars, config));
        System.out.printf("feed+features processes the %,d ticks in %.1f ms CPU; ta4j needs %.1f ms CPU for the same "
                + "indicators over their %,d bars: ratio (ta4j time / our time) %.2f%n", n, 1e3 * n / ours,
                1e3 * barCount / ta4j, barCount, (barCount / ta4j) / (n / ours));
        System.out.printf("bars only: our features %.1fx ta4j's throughput%n", oursBars / ta4j);
        System.out.println(sink == 42 ? "" : "done");
    }

    /** Runs {@code work} warmup + runs times; prints and returns the median items per CPU-second. */
    static double measure(String name, int warmup, int runs, int items, DoubleSupplier work) {
        for (int i = 0; i < warmup; i++) {
            sink += work.getAsDouble();
        }
        double[] rates = new double[runs];
        double[] bytes = new double[runs];
        for (int i = 0; i < runs; i++) {
            long allocated = THREADS.getCurrentThreadAllocatedBytes();
            long cpu = THREADS.getCurrentThreadCpuTime();
            sink += work.getAsDouble();
            long cpuNs = THREADS.getCurrentThreadCpuTime() - cpu;
            bytes[i] = (double) (THREADS.getCurrentThreadAllocatedBytes() - allocated) / items;
            rates[i] = items / (cpuNs / 1e9);
        }
        Arrays.sort(rates);
        Arrays.sort(bytes);
        double median = rates[runs / 2];
        System.out.printf("%s: median %,.0f /CPU-s (min %,.0f, max %,.0f), %.3f B allocated per item%n", name, median,
                rates[0], rates[runs - 1], bytes[runs / 2]);
        return median;
    }

    static double feedAndFeatures(Tick[] ticks, FeatureConfig config) {
        FeatureEngine features = new FeatureEngine(config, ServerClock.NY_CLOSE);
        Feed feed = new Feed(FeedConfig.defaults(), features);
        for (Tick tick : ticks) {
            feed.onTick(tick);
        }
        FeatureSet eurusd = features.features("EURUSD");
        return eurusd.get(0) + features.correlations().correlation(0, 1);
    }

    static double featuresOnBars(List<List<Bar>> bars, FeatureConfig config) {
        double sum = 0;
        for (List<Bar> series : bars) {
            FeatureSet set = new FeatureSet(series.get(0).getSymbol(), config, ServerClock.NY_CLOSE);
            for (Bar bar : series) {
                set.onBar(bar);
            }
            sum += set.get(3);
        }
        return sum;
    }

    static double ta4jOnBars(List<List<Bar>> bars, FeatureConfig config) {
        double sum = 0;
        for (List<Bar> series : bars) {
            Ta4jReference ta4j = new Ta4jReference(series.get(0).getSymbol(), config);
            for (Bar bar : series) {
                sum += ta4j.onBar(bar);
            }
        }
        return sum;
    }
}
