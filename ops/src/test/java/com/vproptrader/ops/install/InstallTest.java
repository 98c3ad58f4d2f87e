package com.vproptrader.ops.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops/install.sh into a fresh prefix: the layout, the one config file, the launcher and the systemd units. */
class InstallTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> UNITS = List.of("vproptrader-host@.service", "vproptrader-gateway.service",
            "vproptrader-ui.service");

    @TempDir
    static Path prefix;

    @BeforeAll
    static void install() throws Exception {
        Run r = run(List.of("bash", ROOT.resolve("ops/install.sh").toString(), prefix.toString()), List.of());
        assertThat(r.exit).as(r.output).isZero();
    }

    @Test
    void theInstallHoldsTheJarsThePluginsTheLauncherAndOneConfigWithEveryDefault() throws IOException {
        assertThat(prefix.resolve("lib/host-0.1.0-SNAPSHOT.jar")).exists();
        assertThat(prefix.resolve("lib/gateway-0.1.0-SNAPSHOT.jar")).exists();
        assertThat(prefix.resolve("lib/ui-0.1.0-SNAPSHOT.jar")).exists();
        assertThat(prefix.resolve("plugins/alpha-momentum.jar")).exists();
        assertThat(Files.isExecutable(prefix.resolve("bin/vpt-run"))).isTrue();
        String conf = Files.readString(prefix.resolve("etc/vproptrader.conf"));
        for (ConfigFile.Entry e : ConfigFile.entries(prefix.toString())) {
            assertThat(conf).contains("\n" + e.key() + "=" + e.value() + "\n");
        }
        assertThat(conf).contains("host.journal=" + prefix + "/var/%i/journal.db")
                .contains("jvm.host=-Xms128m -Xmx512m");
    }

    @Test
    void reinstallingKeepsTheOperatorsConfigAndWritesTheNewDefaultsBeside() throws Exception {
        Path conf = prefix.resolve("etc/vproptrader.conf");
        String before = Files.readString(conf);
        Files.writeString(conf, before + "gateway.port=7799\n");
        Run r = run(List.of("bash", ROOT.resolve("ops/install.sh").toString(), prefix.toString()), List.of());
        assertThat(r.exit).as(r.output).isZero();
        assertThat(Files.readString(conf)).endsWith("gateway.port=7799\n");
        assertThat(prefix.resolve("etc/vproptrader.conf.new")).hasContent(before.stripTrailing());
        Files.writeString(conf, before);
    }

    @Test
    void everyKeyIsInTheConfigReference() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/config-reference.md"));
        assertThat(doc).as("docs/config-reference.md is out of date: regenerate its table with java -cp "
                + "\"ops/target/classes:ops/target/lib/*\" com.vproptrader.ops.install.ConfigFile --update-doc docs/config-reference.md")
                .endsWith(ConfigFile.TABLE_HEADING + ConfigFile.markdown());
    }

    @Test
    void theUnitsPassSystemdAnalyzeVerify() throws Exception {
        Path units = prefix.resolve("lib/systemd/system");
        List<String> cmd = new ArrayList<>(List.of("systemd-analyze", "verify"));
        for (String unit : UNITS) {
            String text = Files.readString(units.resolve(unit));
            assertThat(text).doesNotContain("@PREFIX@").contains("ExecStart=" + prefix + "/bin/vpt-run")
                    .contains("Restart=").contains("MemoryMax=").contains("LimitNOFILE=");
            cmd.add(units.resolve(unit.replace("@.", "@12345.")).toString());
        }
        Run r = run(cmd, List.of());
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).as("systemd-analyze says nothing about our units").doesNotContain("vproptrader");
    }

    @Test
    void theCpuLatencyUnitPassesTheSameVerify() throws Exception {
        Path unit = prefix.resolve("lib/systemd/system/vproptrader-cpu-latency.service");
        assertThat(Files.readString(unit)).contains("ExecStart=" + prefix + "/bin/vpt-cpu-latency 0");
        Run r = run(List.of("systemd-analyze", "verify", unit.toString()), List.of());
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).doesNotContain("vproptrader");
    }

    @Test
    void theCpuLatencyHolderHoldsItsRequestWhileItRuns_andEndsItWithItsProcess() throws Exception {
        Path device = Path.of("/dev/cpu_dma_latency");
        Assumptions.assumeTrue(Files.isWritable(device), "needs root and a kernel with PM QoS");
        int before = cpuLatencyTarget(device);
        Process holder = new ProcessBuilder(prefix.resolve("bin/vpt-cpu-latency").toString(), "0")
                .redirectErrorStream(true).start();
        try {
            assertThat(awaitTarget(device, 0)).as("while it runs: idle CPUs poll").isZero();
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(awaitTarget(device, before)).as("after it ends, as before").isEqualTo(before);
    }

    @Test
    void theCpuLatencyHolderRefusesWhatIsNotAWholeNumberOfMicroseconds() throws Exception {
        for (String bad : List.of("", "-5", "1.5", "0x10", "3000000000")) {
            Run r = run(List.of(prefix.resolve("bin/vpt-cpu-latency").toString(), bad), List.of());
            assertThat(r.exit).as(bad).isEqualTo(2);
            assertThat(r.output).contains("whole microseconds");
        }
    }

    /** The machine's CPU wake-up latency target now: the device reads as the kernel's 32-bit value in µs. */
    private static int cpuLatencyTarget(Path device) throws IOException {
        byte[] raw = Files.readAllBytes(device);
        return java.nio.ByteBuffer.wrap(raw, 0, 4).order(java.nio.ByteOrder.nativeOrder()).getInt();
    }

    private static int awaitTarget(Path device, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int now = cpuLatencyTarget(device);
        while (now != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = cpuLatencyTarget(device);
        }
        return now;
    }

    @Test
    void aBrokenUnitFailsTheSameVerify() throws Exception {
        Path broken = prefix.resolve("broken/vproptrader-gateway.service");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, Files.readString(prefix.resolve("lib/systemd/system/vproptrader-gateway.service"))
                .replace(prefix + "/bin/vpt-run", prefix + "/bin/missing"));
        Run r = run(List.of("systemd-analyze", "verify", broken.toString()), List.of());
        assertThat(r.exit).isNotZero();
        assertThat(r.output).contains("missing");
    }

    @Test
    void theLauncherTurnsTheConfigAndAnAccountsOverridesIntoTheCommandLine() throws Exception {
        Path fakeJava = prefix.resolve("fake-java");
        Files.writeString(fakeJava, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(prefix.resolve("etc/host-12345.conf"), "host.port=50061\nhost.no-token=true\n");
        try {
            Run r = run(List.of(prefix.resolve("bin/vpt-run").toString(), "host", "12345"),
                    List.of("JAVA=" + fakeJava));
            assertThat(r.exit).as(r.output).isZero();
            List<String> args = r.output.lines().toList();
            assertThat(args).startsWith("-Xms128m", "-Xmx512m", "-XX:MaxTenuringThreshold=1", "-XX:+ExitOnOutOfMemoryError", "-cp");
            assertThat(args).containsSequence("com.vproptrader.host.app.HostMain")
                    .containsSequence("--port", "50061")
                    .containsSequence("--account", "12345")
                    .containsSequence("--journal", prefix + "/var/12345/journal.db")
                    .contains("--no-token")
                    .doesNotContain("--token", "--calendar"); // empty values pass nothing
            assertThat(prefix.resolve("var/12345/plugins/alpha-momentum.jar")).exists();
        } finally {
            Files.delete(prefix.resolve("etc/host-12345.conf"));
        }
    }

    @Test
    void theInstalledHostStartsFromTheLauncher() throws Exception {
        Files.writeString(prefix.resolve("etc/host-777.conf"), "host.port=0\n");
        Process host = new ProcessBuilder(prefix.resolve("bin/vpt-run").toString(), "host", "777")
                .redirectErrorStream(true).start();
        try {
            StringBuilder seen = new StringBuilder();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String line;
            while (System.nanoTime() < deadline && (line = in.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("host ready on port")) {
                    break;
                }
            }
            assertThat(seen.toString()).contains("host ready on port");
            assertThat(prefix.resolve("var/777/journal.db")).exists();
            assertThat(prefix.resolve("var/777/link-token")).exists();
        } finally {
            host.destroy();
            host.waitFor(20, TimeUnit.SECONDS);
            host.destroyForcibly();
            Files.delete(prefix.resolve("etc/host-777.conf"));
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> cmd, List<String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true);
        for (String kv : env) {
            pb.environment().put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Run(p.exitValue(), out);
    }
}
