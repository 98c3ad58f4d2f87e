package com.vproptrader.ops.bench;

import com.vproptrader.gateway.GatewayMain;
import com.vproptrader.host.app.HostMain;
import com.vproptrader.sim.TerminalSimMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Tick → signal under load: N accounts on one machine, each a real stack of processes over loopback sockets as
 * deployed (one host process per account, a gateway in front of it, a terminal behind it), with the production
 * heap limits. N load accounts, and one probe account beside them:
 * <ul>
 *   <li>load account i: a terminal stand-in process ({@code TerminalSimMain}) replaying M synthetic symbols
 *       together at {@code tps} ticks a second (its own seed), filling the signals like a broker, with the FTMO
 *       2-Step pack on its host;</li>
 *   <li>the probe account: this process as the terminal, one rising EURUSD tick every 1/tps s, each answered by
 *       the momentum alpha's signal (rejected outside the timing so the next tick can signal again; the order-rate
 *       limit lifted as in {@link LinkLatencyBench}): tick → signal at the terminal, every tick, in an
 *       HdrHistogram.</li>
 * </ul>
 * Each step starts the stacks, lets them run {@code warmup} seconds (JIT, every host's first navigator forecast),
 * then measures for {@code seconds}: the probe's p50/p99/max, each host's CPU (user + system, from /proc) as a
 * share of one core, and every process's resident memory at the end. Then N steps up.
 *
 * <p>Run: {@code java -cp "ops/target/classes:ops/target/lib/*" com.vproptrader.ops.bench.LoadBench [plugins,
 * default ops/target/plugins] [symbols, default 6] [tps, default 100] [warmup s, default 60] [seconds, default 40]
 * [steps, default 1,2,4,8]}
 */
public final class LoadBench {
    private static final String[] SYMBOLS = {"EURUSD", "GBPUSD", "USDJPY", "XAUUSD", "US30", "NAS100"};
    private static final List<String> SIM_JVM = List.of("-Xmx256m");

    private static int stacksStarted; // each terminal its own seed

    private LoadBench() {
    }

    /** One account's processes; the terminal is null for the probe (this process is its terminal). */
    private record Stack(BenchProcess host, BenchProcess gateway, BenchProcess terminal, int gatewayPort)
            implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            for (BenchProcess p : new BenchProcess[] {terminal, gateway, host}) {
                if (p != null) {
                    p.close();
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path plugins = Path.of(args.length > 0 ? args[0] : "ops/target/plugins").toAbsolutePath();
        int symbols = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int tps = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 40;
        int[] steps = Arrays.stream((args.length > 5 ? args[5] : "1,2,4,8").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        String symbolList = String.join(",", Arrays.copyOf(SYMBOLS, Math.min(symbols, SYMBOLS.length)));
        Path dir = Files.createTempDirectory("load-bench");
        System.out.printf("load bench: %s at %d ticks/s per terminal, probe at %d ticks/s, warm-up %d s, %d s "
                + "measured; logs in %s%n", symbolList, tps, tps, warmup, seconds, dir);
        List<String> rows = new ArrayList<>();
        for (int n : steps) {
            rows.add(step(n, dir.resolve("n" + n), plugins, symbolList, tps, warmup, seconds));
        }
        System.out.printf("%n%-4s %7s %9s %9s %9s %12s %12s %12s %13s %10s%n", "N", "samples", "p50 µs", "p99 µs",
                "max µs", "host CPU %", "probe CPU %", "host RSS MiB", "account MiB", "load avg");
        rows.forEach(System.out::println);
    }

    private static String step(int n, Path dir, Path plugins, String symbolList, int tps, int warmup, int seconds)
            throws Exception {
        Files.createDirectories(dir);
        Path pack = LinkLatencyBench.unthrottledPack(dir);
        List<Stack> stacks = new ArrayList<>();
        try {
            stacks.add(stack("probe", dir, plugins, pack.toString(), null, 0, 0));
            // enough ticks for the others' start-up, the warm-up and the measurement, never replayed twice
            long ticks = (long) (warmup + seconds + 600) * tps;
            for (int i = 1; i <= n; i++) {
                stacks.add(stack("acc" + i, dir, plugins, "ftmo-2step", symbolList, tps, ticks));
            }
            try (LinkLatencyBench.Terminal probe = new LinkLatencyBench.Terminal(stacks.get(0).gatewayPort(), true)) {
                long pace = TimeUnit.SECONDS.toNanos(1) / tps;
                long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
                for (int i = 0; System.nanoTime() < warmEnd; i++) {
                    probe.once(i); // no answer within 200 ms is fine here: the hosts are still starting up
                    Thread.sleep(1000 / tps);
                }
                double[] cpu0 = cpu(stacks);
                long t0 = System.nanoTime();
                Histogram h = LinkLatencyBench.measure(probe, seconds * tps, pace, 0);
                double wall = (System.nanoTime() - t0) / 1e9;
                double[] cpu1 = cpu(stacks);
                for (Stack s : stacks) {
                    if (!s.host().isAlive() || !s.gateway().isAlive() || s.terminal() != null && !s.terminal().isAlive()) {
                        throw new IllegalStateException("a process of the step ended early; logs in " + dir);
                    }
                }
                double loadHostsCpu = 0;
                double loadHostsRss = 0;
                double accountRss = 0;
                for (int i = 1; i < stacks.size(); i++) {
                    loadHostsCpu += (cpu1[i] - cpu0[i]) / wall;
                    loadHostsRss += stacks.get(i).host().rssMib();
                    accountRss += stacks.get(i).host().rssMib() + stacks.get(i).gateway().rssMib()
                            + stacks.get(i).terminal().rssMib();
                }
                String row = String.format("%-4d %7d %9.0f %9.0f %9.0f %12.1f %12.1f %12.0f %13.0f %10s", n,
                        h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                        h.getMaxValue() / 1e3, 100 * loadHostsCpu / n, 100 * (cpu1[0] - cpu0[0]) / wall,
                        loadHostsRss / n, accountRss / n, loadAverage());
                System.out.println(row);
                return row;
            }
        } finally {
            for (Stack s : stacks) {
                s.close();
            }
        }
    }

    /** A host for the account, a gateway in front of it, and (for a load account) a terminal stand-in. */
    private static Stack stack(String account, Path dir, Path plugins, String rulePack, String symbolList, int tps,
                               long ticks) throws Exception {
        stacksStarted++;
        Path home = Files.createDirectories(dir.resolve(account));
        BenchProcess host = BenchProcess.start(account + "-host", home.resolve("host.log"), BenchProcess.jvmOptions("host"), HostMain.class,
                "--port", "0", "--plugins", plugins.toString(), "--journal", home.resolve("journal.db").toString(),
                "--no-token", "--rule-pack", rulePack);
        int hostPort = Integer.parseInt(host.awaitLine("host ready on port (\\d+)", 180));
        BenchProcess gateway = BenchProcess.start(account + "-gateway", home.resolve("gateway.log"),
                BenchProcess.jvmOptions("gateway"),
                GatewayMain.class, "--port", "0", "--host", "127.0.0.1:" + hostPort);
        int gatewayPort = Integer.parseInt(gateway.awaitLine("gateway listening on [^ ]+:(\\d+)", 120));
        BenchProcess terminal = symbolList == null ? null : BenchProcess.start(account + "-terminal",
                home.resolve("terminal.log"), SIM_JVM, TerminalSimMain.class, "--gateway-port",
                Integer.toString(gatewayPort), "--account", account, "--symbol", symbolList, "--tps",
                Integer.toString(tps), "--synthetic-ticks", Long.toString(ticks), "--synthetic-seed",
                Integer.toString(42 + stacksStarted));
        return new Stack(host, gateway, terminal, gatewayPort);
    }

    private static double[] cpu(List<Stack> stacks) throws IOException {
        double[] c = new double[stacks.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = stacks.get(i).host().cpuSeconds();
        }
        return c;
    }

    private static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + "/" + f[1];
    }
}
