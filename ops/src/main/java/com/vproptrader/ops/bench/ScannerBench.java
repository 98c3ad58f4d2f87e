package com.vproptrader.ops.bench;

import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.plugin.PluginSet;
import com.vproptrader.host.plugin.PluginSlot;
import com.vproptrader.host.scan.AlphaWeights;
import com.vproptrader.host.scan.BarHistory;
import com.vproptrader.host.scan.ScanConfig;
import com.vproptrader.host.scan.Scanner;
import com.vproptrader.host.scan.TradeEvidence;
import com.vproptrader.host.scan.WeightRule;
import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.Timeframe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Scanner throughput through the real plugin host, guard included: the six alpha plugin JARs from
 * {@code ops/target/plugins} in a live {@link PluginHost} (every call in place on this thread, watched as the
 * account loop's are, under its time budget), six symbols of SYNTHETIC M1 bars (seeded random walks, not market data), and the production
 * {@link Scanner} asked about every symbol at every bar close with all six alphas allowed to trade.
 *
 * <p>Prints symbol × alpha evaluations per second — per wall-clock second and per CPU second of the whole
 * process (the plugin watchdog, JIT and GC included), since wall time on a shared machine mostly measures the other
 * tenants — the decision time of one bar close of all six symbols (36 evaluations) as p50/p99, and, in the
 * same run, the same evaluations called directly on the extensions (no guard, no scanner) with the ratio.
 *
 * <p>Run: {@code java -cp "ops/target/classes:ops/target/lib/*" com.vproptrader.ops.bench.ScannerBench [barCloses]
 * [lockstep]}; with {@code lockstep} the replay's plugin host (calls on the caller's thread, quarantine on a throw
 * or a null, no time budget) instead of the live one.
 */
public final class ScannerBench {
    private static final List<String> SYMBOLS = List.of("EURUSD", "GBPUSD", "USDJPY", "XAUUSD", "US30", "NAS100");
    private static final double[] START = {1.10, 1.27, 150.0, 2000.0, 39000.0, 18000.0};
    private static final long T0 = 1_767_261_600_000L;

    public static void main(String[] args) throws Exception {
        int closes = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path folder = Files.createTempDirectory("vpt-scanbench-");
        try (var jars = Files.list(Path.of("ops", "target", "plugins"))) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().startsWith("alpha-")).toList()) {
                Files.copy(jar, folder.resolve(jar.getFileName()));
            }
        }
        boolean lockstep = args.length > 1 && args[1].equals("lockstep");
        try (PluginHost host = lockstep ? PluginHost.lockstep(folder) : new PluginHost(folder, PluginHost.DEFAULT_CALL_BUDGET)) {
            host.start();
            if (!lockstep) { // as the account loop does: calls in place, a watchdog cuts an overrun off
                host.loopWatch().watchThisThread(reason -> System.err.println("bench thread cut off: " + reason));
            }
            System.out.println(lockstep ? "plugin host: lockstep (replay's: calls on this thread, quarantine on a throw"
                    + " or null, no time budget)" : "plugin host: live (calls in place, watched, under their time budget)");
            PluginSet set = host.current();
            System.out.printf("alphas: %s; %d symbols; %d bar closes each; %d cores; %s%n",
                    set.alphas().stream().map(PluginSlot::label).toList(), SYMBOLS.size(), closes,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
            ScanConfig config = new ScanConfig(240, 0.5, ScanConfig.defaults().q(), ScanConfig.defaults().evidence(),
                    set.alphas().size(), 42, WeightRule.DEFAULT);
            BarHistory bars = new BarHistory(Timeframe.M1, config.barsKept());
            Scanner scanner = new Scanner(config, host, bars, new AlphaWeights(WeightRule.DEFAULT), Set.of(), n -> { });
            Market market = new Market(bars);
            market.advance(240); // warm every alpha up
            run(scanner, set, market, closes / 4, null); // JIT warm-up
            long evalsBefore = scanner.stats().evaluations();
            long[] perClose = new long[closes];
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            run(scanner, set, market, closes, perClose);
            long elapsed = System.nanoTime() - t0;
            long cpu = processCpuNanos() - cpu0;
            long evals = scanner.stats().evaluations() - evalsBefore;
            Arrays.sort(perClose);
            double scannerRate = evals * 1e9 / cpu;
            System.out.printf("scanner through the plugin host: %,d evaluations in %.2f s wall (%,.0f/s), "
                    + "%.2f s process CPU = %,.0f evaluations per CPU second; load average %.1f%n",
                    evals, elapsed / 1e9, evals * 1e9 / elapsed, cpu / 1e9, scannerRate, loadAverage());
            System.out.printf("decision time per bar close (6 symbols x %d alphas): p50 %.1f us, p99 %.1f us, max %.1f us%n",
                    set.alphas().size(), perClose[closes / 2] / 1e3, perClose[(int) (closes * 0.99)] / 1e3,
                    perClose[closes - 1] / 1e3);
            System.out.printf("candidates by grade: A+ %d, A %d, B %d, C %d; skip rate %.3f (no filters, no sizing here)%n",
                    scanner.stats().grade(com.vproptrader.host.scan.Grade.A_PLUS),
                    scanner.stats().grade(com.vproptrader.host.scan.Grade.A),
                    scanner.stats().grade(com.vproptrader.host.scan.Grade.B),
                    scanner.stats().grade(com.vproptrader.host.scan.Grade.C), scanner.stats().skipRate());
            long dcpu0 = processCpuNanos();
            long directEvals = direct(set, market, closes);
            double directRate = directEvals * 1e9 / (processCpuNanos() - dcpu0);
            System.out.printf("baseline, direct extension calls on the same inputs (no guard, no merge): %,.0f evaluations "
                    + "per CPU second; scanner / direct = %.2f%n", directRate, scannerRate / directRate);
        }
    }

    private static void run(Scanner scanner, PluginSet set, Market market, int closes, long[] perClose) {
        for (int c = 0; c < closes; c++) {
            market.advance(1);
            long start = System.nanoTime();
            for (int s = 0; s < SYMBOLS.size(); s++) {
                Tick tick = market.tick(s);
                AlphaInput.Builder base = AlphaInput.newBuilder().setTick(tick).setSpec(market.specs[s]);
                scanner.scan(set, tick, null, names -> base, TradeEvidence.NONE);
            }
            if (perClose != null) {
                perClose[c] = System.nanoTime() - start;
            }
        }
    }

    /** The same inputs (tick, spec, 61 bars, peers) evaluated by calling each extension directly. */
    private static long direct(PluginSet set, Market market, int closes) {
        long evals = 0;
        for (int c = 0; c < closes; c++) {
            market.advance(1);
            for (int s = 0; s < SYMBOLS.size(); s++) {
                AlphaInput.Builder b = AlphaInput.newBuilder().setTick(market.tick(s)).setSpec(market.specs[s]);
                market.bars.fill(b, SYMBOLS.get(s), 61, true);
                AlphaInput input = b.build();
                for (PluginSlot<AlphaStrategy> a : set.alphas()) {
                    a.extension().evaluate(input);
                    evals++;
                }
            }
        }
        return evals;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Six seeded random walks of M1 bars with occasional volume bursts (SYNTHETIC). */
    private static final class Market {
        final BarHistory bars;
        final SymbolSpec[] specs = new SymbolSpec[SYMBOLS.size()];
        final double[] price = START.clone();
        final SplittableRandom rnd = new SplittableRandom(42);
        long minute;

        Market(BarHistory bars) {
            this.bars = bars;
            for (int s = 0; s < specs.length; s++) {
                specs[s] = SymbolSpec.newBuilder().setSymbol(SYMBOLS.get(s)).setDigits(s < 2 ? 5 : s == 2 ? 3 : 2)
                        .setTickSize(s < 2 ? 1e-5 : s == 2 ? 1e-3 : 1e-2).setTickValue(1).build();
            }
        }

        void advance(int n) {
            for (int k = 0; k < n; k++) {
                double common = rnd.nextGaussian() * 3e-4;
                for (int s = 0; s < specs.length; s++) {
                    double open = price[s];
                    double close = open * Math.exp(common * (s % 2 == 0 ? 1 : 0.8) + rnd.nextGaussian() * 2e-4);
                    price[s] = close;
                    bars.onBarClosed(Bar.newBuilder().setSymbol(SYMBOLS.get(s)).setTimeframe(Timeframe.M1)
                            .setOpenTimeMsc(T0 + 60_000L * minute).setOpen(open).setHigh(Math.max(open, close) * 1.0001)
                            .setLow(Math.min(open, close) * 0.9999).setClose(close)
                            .setTickVolume(rnd.nextInt(20) == 0 ? 400 + rnd.nextInt(400) : 80 + rnd.nextInt(40)).build());
                }
                minute++;
            }
        }

        Tick tick(int s) {
            double p = price[s];
            return Tick.newBuilder().setSymbol(SYMBOLS.get(s)).setTimeMsc(T0 + 60_000L * minute + 1)
                    .setBid(p).setAsk(p * 1.00002).build();
        }
    }
}
