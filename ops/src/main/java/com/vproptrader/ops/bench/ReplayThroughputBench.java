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
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * End-to-end replay throughput: synthetic EURUSD ticks (seed 42) through the full host (validation, features,
 * the plugins from {@code ops/target/plugins}, governors, journal) and the paper broker, in lockstep on one
 * thread as {@code ops/replay.sh run} does, with the wall clock split by stage, and the CPU time of every thread
 * that does the replay's work (the loop, the journal's writer beside it, plugin call workers if any, the JVM's
 * GC and JIT) from the first tick until every row is committed. Baseline in the same process: the same ticks
 * generated and read without the host (the feed alone).
 *
 * <p>The replay runs {@code rounds} times in the process: the first on a cold JVM (as one {@code ops/replay.sh run}),
 * the next ones with the host's code already compiled, each with its plugins loaded afresh, a fresh broker and a
 * fresh journal, so every round makes the same decisions.
 *
 * <p>Run: {@code java -cp "ops/target/classes:ops/target/lib/*" com.vproptrader.ops.bench.ReplayThroughputBench
 * [ticks, default 1000000] [plugin folder, default ops/target/plugins] [rounds, default 2]}
 */
public final class ReplayThroughputBench {
    public static void main(String[] args) throws Exception {
        long ticks = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path plugins = Path.of(args.length > 1 ? args[1] : "ops/target/plugins");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("%,d synthetic ticks, plugins %s, %d cores, Java %s %s, load average %.2f%n", ticks, plugins,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), os.getSystemLoadAverage());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long feedAlone = System.nanoTime();
        long feedAloneCpu = threads.getCurrentThreadCpuTime();
        long read = 0;
        try (MarketSource<Tick> source = MarketSource.of(new SyntheticTicks(42, "EURUSD", ticks))) {
            for (Tick t = source.next(); t != null; t = source.next()) {
                read++;
            }
        }
        feedAlone = System.nanoTime() - feedAlone;
        feedAloneCpu = threads.getCurrentThreadCpuTime() - feedAloneCpu;

        for (int round = 1; round <= rounds; round++) {
            System.out.printf("%n== replay %d of %d%s%n", round, rounds, round == 1
                    ? " (a cold JVM: the JIT compiles while it runs, as in one ops/replay.sh run)"
                    : " (the same JVM again: host code compiled; plugins loaded afresh)");
            replay(ticks, plugins, read, feedAlone, feedAloneCpu, threads, os);
        }
    }

    private static void replay(long ticks, Path plugins, long read, long feedAlone, long feedAloneCpu,
                               ThreadMXBean threads, com.sun.management.OperatingSystemMXBean os) throws Exception {
        Path work = Files.createTempDirectory("vpt-replaybench-");
        ReplayStages stages = new ReplayStages();
        Map<String, Long> cpuAfter = new TreeMap<>();
        long[] processCpuAfter = {0};
        long[] gcAfter = {0};
        long[] jitAfter = {0};
        Map<String, Long> jvmAfter = new TreeMap<>();
        Replay.Result result;
        long wall;
        Map<String, Long> cpuBefore;
        long processCpuBefore;
        long gcBefore;
        long jitBefore;
        Map<String, Long> jvmBefore;
        try (PluginHost host = PluginHost.lockstep(plugins)) {
            host.start();
            HostConfig config = HostConfig.defaults().withPluginDir(plugins).withJournalFile(work.resolve("bench.db"));
            SimBroker broker = new SimBroker(BrokerConfig.defaults().withAccountId("bench"));
            stages.whenJournalFlushed(() -> { // every row committed: what each thread did for this replay
                cpuAfter.putAll(cpuByThread(threads));
                processCpuAfter[0] = os.getProcessCpuTime();
                gcAfter[0] = gcMillis();
                jitAfter[0] = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                jvmAfter.putAll(jvmThreadCpu());
            });
            cpuBefore = cpuByThread(threads);
            processCpuBefore = os.getProcessCpuTime();
            gcBefore = gcMillis();
            jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            jvmBefore = jvmThreadCpu();
            long started = System.nanoTime();
            result = Replay.run(config, host, MarketSource.of(new SyntheticTicks(42, "EURUSD", ticks)), broker,
                    b -> {
                    }, stages);
            wall = System.nanoTime() - started;
        } finally {
            TempDirs.delete(work);
        }
        double loadAfter = os.getSystemLoadAverage();
        double seconds = wall / 1e9;
        System.out.printf("replay: %,d ticks in %.2f s = %,.0f ticks/s end to end, wall clock, load average %.2f at the "
                        + "end (%.2f µs per tick); host accepted %d ticks, signals=%d fills=%d%n", read, seconds, read / seconds,
                loadAfter, wall / 1e3 / read, result.counters().getTicks(), result.counters().getSignals(),
                result.counters().getFills());

        System.out.println("wall clock by stage (loop thread; the journal writer works beside it):");
        print("feed (generate + read ticks)", stages.feedNanos(), wall, read);
        print("decide (host: validate, features, plugins, governors, journal append)", stages.decideNanos(), wall, read);
        print("broker (paper broker: quotes, fills)", stages.brokerNanos(), wall, read);
        print("journal (wait at the end for the writer to commit every row)", stages.journalFlushNanos(), wall, read);
        long other = wall - stages.feedNanos() - stages.decideNanos() - stages.brokerNanos() - stages.journalFlushNanos();
        print("rest (validation before the broker, driver)", other, wall, read);

        System.out.println("CPU time by thread, from the first tick until every row is committed:");
        long javaThreads = 0;
        Map<String, Long> used = new TreeMap<>();
        for (var e : cpuAfter.entrySet()) {
            long cpu = e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
            if (cpu > 0) {
                used.put(e.getKey(), cpu);
                javaThreads += cpu;
            }
        }
        long loop = used.getOrDefault(Thread.currentThread().getName(), 0L);
        long writer = used.getOrDefault("journal-writer", 0L);
        long pluginWorkers = used.entrySet().stream().filter(e -> e.getKey().startsWith("vpt-plugin-call"))
                .mapToLong(Map.Entry::getValue).sum();
        long process = processCpuAfter[0] - processCpuBefore;
        long jvm = Math.max(0, process - javaThreads);
        cpu("loop (feed, host decisions incl. plugin calls, paper broker)", loop, read);
        cpu("journal writer (JSON, hash chain, SQLite)", writer, read);
        cpu("plugin call workers (none when plugin calls run on the loop)", pluginWorkers, read);
        cpu("other Java threads (" + String.join(", ", others(used, Thread.currentThread().getName())) + ")",
                javaThreads - loop - writer - pluginWorkers, read);
        cpu("the JVM's own threads (GC, JIT): process CPU minus the Java threads'", jvm, read);
        for (var e : jvmAfter.entrySet()) { // from /proc, in 10 ms ticks: absent where there is no /proc
            cpu("  of which " + e.getKey(), e.getValue() - jvmBefore.getOrDefault(e.getKey(), 0L), read);
        }
        cpu("whole process", process, read);
        System.out.printf("  GC pauses: %,d ms in all; JIT compiling: %,d ms (time the compiler threads spent, not CPU)%n",
                gcAfter[0] - gcBefore, jitAfter[0] - jitBefore);
        double perCpuSecond = read / (process / 1e9);
        double slowestThread = Math.max(loop, writer) / 1e9;
        double idlePair = read / Math.max(slowestThread, process / 2e9);
        System.out.printf("ticks per CPU-second of the whole process: %,.0f; per loop CPU-second: %,.0f; per writer "
                + "CPU-second: %,.0f%n", perCpuSecond, read / (loop / 1e9), read / (writer / 1e9));
        System.out.printf("on an idle core pair the wall clock cannot beat the busier of loop and writer, nor half the "
                + "process CPU: at most %,.0f ticks/s%n", idlePair);
        System.out.printf("baseline, same process: the feed alone %,.0f ticks/s wall (%.2f µs CPU per tick); the replay "
                        + "runs at %.1f%% of it (wall), its whole-process CPU per tick is %.1f× the feed's%n",
                read / (feedAlone / 1e9), feedAloneCpu / 1e3 / read, 100.0 * feedAlone / wall,
                (double) process / Math.max(1, feedAloneCpu));
    }

    private static void print(String stage, long nanos, long wall, long ticks) {
        System.out.printf("  %-72s %6.2f µs/tick %5.1f%%%n", stage, nanos / 1e3 / ticks, 100.0 * nanos / wall);
    }

    private static void cpu(String what, long nanos, long ticks) {
        System.out.printf("  %-72s %6.2f µs/tick (%.2f s)%n", what, nanos / 1e3 / ticks, nanos / 1e9);
    }

    private static List<String> others(Map<String, Long> used, String loop) {
        return used.keySet().stream().filter(n -> !n.equals(loop) && !n.equals("journal-writer")
                && !n.startsWith("vpt-plugin-call")).toList();
    }

    /** CPU time of every live Java thread by name (threads of one name summed). */
    private static Map<String, Long> cpuByThread(ThreadMXBean threads) {
        Map<String, Long> cpu = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long time = threads.getThreadCpuTime(id);
            if (info != null && time > 0) {
                cpu.merge(info.getThreadName(), time, Long::sum);
            }
        }
        return cpu;
    }

    /**
     * CPU time of the JVM's own threads by job, read from {@code /proc/self/task/<tid>/stat} (Linux; empty
     * elsewhere): "GC" (garbage collector threads), "JIT" (compiler threads).
     */
    private static Map<String, Long> jvmThreadCpu() {
        Map<String, Long> cpu = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (java.io.IOException e) {
                    continue; // the thread ended
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
                String job = name.contains("Compiler") ? "JIT (compiler threads)"
                        : name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM Thread")
                        ? "GC (collector threads and the VM thread)" : null;
                if (job != null) {
                    cpu.merge(job, ticks * 10_000_000L, Long::sum); // USER_HZ is 100 on Linux
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return Map.of();
        }
        return cpu;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
