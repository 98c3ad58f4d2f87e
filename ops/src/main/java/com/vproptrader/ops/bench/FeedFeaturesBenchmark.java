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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Replay throughput of feed + features on one thread, beside ta4j computing the same bar indicators over the
 * same bars in the same run. Every benchmark processes the whole synthetic day ({@value #TICKS} ticks, 4
 * symbols) per invocation and reports per TICK (OperationsPerInvocation), so scores are directly comparable:
 * <ul>
 *   <li>{@code feedAndFeatures}: validate, gap-check, build M1..D1 bars, update tick and M1 bar features and
 *       the correlation matrix, from Tick protos (the full replay path);</li>
 *   <li>{@code featuresOnBars}: only our bar features over the M1 bars that path produced;</li>
 *   <li>{@code ta4jOnBars}: ta4j over the same M1 bars, the same indicators.</li>
 * </ul>
 * The pipeline is rebuilt inside each invocation (fresh state, so ticks stay in time order); that costs a few
 * KB and microseconds per million ticks.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class FeedFeaturesBenchmark {
    static final int TICKS = 1_000_000;

    private final FeatureConfig featureConfig = FeatureConfig.defaults();
    private Tick[] ticks;
    private List<List<Bar>> m1Bars;

    @Setup(Level.Trial)
    public void setUp() {
        ticks = SyntheticMarket.ticks(TICKS);
        m1Bars = SyntheticMarket.bars(ticks, Timeframe.M1);
    }

    @Benchmark
    @OperationsPerInvocation(TICKS)
    public void feedAndFeatures(Blackhole bh) {
        FeatureEngine features = new FeatureEngine(featureConfig, ServerClock.NY_CLOSE);
        Feed feed = new Feed(FeedConfig.defaults(), features);
        Tick[] all = ticks;
        for (Tick tick : all) {
            feed.onTick(tick);
        }
        FeatureSet eurusd = features.features("EURUSD");
        bh.consume(eurusd.get(0) + eurusd.get(eurusd.schema().size() - 1));
        bh.consume(features.correlations().correlation(0, 1));
    }

    @Benchmark
    @OperationsPerInvocation(TICKS)
    public void featuresOnBars(Blackhole bh) {
        for (List<Bar> bars : m1Bars) {
            FeatureSet set = new FeatureSet(bars.get(0).getSymbol(), featureConfig, ServerClock.NY_CLOSE);
            for (Bar bar : bars) {
                set.onBar(bar);
            }
            bh.consume(set.get(3));
        }
    }

    @Benchmark
    @OperationsPerInvocation(TICKS)
    public void ta4jOnBars(Blackhole bh) {
        for (List<Bar> bars : m1Bars) {
            Ta4jReference ta4j = new Ta4jReference(bars.get(0).getSymbol(), featureConfig);
            double sum = 0;
            for (Bar bar : bars) {
                sum += ta4j.onBar(bar);
            }
            bh.consume(sum);
        }
    }
}
