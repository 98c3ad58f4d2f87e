package com.vproptrader.ops.bench;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.ops.replay.Replay;
import com.vproptrader.ops.replay.ReplayStages;
import com.vproptrader.proto.Tick;
import com.vproptrader.sim.broker.BrokerConfig;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.data.SyntheticTicks;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * End-to-end replay throughput: synthetic EURUSD ticks (seed 42) through the full host (validation, features,
 * the plugins from {@code ops/target/plugins}, governors, journal) and the paper broker, in lockstep on one
 * thread as {@code ops/replay.sh run} does, with the time split by stage. The journal's writer thread runs
 * beside the loop; its CPU time is reported as the journal stage. Baseline in the same process: the same
 * ticks generated and read without the host (the feed alone).
 *
 * <p>Run: {@code java -cp "ops/target/classes:ops/target/lib/*" com.vproptrader.ops.bench.ReplayThroughputBench
 * [ticks, default 1000000] [plugin folder, default ops/target/plugins]}
 */
public final class ReplayThroughputBench {
    public static void main(String[] args) throws Exception {
        long ticks = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path plugins = Path.of(args.length > 1 ? args[1] : "ops/target/plugins");
        Path work = Files.createTempDirectory("vpt-replaybench-");
        System.out.printf("%,d synthetic ticks, plugins %s, %d cores, Java %s%n", ticks, plugins,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));

        long feedAlone = System.nanoTime();
        long read = 0;
        try (MarketSource<Tick> source = MarketSource.of(new SyntheticTicks(42, "EURUSD", ticks))) {
            for (Tick t = source.next(); t != null; t = source.next()) {
                read++;
            }
        }
        feedAlone = System.nanoTime() - feedAlone;

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ReplayStages stages = new ReplayStages();
        long[] writerCpu = {0};
        Replay.Result result;
        long wall = System.nanoTime();
        long loopCpu;
        try (PluginHost host = PluginHost.lockstep(plugins)) {
            host.start();
            HostConfig config = HostConfig.defaults().withPluginDir(plugins).withJournalFile(work.resolve("bench.db"));
            SimBroker broker = new SimBroker(BrokerConfig.defaults().withAccountId("bench"));
            long started = System.nanoTime();
            loopCpu = threads.getCurrentThreadCpuTime();
            result = Replay.run(config, host, MarketSource.of(new SyntheticTicks(42, "EURUSD", ticks)), broker,
                    b -> {
                        if (stages.ticks() == ticks) { // last tick: read the writer's CPU before the journal closes
                            writerCpu[0] = journalWriterCpu(threads);
                        }
                    }, stages);
            wall = System.nanoTime() - started;
            loopCpu = threads.getCurrentThreadCpuTime() - loopCpu;
        }
        double seconds = wall / 1e9;
        System.out.printf("replay: %,d ticks in %.1f s = %,.0f ticks/s end to end (%.1f µs per tick); "
                        + "host accepted %d ticks, signals=%d fills=%d%n", read, seconds, read / seconds, wall / 1e3 / read,
                result.counters().getTicks(), result.counters().getSignals(), result.counters().getFills());
        print("feed (generate + read ticks)", stages.feedNanos(), wall, read);
        print("decide (host: validate, features, plugins, governors, journal append)", stages.decideNanos(), wall, read);
        print("broker (paper broker: quotes, fills)", stages.brokerNanos(), wall, read);
        print("journal flush wait at the end", stages.journalFlushNanos(), wall, read);
        long other = wall - stages.feedNanos() - stages.decideNanos() - stages.brokerNanos() - stages.journalFlushNanos();
        print("rest (validation before the broker, driver)", other, wall, read);
        System.out.printf("loop thread CPU (feed, host, broker; steadier than the wall clock on a shared machine): "
                + "%.2f µs per tick = %,.0f ticks per CPU-second%n", loopCpu / 1e3 / read, read / (loopCpu / 1e9));
        System.out.printf("journal writer thread CPU (beside the loop): %.1f s = %.1f µs per tick%n",
                writerCpu[0] / 1e9, writerCpu[0] / 1e3 / read);
        System.out.printf("baseline, same process: the feed alone %,.0f ticks/s; the replay runs at %.1f%% of it%n",
                read / (feedAlone / 1e9), 100.0 * feedAlone / wall);
    }

    private static void print(String stage, long nanos, long wall, long ticks) {
        System.out.printf("  %-72s %6.2f µs/tick %5.1f%%%n", stage, nanos / 1e3 / ticks, 100.0 * nanos / wall);
    }

    private static long journalWriterCpu(ThreadMXBean threads) {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals("journal-writer")) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return 0;
    }
}
