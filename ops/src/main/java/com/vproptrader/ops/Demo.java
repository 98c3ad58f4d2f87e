package com.vproptrader.ops;

import com.vproptrader.proto.AdminServiceGrpc;
import com.vproptrader.proto.Counters;
import com.vproptrader.proto.Status;
import com.vproptrader.proto.StatusRequest;
import com.vproptrader.ui.UiMain;
import com.vproptrader.ui.auth.Role;
import com.vproptrader.ui.auth.UserStore;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The whole loop on embedded defaults, as four processes on loopback: host (SQLite journal, plugin folder),
 * gateway, terminal stand-in replaying synthetic ticks, and the UI. Stops by itself after {@code --duration}
 * and prints one summary line.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Runs host + gateway + terminal stand-in + UI.")
public final class Demo implements Callable<Integer> {
    @Option(names = "--duration", description = "how long to run, e.g. 60s, 5m (default ${DEFAULT-VALUE})")
    String duration = "60s";
    @Option(names = "--work-dir", description = "journal, plugins and logs go here (default ${DEFAULT-VALUE})")
    Path workDir = Path.of("run", "demo");
    @Option(names = "--plugin-jars", description = "folder with the built plugin JARs (default ${DEFAULT-VALUE})")
    Path pluginJars = Path.of("ops", "target", "plugins");
    @Option(names = "--host-port", description = "host gRPC port (default ${DEFAULT-VALUE})")
    int hostPort = 50051;
    @Option(names = "--gateway-port", description = "gateway port for the terminal (default ${DEFAULT-VALUE})")
    int gatewayPort = 7788;
    @Option(names = "--ui-port", description = "UI http port (default ${DEFAULT-VALUE})")
    int uiPort = 8080;
    @Option(names = "--ticks-per-second", description = "replay pace, ticks per wall-clock second (all symbols); the "
            + "synthetic ticks of each symbol are 100..300 ms apart, so 300 over six symbols is ~10x real time "
            + "(default ${DEFAULT-VALUE})")
    int ticksPerSecond = 300;
    @Option(names = "--symbols", description = "synthetic symbols replayed together (default ${DEFAULT-VALUE})")
    String symbols = "EURUSD,GBPUSD,USDJPY,XAUUSD,US30,NAS100";
    @Option(names = "--ticks", description = "MT5 'Export ticks' CSV to replay (default: synthetic, seed 42)")
    Path ticks;
    @Option(names = "--no-ui", description = "do not start the UI")
    boolean noUi;
    @Option(names = "--macro", description = "macro config (docs/macro.md; default: the bundled offline demo data: "
            + "stored FRED series, demo headlines and, with the synthetic ticks, a calendar export for their week)")
    Path macro;
    @Option(names = "--no-macro", description = "run without macro data")
    boolean noMacro;

    /** The stand-in's live heap was 11 MiB after 10 minutes of the demo (ops/bench/rss.sh, docs/config-reference.md). */
    static final String TERMINAL_SIM_JVM_OPTIONS = "-Xmx256m -XX:+ExitOnOutOfMemoryError";

    private final List<Process> children = new ArrayList<>();

    /** The bundled demo macro data, copied into the work folder; the calendar export only fits the synthetic week. */
    private Path demoMacro() throws IOException {
        Path dir = workDir.resolve("macro");
        Files.createDirectories(dir);
        for (String file : List.of("macro.json", "macro-own-ticks.json", "fred-DGS10.json", "fred-VIXCLS.json",
                "fred-DTWEXBGS.json", "ff-calendar-2023-12-31.json", "headlines-usd.rss", "headlines-eur.atom")) {
            try (InputStream in = Demo.class.getResourceAsStream("/demo-macro/" + file)) {
                Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir.resolve(ticks == null ? "macro.json" : "macro-own-ticks.json");
    }

    /**
     * A fresh users file for this run: "operator" and "viewer" with random passwords (printed once, stored only
     * as PBKDF2 hashes). Returns the two passwords.
     */
    private String[] demoLogins() throws IOException {
        java.security.SecureRandom random = new java.security.SecureRandom();
        String[] passwords = new String[2];
        Path file = workDir.resolve("ui-users.txt");
        Files.deleteIfExists(file);
        UserStore users = new UserStore(file);
        Role[] roles = {Role.OPERATOR, Role.VIEWER};
        for (int i = 0; i < 2; i++) {
            byte[] bytes = new byte[9];
            random.nextBytes(bytes);
            passwords[i] = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            users.put(roles[i].label(), roles[i], passwords[i].toCharArray());
        }
        return passwords;
    }

    @Override
    public Integer call() throws Exception {
        Duration runFor = UiMain.parseDuration(duration);
        Path plugins = workDir.resolve("plugins");
        Files.createDirectories(plugins);
        Path journal = workDir.resolve("journal.db");
        Files.deleteIfExists(journal);
        Files.deleteIfExists(Path.of(journal + "-wal"));
        Files.deleteIfExists(Path.of(journal + "-shm"));
        Files.deleteIfExists(workDir.resolve("journal-state.db")); // a demo starts from a fresh account
        try (var jars = Files.list(pluginJars)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll));

        List<String> host = new ArrayList<>(List.of("--port", "" + hostPort, "--plugins", plugins.toString(),
                "--journal", journal.toString()));
        if (!noMacro) {
            host.addAll(List.of("--macro", (macro != null ? macro : demoMacro()).toString()));
        }
        spawn("host", "com.vproptrader.host.app.HostMain", host.toArray(String[]::new));
        waitForPort(hostPort, "host");
        // The host generated its link token before listening; the terminal's hello carries it, the gateway checks it.
        String token = Files.readString(workDir.resolve("link-token")).trim();
        spawn("gateway", "com.vproptrader.gateway.GatewayMain", "--port", "" + gatewayPort,
                "--host", "127.0.0.1:" + hostPort, "--token", token);
        waitForPort(gatewayPort, "gateway");
        String[] logins = noUi ? null : demoLogins();
        if (!noUi) {
            spawn("ui", "com.vproptrader.ui.UiMain", "--http-port", "" + uiPort, "--admin", "127.0.0.1:" + hostPort,
                    "--users", workDir.resolve("ui-users.txt").toString(), "--audit", workDir.resolve("ui-audit.log").toString());
        }
        List<String> sim = new ArrayList<>(List.of("--gateway-port", "" + gatewayPort,
                "--tps", "" + ticksPerSecond, "--loop", "--token", token));
        if (ticks != null) {
            sim.addAll(List.of("--data", ticks.toAbsolutePath().toString()));
        } else {
            sim.addAll(List.of("--synthetic-seed", "42", "--symbol", symbols));
        }
        Process terminal = spawn("terminal-sim", "com.vproptrader.sim.TerminalSimMain", sim.toArray(String[]::new));
        if (!noUi) {
            waitForPort(uiPort, "ui");
            System.out.println("UI:      http://localhost:" + uiPort + "/  log in as operator / " + logins[0]
                    + " (acts) or viewer / " + logins[1] + " (reads only); new passwords every run");
        }
        System.out.println("logs:    " + workDir.toAbsolutePath());
        System.out.println("running for " + runFor.toSeconds() + " s ...");
        Thread.sleep(runFor.toMillis());

        terminal.destroy();
        terminal.waitFor(10, TimeUnit.SECONDS);
        Status status = status(hostPort);
        Counters c = status.getCounters();
        System.out.printf("demo summary: ticks=%d signals=%d orders=%d fills=%d rejects=%d bad=%d vetoes=%d "
                        + "equity=%.2f journal=%s%n", c.getTicks(), c.getSignals(), c.getOrders(), c.getFills(),
                c.getRejects(), c.getBadEvents(), c.getVetoes(), status.getAccount().getEquity(), journal);
        System.out.println(scanLine(status));
        System.out.println(perSymbol(journal));
        stopAll();
        return 0;
    }

    /** The scanner's figures: evaluations, their rate, skip rate, grades, why scans stopped. */
    static String scanLine(Status status) {
        var scan = status.getScan();
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT,
                "scanner: scans=%d evaluations=%d (%.0f/s of scanning time) signals=%d skip_rate=%.4f grades",
                scan.getScans(), scan.getEvaluations(), scan.getEvaluationsPerSecond(), scan.getSignals(),
                scan.getSkipRate()));
        scan.getGradesList().forEach(g -> b.append(' ').append(g.getReason()).append('=').append(g.getCount()));
        b.append(" stopped");
        scan.getRejectionsList().forEach(r -> b.append(' ').append(r.getReason()).append('=').append(r.getCount()));
        return b.toString();
    }

    /** Ticks, graded candidates, signals and fills of each symbol, counted in the journal. */
    static String perSymbol(Path journal) {
        java.util.Map<String, java.util.Map<String, Long>> counts = new java.util.TreeMap<>();
        try (var conn = java.sql.DriverManager.getConnection("jdbc:sqlite:" + journal.toAbsolutePath());
             var rs = conn.createStatement().executeQuery("SELECT symbol, kind, count(*) FROM journal WHERE kind IN "
                     + "('tick', 'candidate', 'signal', 'fill') AND symbol <> '' GROUP BY symbol, kind")) {
            while (rs.next()) {
                counts.computeIfAbsent(rs.getString(1), k -> new java.util.HashMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        } catch (java.sql.SQLException e) {
            return "per symbol: journal unreadable: " + e.getMessage();
        }
        StringBuilder b = new StringBuilder("per symbol:");
        counts.forEach((symbol, byKind) -> b.append(String.format(java.util.Locale.ROOT,
                "%n  %-7s ticks=%d candidates=%d signals=%d fills=%d", symbol, byKind.getOrDefault("tick", 0L),
                byKind.getOrDefault("candidate", 0L), byKind.getOrDefault("signal", 0L), byKind.getOrDefault("fill", 0L))));
        return b.toString();
    }

    private Process spawn(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBinary()));
        cmd.addAll(List.of(heapOptions(mainClass).split(" ")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        Path log = workDir.resolve(name + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(p);
        return p;
    }

    /** The installed system's JVM options (heap limits) for host, gateway and UI; the stand-in's own. */
    static String heapOptions(String mainClass) {
        return com.vproptrader.ops.install.ConfigFile.processes().stream()
                .filter(p -> p.mainClass().equals(mainClass)).map(com.vproptrader.ops.install.ConfigFile.Process::jvmOptions)
                .findFirst().orElse(TERMINAL_SIM_JVM_OPTIONS);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void waitForPort(int port, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (children.stream().anyMatch(p -> !p.isAlive())) {
                    throw new IllegalStateException(name + " (or another process) exited; see " + workDir + "/*.log");
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(name + " did not open port " + port + " within 60 s; see " + workDir);
    }

    static Status status(int hostPort) {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", hostPort).usePlaintext().build();
        try {
            return AdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getStatus(StatusRequest.getDefaultInstance());
        } finally {
            channel.shutdownNow();
        }
    }

    private void stopAll() {
        for (int i = children.size() - 1; i >= 0; i--) {
            children.get(i).destroy(); // terminal first, host last: fills still reach the journal
        }
        for (Process p : children) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        children.clear();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Demo()).execute(args));
    }
}
