package com.vproptrader.ops.bench;

import com.vproptrader.gateway.Gateway;
import com.vproptrader.gateway.GatewayMain;
import com.vproptrader.gateway.GatewayConfig;
import com.vproptrader.gateway.frame.CommandFrame;
import com.vproptrader.gateway.frame.FrameCodec;
import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.app.HostMain;
import com.vproptrader.host.engine.LoopProbe;
import com.vproptrader.proto.Account;
import com.vproptrader.proto.AdminServiceGrpc;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.MarginMode;
import com.vproptrader.proto.NavigatorRequest;
import com.vproptrader.proto.Reject;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.Tick;
import com.vproptrader.sim.data.SyntheticTicks;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Tick → signal latency as the terminal sees it, through gateway and host over loopback, split by stage and
 * set beside the floor measured in the same run, each stage in an HdrHistogram:
 * <ol>
 *   <li>{@code loopback}: a raw loopback TCP round trip of one line (the path has two such hops);</li>
 *   <li>{@code grpc}: one tick event → one signal command on a TerminalLink stream (gateway ⇄ host hop alone);</li>
 *   <li>{@code gateway}: terminal → gateway → a host that answers every tick at once → terminal (everything but
 *       the decision);</li>
 *   <li>{@code deployed}: terminal → gateway → the real host → terminal, the host and the gateway each in its own
 *       JVM with the installed system's JVM options, as deployed;</li>
 *   <li>{@code full}: terminal → gateway → the real host (all plugins in the folder, governors on) → terminal, all
 *       in this JVM;</li>
 *   <li>{@code host}: inside that run, the host alone, from the tick's arrival off the gRPC stream to its signal
 *       handed back to the stream (the account loop's inbox, the decision and its plugin calls), read from the
 *       engine's {@link LoopProbe}; {@code full − host} is the two hops, gateway and codec; {@code host inbox
 *       wait} is the part of it the tick waited in the loop's inbox (behind the previous exchange's reject, or for
 *       the loop's thread to get a core).</li>
 * </ol>
 * Each stage runs back to back (the next tick as soon as the answer is in) and paced at one tick per millisecond
 * (the threads park between ticks and must be woken). The real host's run starts after its challenge navigator's
 * first forecast (a burst of simulation that would otherwise take a core from the path under test).
 *
 * <p>A terminal stand-in speaking the EA's frames sends a rising tick, waits for the momentum alpha's signal,
 * answers with a reject so the host's one-pending-order guard clears, and repeats.
 *
 * <p>Run: {@code java -cp "ops/target/classes:ops/target/lib/*" com.vproptrader.ops.bench.LinkLatencyBench
 * [plugin-jar-folder, default ops/target/plugins] [samples, default 20000]}
 */
public final class LinkLatencyBench {
    private static final FrameCodec CODEC = new FrameCodec();
    private static final int WARMUP = 5_000;
    private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** One measured exchange; false when no answer came (the sample is not counted). */
    interface RoundTrip {
        boolean once(int i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path pluginJars = Path.of(args.length > 0 ? args[0] : "ops/target/plugins");
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Map<String, Histogram> results = new LinkedHashMap<>();
        try (var loopback = new LinkStages.LoopbackEcho()) {
            measureBothPaces("loopback", loopback, samples, results);
        }
        Server echo = LinkStages.echoHost();
        try {
            try (var grpc = new LinkStages.GrpcRoundTrip(echo.getPort())) {
                measureBothPaces("grpc", grpc, samples, results);
            }
            try (Gateway gateway = gatewayTo(echo.getPort()); Terminal t = new Terminal(gateway.port(), false)) {
                measureBothPaces("gateway", t, samples, results);
            }
        } finally {
            echo.shutdownNow();
        }
        deployedPath(pluginJars, samples, results);
        fullPath(pluginJars, samples, results);
    }

    /** The table and the ratios to the floor; printed before the real host closes (its teardown is not measured). */
    private static void report(Map<String, Histogram> results) {
        System.out.printf("%n%-22s %8s %9s %9s %9s %9s%n", "stage (µs)", "n", "p50", "p99", "p99.9", "max");
        results.forEach((name, h) -> System.out.printf("%-22s %8d %9.1f %9.1f %9.1f %9.1f%n", name, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3));
        for (String pace : new String[] {"back-to-back", "1/ms"}) {
            Histogram floor = results.get("loopback " + pace);
            Histogram full = results.get("full " + pace);
            Histogram gw = results.get("gateway " + pace);
            Histogram host = results.get("host " + pace);
            Histogram deployed = results.get("deployed " + pace);
            System.out.printf("%s: deployed / loopback p50 %.1fx, p99 %.1fx; full / loopback p50 %.1fx, p99 %.1fx;"
                            + " gateway (no decision) / loopback p50 %.1fx; decision (full - gateway) p50 %.1f µs;"
                            + " host alone p50 %.1f µs, the rest (full - host) p50 %.1f µs%n", pace,
                    ratio(deployed, floor, 50), ratio(deployed, floor, 99), ratio(full, floor, 50), ratio(full, floor, 99),
                    ratio(gw, floor, 50),
                    (full.getValueAtPercentile(50) - gw.getValueAtPercentile(50)) / 1e3,
                    host.getValueAtPercentile(50) / 1e3,
                    (full.getValueAtPercentile(50) - host.getValueAtPercentile(50)) / 1e3);
        }
    }

    private static double ratio(Histogram a, Histogram b, double pct) {
        return (double) a.getValueAtPercentile(pct) / b.getValueAtPercentile(pct);
    }

    private static void measureBothPaces(String stage, RoundTrip trip, int samples, Map<String, Histogram> into)
            throws Exception {
        into.put(stage + " back-to-back", measure(trip, samples, false));
        into.put(stage + " 1/ms", measure(trip, samples, true));
    }

    /** Warms up, then records {@code samples} answered round trips (paced: one started every millisecond). */
    static Histogram measure(RoundTrip trip, int samples, boolean paced) throws Exception {
        return measure(trip, samples, paced ? PACE_NANOS : 0, WARMUP);
    }

    /**
     * {@code warmup} exchanges, then records {@code samples} answered ones; with {@code paceNanos > 0} one exchange
     * starts every {@code paceNanos} (no burst to catch up when one ran late).
     */
    static Histogram measure(RoundTrip trip, int samples, long paceNanos, int warmup) throws Exception {
        Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        long next = System.nanoTime();
        int recorded = 0;
        for (int i = 0; recorded < samples; i++) {
            if (paceNanos > 0) {
                next += paceNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    next = System.nanoTime(); // fell behind: no burst to catch up
                }
            }
            long start = System.nanoTime();
            boolean answered = trip.once(i);
            long elapsed = System.nanoTime() - start;
            if (answered && i >= warmup) {
                h.recordValue(Math.min(elapsed, h.getHighestTrackableValue()));
                recorded++;
            }
            if (i > warmup + 4L * samples) {
                throw new IllegalStateException("too few answers: " + recorded + " of " + i);
            }
        }
        return h;
    }

    private static Gateway gatewayTo(int hostPort) {
        return Gateway.start(GatewayConfig.defaults().withListenPort(0).withHostTarget("127.0.0.1:" + hostPort));
    }

    /**
     * Reads the gateway's frames to an EA until a signal arrives, or null after the socket's read timeout of
     * silence; blocks meanwhile (no spinning: the path under test needs both cores).
     */
    static Signal awaitSignal(BufferedReader in) throws Exception {
        while (true) {
            String line;
            try {
                line = in.readLine();
            } catch (SocketTimeoutException silence) {
                return null;
            }
            if (line == null) {
                throw new IllegalStateException("gateway closed the connection");
            }
            if (CODEC.decodeToEa(line) instanceof CommandFrame c && c.command().hasSignal()) {
                return c.command().getSignal();
            }
        }
    }

    /**
     * A host for a bench in {@code dir}: a copy of the plugin JARs, its own journal, any free port, and the pack
     * without the order-rate cap ({@link #unthrottledPack}).
     */
    static HostConfig benchHost(Path pluginJars, Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (var jars = Files.list(pluginJars)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        return HostConfig.defaults().withGrpcPort(0).withPluginDir(plugins)
                .withJournalFile(dir.resolve("journal.db")).withRulePack(unthrottledPack(dir).toString());
    }

    /**
     * The {@code full} exchange through processes as an installed system runs them: the host and the gateway each
     * in its own JVM with the installed JVM options ({@link ConfigFile}), this process as the terminal. A
     * collection or a JIT burst then stops the one process it happens in, as in production, where the in-process
     * stages share one heap; the in-process run splits the host's share out.
     */
    private static void deployedPath(Path pluginJars, int samples, Map<String, Histogram> into) throws Exception {
        Path dir = Files.createTempDirectory("latency-bench-deployed");
        try {
            HostConfig config = benchHost(pluginJars, dir);
            try (BenchProcess host = BenchProcess.start("host", dir.resolve("host.log"), BenchProcess.jvmOptions("host"),
                    HostMain.class, "--port", "0", "--plugins", config.pluginDir().toString(), "--journal",
                    config.journalFile().toString(), "--no-token", "--rule-pack", config.rulePack())) {
                int hostPort = Integer.parseInt(host.awaitLine("host ready on port (\\d+)", 180));
                try (BenchProcess gateway = BenchProcess.start("gateway", dir.resolve("gateway.log"),
                        BenchProcess.jvmOptions("gateway"), GatewayMain.class, "--port", "0", "--host",
                        "127.0.0.1:" + hostPort);
                     Terminal terminal = new Terminal(
                             Integer.parseInt(gateway.awaitLine("gateway listening on [^ ]+:(\\d+)", 120)), true)) {
                    awaitFirstForecast(hostPort, terminal);
                    for (String pace : new String[] {"back-to-back", "1/ms"}) {
                        long paceNanos = pace.equals("1/ms") ? PACE_NANOS : 0;
                        measure(terminal, WARMUP, paceNanos, 0); // warm-up, outside the CPU counts too
                        double hostCpu = host.cpuSeconds();
                        double gatewayCpu = gateway.cpuSeconds();
                        into.put("deployed " + pace, measure(terminal, samples, paceNanos, 0));
                        // /proc counts in 10 ms ticks: over thousands of exchanges a fine average
                        System.out.printf("deployed, %s: process CPU per exchange (µs; GC and JIT included) host %.1f, "
                                + "gateway %.1f%n", pace, (host.cpuSeconds() - hostCpu) * 1e6 / samples,
                                (gateway.cpuSeconds() - gatewayCpu) * 1e6 / samples);
                    }
                }
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    /**
     * Ticks every 10 ms until the host's challenge navigator has its first forecast (asked over AdminService), at
     * most 5 minutes: the first tick starts it, and they keep the link alive.
     */
    private static void awaitFirstForecast(int hostPort, Terminal terminal) throws Exception {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", hostPort).usePlaintext().build();
        try {
            AdminServiceGrpc.AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(channel);
            long start = System.nanoTime();
            for (int i = 0; System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5); i++) {
                terminal.once(i);
                Thread.sleep(10);
                if (i % 50 == 0 && admin.getNavigator(NavigatorRequest.getDefaultInstance()).getReady()) {
                    break;
                }
            }
            System.out.printf("deployed host ready; navigator's first forecast after %.1f s%n",
                    (System.nanoTime() - start) / 1e9);
        } finally {
            channel.shutdownNow();
        }
    }

    private static void fullPath(Path pluginJars, int samples, Map<String, Histogram> into) throws Exception {
        Path dir = Files.createTempDirectory("latency-bench");
        try {
            fullPath(benchHost(pluginJars, dir), samples, into);
        } finally {
            TempDirs.delete(dir); // after the host closed its journal and stores
        }
    }

    private static void fullPath(HostConfig config, int samples, Map<String, Histogram> into) throws Exception {
        try (Host host = Host.start(config); Gateway gateway = gatewayTo(host.grpcPort());
             Terminal terminal = new Terminal(gateway.port(), true)) {
            long waitStart = System.nanoTime();
            // ticks every 10 ms until then: the first tick starts the navigator, and they keep the link alive
            for (int i = 0; !host.engine().navigatorForecast().getReady()
                    && System.nanoTime() - waitStart < TimeUnit.MINUTES.toNanos(5); i++) {
                terminal.once(i);
                Thread.sleep(10);
            }
            System.out.printf("host ready; navigator's first forecast after %.1f s%n", (System.nanoTime() - waitStart) / 1e9);
            HostSide hostSide = new HostSide();
            host.engine().probe(hostSide);
            ThreadTotals[] atWarm = {ThreadTotals.now()};
            RoundTrip timed = i -> {
                if (i == WARMUP) {
                    hostSide.take(); // the host's histogram holds the recorded exchanges only
                    atWarm[0] = ThreadTotals.now();
                }
                return terminal.once(i);
            };
            Map<String, String> byPace = new LinkedHashMap<>();
            for (String pace : new String[] {"back-to-back", "1/ms"}) {
                into.put("full " + pace, measure(timed, samples, pace.equals("1/ms")));
                ThreadTotals end = ThreadTotals.now();
                byPace.put("CPU per exchange by thread, " + pace + " (µs)",
                        perExchange(atWarm[0].cpuNanos(), end.cpuNanos(), samples, 1e3, 0.5));
                byPace.put("of which in the kernel (system CPU: syscalls, wake-ups, TCP), " + pace + " (µs)",
                        perExchange(atWarm[0].systemNanos(), end.systemNanos(), samples, 1e3, 0.5));
                byPace.put("waiting for a core per exchange by thread, " + pace + " (µs)",
                        perExchange(atWarm[0].coreWaitNanos(), end.coreWaitNanos(), samples, 1e3, 0.5));
                byPace.put("allocated per exchange by thread, " + pace + " (KB)",
                        perExchange(atWarm[0].allocatedBytes(), end.allocatedBytes(), samples, 1e3, 0.1));
                Histogram[] share = hostSide.take();
                into.put("host " + pace, share[0]);
                into.put("host inbox wait " + pace, share[1]);
            }
            report(into);
            byPace.forEach((what, figures) -> System.out.printf("%s: %s%n", what, figures));
        }
    }

    /**
     * CPU time and bytes allocated by every live thread of this JVM (host, gateway and terminal alike), by name (same
     * names summed); and from {@code /proc}, by kernel name (the Java name cut to 15 characters), each thread's CPU
     * time in the kernel ({@code stat}'s stime, counted in 10 ms clock ticks: an average over thousands of exchanges)
     * and the time it spent runnable but waiting for a core ({@code schedstat}'s run delay).
     */
    record ThreadTotals(Map<String, Long> cpuNanos, Map<String, Long> systemNanos, Map<String, Long> allocatedBytes,
                        Map<String, Long> coreWaitNanos) {
        private static final long NANOS_PER_CLOCK_TICK = 1_000_000_000 / BenchProcess.CLOCK_TICKS_PER_SECOND;

        static ThreadTotals now() {
            var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            Map<String, Long> cpu = new LinkedHashMap<>();
            Map<String, Long> allocated = new LinkedHashMap<>();
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                String name = sameNames(info.getThreadName());
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                long bytes = threads.getThreadAllocatedBytes(info.getThreadId());
                if (nanos > 0) {
                    cpu.merge(name, nanos, Long::sum);
                }
                if (bytes > 0) {
                    allocated.merge(name, bytes, Long::sum);
                }
            }
            Map<String, Long> system = new LinkedHashMap<>();
            Map<String, Long> waits = new LinkedHashMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        String name = sameNames(Files.readString(task.resolve("comm")).trim());
                        long kernelTicks = BenchProcess.systemTicks(Files.readString(task.resolve("stat")));
                        system.merge(name, kernelTicks * NANOS_PER_CLOCK_TICK, Long::sum);
                        String[] sched = Files.readString(task.resolve("schedstat")).trim().split(" ");
                        waits.merge(name, Long.parseLong(sched[1]), Long::sum);
                    } catch (java.io.IOException | RuntimeException e) {
                        // the thread ended between the listing and the read
                    }
                }
            } catch (java.io.IOException e) {
                // no /proc here: no kernel times or core waits in the report
            }
            return new ThreadTotals(cpu, system, allocated, waits);
        }

        /** Pool threads numbered apart ("worker-1", "worker-2") counted as one. */
        private static String sameNames(String name) {
            return name.replaceAll("-\\d+$", "-N");
        }
    }

    /** The ten threads with the largest growth between two snapshots, per recorded exchange, in {@code unit}s. */
    private static String perExchange(Map<String, Long> from, Map<String, Long> to, int exchanges, double unit,
            double least) {
        return to.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - from.getOrDefault(e.getKey(), 0L)) / unit / exchanges))
                .filter(e -> e.getValue() >= least)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
                .map(e -> String.format("%s %.1f", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * The host's own share of each exchange: a tick's arrival off the gRPC stream → its signal handed back to the
     * stream, as the account loop reports it (on the loop thread, the only writer of the histogram).
     */
    static final class HostSide implements LoopProbe {
        private volatile Histogram signals = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        private volatile Histogram waits = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);

        /** What was recorded since the last take: the host's share, then its inbox wait; both start afresh. */
        Histogram[] take() {
            Histogram[] taken = {signals, waits};
            signals = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            waits = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            return taken;
        }

        @Override
        public void eventHandled(long arrivedNanos, long doneNanos) {
        }

        @Override
        public void signalSent(long sinceEventNanos, long waitedNanos) {
            Histogram h = signals;
            h.recordValue(Math.min(sinceEventNanos, h.getHighestTrackableValue()));
            Histogram w = waits;
            w.recordValue(Math.min(Math.max(0, waitedNanos), w.getHighestTrackableValue()));
        }
    }

    /**
     * The EA's side of the link: a hello, then per exchange a rising tick (the momentum alpha votes BUY on every
     * tick) and the wait for the signal, answered with a reject outside the timing so the guard clears.
     */
    static final class Terminal implements RoundTrip, AutoCloseable {
        private final Socket socket;
        private final BufferedWriter out;
        private final BufferedReader in;
        private final boolean reject;
        private long seq;
        private long time = SyntheticTicks.START_MSC; // inside the London session
        private double bid = 1.10000;

        Terminal(int gatewayPort, boolean rejectEachSignal) throws Exception {
            reject = rejectEachSignal;
            socket = new Socket("127.0.0.1", gatewayPort);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(200);
            out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            SymbolSpec spec = SymbolSpec.newBuilder().setSymbol("EURUSD").setDigits(5).setContractSize(100_000)
                    .setTickSize(0.00001).setTickValue(1).setVolumeMin(0.01).setVolumeStep(0.01).setVolumeMax(100).build();
            send(TerminalEvent.newBuilder().setSeq(++seq).setHello(Hello.newBuilder().setAccountId("bench")
                    .setServerTimeMsc(time).setTerminal("bench").addSymbols(spec)
                    .setAccount(Account.newBuilder().setAccountId("bench").setCurrency("USD").setBalance(100_000)
                            .setEquity(100_000).setFreeMargin(100_000).setMarginMode(MarginMode.HEDGING))).build());
        }

        @Override
        public boolean once(int i) throws Exception {
            bid += 0.00003;
            time += 100;
            send(TerminalEvent.newBuilder().setSeq(++seq).setTick(Tick.newBuilder().setSymbol("EURUSD")
                    .setTimeMsc(time).setBid(round5(bid)).setAsk(round5(bid + 0.00008))).build());
            String key = awaitSignal();
            if (key != null && reject) {
                send(TerminalEvent.newBuilder().setSeq(++seq).setReject(Reject.newBuilder().setSignalKey(key)
                        .setRetcode(10006).setMessage("bench: rejected to clear the guard")).build());
            }
            return key != null;
        }

        /** Reads frames until a signal arrives (returns its key) or 200 ms of silence (returns null). */
        private String awaitSignal() throws Exception {
            Signal signal = LinkLatencyBench.awaitSignal(in);
            return signal == null ? null : signal.getSignalKey();
        }

        private void send(TerminalEvent event) throws Exception {
            out.write(CODEC.encodeEvent(event));
            out.write('\n');
            out.flush();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    /** A tick event as the gRPC stage sends it. */
    static TerminalEvent tickEvent(int i) {
        double bid = round5(1.1 + (i % 1000) * 0.00001);
        return TerminalEvent.newBuilder().setSeq(i + 1L).setTick(Tick.newBuilder().setSymbol("EURUSD")
                .setTimeMsc(SyntheticTicks.START_MSC + i * 100L).setBid(bid).setAsk(round5(bid + 0.00008))).build();
    }

    /**
     * FTMO 2-Step with the order-rate governor lifted: every tick here makes a signal (answered by a reject),
     * which the real pack would throttle to 6 a minute. Every other rule stays as shipped.
     */
    static Path unthrottledPack(Path dir) throws Exception {
        String json;
        try (var in = Host.class.getResourceAsStream("/rulepacks/ftmo-2step.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        json = json.replace("\"ftmo-2step\"", "\"bench-unthrottled\"")
                .replaceAll("\"maxOrdersPerMinute\"\\s*:\\s*\\d+", "\"maxOrdersPerMinute\": 10000");
        return Files.writeString(dir.resolve("bench-unthrottled.json"), json);
    }

    private static double round5(double v) {
        return Math.round(v * 100_000) / 100_000.0;
    }
}
