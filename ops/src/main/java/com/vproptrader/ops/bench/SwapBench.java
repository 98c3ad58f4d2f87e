package com.vproptrader.ops.bench;

import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.plugin.PluginSlot;
import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.AlphaOutput;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.Tick;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Hot-swap figures of the plugin host, on the real momentum alpha JAR:
 * <ol>
 *   <li>JAR drop -> new version serving: an operator renames version 1.0.k over the plugin's JAR while an
 *       event loop ticks (one event every 100 µs); measured from the rename to the first event answered
 *       by 1.0.k (the loop sees it at its next {@code current()}). Includes the host's 20 ms settle wait.</li>
 *   <li>{@code call()} overhead next to a direct call of the same extension, in the same run: back to back
 *       (several plugin calls per event) and paced one a millisecond (the worker has parked in between).</li>
 * </ol>
 * The versions are copies of the one JAR with only Plugin-Version changed; each loads in its own class loader.
 *
 * <p>Run: {@code java -cp <ops classpath> com.vproptrader.ops.bench.SwapBench [alpha-momentum.jar] [swaps]}
 */
public final class SwapBench {
    private static final String[] SEARCH = {"ops/target/plugins", "plugins/alpha-momentum/target",
        System.getProperty("user.home") + "/.m2/repository/com/vproptrader/alpha-momentum/0.1.0-SNAPSHOT"};

    public static void main(String[] args) throws Exception {
        Path source = args.length > 0 ? Path.of(args[0]) : findMomentumJar();
        int swaps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path work = Files.createTempDirectory("vpt-swapbench-");
        Path folder = Files.createDirectories(work.resolve("plugins"));
        List<Path> versions = new ArrayList<>();
        for (int k = 0; k <= swaps; k++) {
            versions.add(withVersion(source, "1.0." + k, work.resolve("alpha-momentum-1.0." + k + ".jar")));
        }
        Files.copy(versions.get(0), folder.resolve("alpha-momentum.jar"));
        System.out.printf("plugin JAR: %s (%d bytes); %d swaps; %d cores; %s%n", source, Files.size(source), swaps,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));

        try (PluginHost host = new PluginHost(folder, PluginHost.DEFAULT_CALL_BUDGET)) {
            host.start();
            AlphaInput input = risingInput();
            long[] swapNanos = new long[swaps];
            for (int k = 1; k <= swaps; k++) {
                swapNanos[k - 1] = dropAndWait(host, folder, versions.get(k), "1.0." + k, input);
                LockSupport.parkNanos(50_000_000); // let the old version unload before the next drop
            }
            print("JAR drop -> new version serving", swapNanos, 1_000_000, "ms");
            host.describe().stream().filter(i -> !i.getState().name().equals("RETIRED"))
                    .forEach(i -> System.out.printf("  %s@%s %s %s calls=%d%n", i.getPluginId(), i.getVersion(),
                            i.getState(), i.getReason(), i.getCalls()));
            callOverhead(host, input);
        }
    }

    private static long dropAndWait(PluginHost host, Path folder, Path jar, String version, AlphaInput input)
            throws IOException {
        Path part = folder.resolve("alpha-momentum.jar.part");
        Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
        long t0 = System.nanoTime();
        Files.move(part, folder.resolve("alpha-momentum.jar"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        while (true) { // the event loop: one snapshot per event, every call through the host
            for (PluginSlot<AlphaStrategy> slot : host.current().alphas()) {
                Optional<AlphaOutput> out = host.call(slot, a -> a.evaluate(input));
                if (out.isEmpty()) {
                    throw new IllegalStateException("an event got no answer: " + host.describe());
                }
                if (slot.version().equals(version)) {
                    return System.nanoTime() - t0;
                }
            }
            if (System.nanoTime() - t0 > 10_000_000_000L) {
                throw new IllegalStateException(version + " never served: " + host.describe());
            }
            LockSupport.parkNanos(100_000);
        }
    }

    private static void callOverhead(PluginHost host, AlphaInput input) {
        PluginSlot<AlphaStrategy> slot = host.current().alphas().get(0);
        AlphaStrategy direct = slot.extension();
        int n = 200_000;
        for (int round = 0; round < 3; round++) { // warm-up rounds: JIT both paths
            sample(n, () -> direct.evaluate(input));
            sample(n, () -> host.call(slot, a -> a.evaluate(input)));
        }
        long[] d = sample(n, () -> direct.evaluate(input));
        long[] h = sample(n, () -> host.call(slot, a -> a.evaluate(input)));
        print("direct call, back to back", d, 1_000, "µs");
        print("host.call(), back to back", h, 1_000, "µs");
        System.out.printf("  overhead p50 %.2f µs, p99 %.2f µs%n", (pct(h, 50) - pct(d, 50)) / 1e3,
                (pct(h, 99) - pct(d, 99)) / 1e3);
        int paced = 2_000;
        long[] dp = samplePaced(paced, () -> direct.evaluate(input));
        long[] hp = samplePaced(paced, () -> host.call(slot, a -> a.evaluate(input)));
        print("direct call, one a millisecond", dp, 1_000, "µs");
        print("host.call(), one a millisecond", hp, 1_000, "µs");
        System.out.printf("  overhead p50 %.2f µs, p99 %.2f µs%n", (pct(hp, 50) - pct(dp, 50)) / 1e3,
                (pct(hp, 99) - pct(dp, 99)) / 1e3);
    }

    private static long[] sample(int n, Runnable call) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.run();
            out[i] = System.nanoTime() - t;
        }
        return out;
    }

    private static long[] samplePaced(int n, Runnable call) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            LockSupport.parkNanos(1_000_000);
            long t = System.nanoTime();
            call.run();
            out[i] = System.nanoTime() - t;
        }
        return out;
    }

    /** 21 mids rising 1.5 points a tick (SYNTHETIC), enough for the momentum alpha to answer BUY. */
    private static AlphaInput risingInput() {
        SymbolSpec spec = SymbolSpec.newBuilder().setSymbol("EURUSD").setDigits(5).build();
        AlphaInput.Builder in = AlphaInput.newBuilder().setSpec(spec);
        for (int i = 0; i <= 20; i++) {
            in.addMidHistory(1.10000 + 1.5e-5 * i);
        }
        return in.setTick(Tick.newBuilder().setSymbol("EURUSD").setBid(1.10029).setAsk(1.10031)).build();
    }

    /** A copy of {@code jar} whose manifest says Plugin-Version {@code version}. */
    private static Path withVersion(Path jar, String version, Path out) throws IOException {
        try (InputStream in = Files.newInputStream(jar); JarInputStream src = new JarInputStream(in)) {
            Manifest mf = new Manifest(src.getManifest());
            mf.getMainAttributes().putValue("Plugin-Version", version);
            try (OutputStream os = Files.newOutputStream(out); JarOutputStream dst = new JarOutputStream(os, mf)) {
                for (JarEntry e = src.getNextJarEntry(); e != null; e = src.getNextJarEntry()) {
                    dst.putNextEntry(new JarEntry(e.getName()));
                    src.transferTo(dst);
                    dst.closeEntry();
                }
            }
        }
        return out;
    }

    private static Path findMomentumJar() throws IOException {
        for (String dir : SEARCH) {
            Path d = Path.of(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                Optional<Path> jar = files.filter(p -> p.getFileName().toString().matches("alpha-momentum.*\\.jar"))
                        .findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new IllegalStateException("no alpha-momentum JAR found; pass its path as the first argument");
    }

    private static void print(String what, long[] nanos, long unit, String unitName) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%-34s p50 %8.2f %s  p99 %8.2f %s  max %8.2f %s  (n=%d)%n", what,
                (double) pct(s, 50) / unit, unitName, (double) pct(s, 99) / unit, unitName,
                (double) s[s.length - 1] / unit, unitName, s.length);
    }

    private static long pct(long[] values, double p) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100 * s.length) - 1)];
    }
}
