package com.vproptrader.host.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vproptrader.gateway.GatewayMain;
import com.vproptrader.host.app.HostMain;
import com.vproptrader.host.journal.JournalVerifier;
import com.vproptrader.proto.AdminServiceGrpc;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.Status;
import com.vproptrader.proto.StatusRequest;
import com.vproptrader.proto.TradingState;
import com.vproptrader.sim.TerminalSimMain;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection across processes: host, gateway and terminal stand-in run as separate JVMs; one of them is
 * SIGKILLed while trades are in flight and started again. Afterwards trading resumes, no broker deal is journaled
 * twice, no signal is executed twice (at most one opening deal per signal key), and the journal's hash chain
 * verifies. Each scenario prints one line of the fault-injection table (ops/RUNBOOK.md). CI runs the host's
 * SIGKILL; {@code -Pproof} (or {@code -Dfault.all=true}) all three.
 */
class FaultInjectionAcrossProcessesTest {

    @Test
    @EnabledIfSystemProperty(named = "fault.all", matches = "true")
    void sigkillOfTheGatewayMidTrade(@TempDir Path dir) throws Exception {
        try (Stack s = Stack.start(dir)) {
            s.awaitFills(1);
            int before = s.fills().size();
            s.gateway.kill();
            await().atMost(Duration.ofSeconds(30)).until(() -> !s.terminalConnected());
            s.gateway = ChildProcess.start("gateway-restarted", GatewayMain.class, "--port", "" + s.eaPort,
                    "--host", "127.0.0.1:" + s.hostPort);
            s.gateway.awaitLine("gateway listening on", 60);
            await().atMost(Duration.ofSeconds(60)).until(s::terminalConnected);
            s.awaitFills(before + 1);
            s.report("SIGKILL gateway mid-trade", before);
        }
    }

    @Test
    void sigkillOfTheHostMidTrade(@TempDir Path dir) throws Exception {
        try (Stack s = Stack.start(dir)) {
            s.awaitFills(1);
            int before = s.fills().size();
            s.host.kill();
            s.host = ChildProcess.start("host-restarted", HostMain.class, s.hostArgs());
            s.host.awaitLine("host ready on port", 60);
            await().atMost(Duration.ofSeconds(60)).until(s::terminalConnected);
            s.awaitFills(before + 1);
            s.report("SIGKILL host mid-trade", before);
        }
    }

    /**
     * The restarted stand-in replays its ticks from the start: to the host the terminal's clock jumped back, so it
     * refuses those ticks (older than what it has seen) and trades no more on them; nothing is executed twice.
     */
    @Test
    @EnabledIfSystemProperty(named = "fault.all", matches = "true")
    void sigkillOfTheTerminalStandInMidTrade_andItsClockJumpsBack(@TempDir Path dir) throws Exception {
        try (Stack s = Stack.start(dir)) {
            s.awaitFills(1);
            int before = s.fills().size();
            s.terminal.kill();
            await().atMost(Duration.ofSeconds(30)).until(() -> !s.terminalConnected());
            s.terminal = s.startTerminal("terminal-restarted");
            await().atMost(Duration.ofSeconds(60)).until(s::terminalConnected);
            Thread.sleep(10_000); // ten seconds of replayed (old) ticks
            s.report("SIGKILL terminal stand-in mid-trade; its restart replays old ticks (clock jumps back)", before);
        }
    }

    /**
     * The journal's files stop growing mid-trade: the host's file-size limit (RLIMIT_FSIZE, set on the running
     * process with prlimit, as a full or size-limited disk does) lands just above their size. The host pauses new
     * trades with the journal's reason and sends no signal while it lasts; when the limit is lifted the rows held
     * meanwhile are written, none lost, the pause ends by itself and trading goes on. Nothing is executed twice and
     * the chain verifies.
     */
    @Test
    void aJournalThatCannotGrowPausesNewTradesUntilItCanWriteAgain(@TempDir Path dir) throws Exception {
        try (Stack s = Stack.start(dir)) {
            s.awaitFills(1);
            int before = s.fills().size();
            long limit = Math.max(Files.size(dir.resolve("journal.db")), walSize(dir)) + 64 * 1024;
            prlimit(s.host.pid(), "--fsize=" + limit + ":unlimited");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> s.status().getTradingStateReason().contains("journal write failed"));
            Status paused = s.status();
            assertThat(paused.getTradingState()).isEqualTo(TradingState.TRADING_PAUSED);
            long signalsWhenPaused = paused.getCounters().getSignals();
            Thread.sleep(5_000);
            assertThat(s.status().getCounters().getSignals()).as("no signal while the journal cannot write")
                    .isEqualTo(signalsWhenPaused);
            assertThat(s.status().getCounters().getTicks()).as("the market is still read")
                    .isGreaterThan(paused.getCounters().getTicks());

            prlimit(s.host.pid(), "--fsize=unlimited:unlimited");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !s.status().getTradingStateReason().contains("journal write failed"));
            s.awaitFills(before + 1);
            assertThat(s.host.output()).contains("journal writes again:").doesNotContainPattern("held rows written, [1-9]\\d* lost");
            System.out.printf("fault-injection | journal files limited to %d bytes: paused with '%s'; %s%n", limit,
                    paused.getTradingStateReason(), s.host.output().lines().filter(l -> l.contains("journal writes again"))
                            .findFirst().orElse(""));
            s.report("journal files at their size limit (RLIMIT_FSIZE) mid-trade, then lifted", before);
        }
    }

    private static long walSize(Path dir) throws java.io.IOException {
        Path wal = dir.resolve("journal.db-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    private static void prlimit(long pid, String limit) throws Exception {
        Process p = new ProcessBuilder("prlimit", "--pid", Long.toString(pid), limit).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("prlimit %s: %s", limit, out).isZero();
    }

    /** Host, gateway and stand-in on fixed ports, so a restarted process is found by the others. */
    private static final class Stack implements AutoCloseable {
        final Path dir;
        final Path plugins;
        final int hostPort;
        final int eaPort;
        final String token;
        ChildProcess host;
        ChildProcess gateway;
        ChildProcess terminal;

        private Stack(Path dir) throws Exception {
            this.dir = dir;
            this.plugins = PluginJars.installAll(dir.resolve("plugins"));
            this.hostPort = freePort();
            this.eaPort = freePort();
            host = ChildProcess.start("host", HostMain.class, hostArgs());
            host.awaitLine("host ready on port", 60);
            token = Files.readString(dir.resolve("link-token")).trim();
            gateway = ChildProcess.start("gateway", GatewayMain.class, "--port", "" + eaPort,
                    "--host", "127.0.0.1:" + hostPort);
            gateway.awaitLine("gateway listening on", 60);
            terminal = startTerminal("terminal-sim");
        }

        static Stack start(Path dir) throws Exception {
            return new Stack(dir);
        }

        String[] hostArgs() {
            return HostBehindGateway.hostArgs(dir, plugins, hostPort);
        }

        ChildProcess startTerminal(String name) throws Exception {
            return ChildProcess.start(name, TerminalSimMain.class, "--gateway-port", "" + eaPort,
                    "--synthetic-ticks", "20000", "--tps", "100", "--loop", "--token", token);
        }

        List<Fill> fills() {
            return JournalRows.records(dir.resolve("journal.db"), JournalKind.KIND_FILL).stream()
                    .map(r -> r.getFill()).toList();
        }

        void awaitFills(int n) {
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(fills().size()).as("journaled fills; host:\n%s", host.output())
                            .isGreaterThanOrEqualTo(n));
        }

        Status status() {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", hostPort).usePlaintext().build();
            try {
                return AdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                        .getStatus(StatusRequest.getDefaultInstance());
            } finally {
                channel.shutdownNow();
            }
        }

        boolean terminalConnected() {
            try {
                return status().getTerminalConnected();
            } catch (RuntimeException notUp) {
                return false;
            }
        }

        /** The invariants after the fault, and one table line. */
        void report(String fault, int fillsBefore) throws Exception {
            host.close(); // SIGTERM: the journal flushes, then it is checked as an auditor would
            List<Fill> fills = fills();
            Map<Long, Long> perDeal = fills.stream().collect(Collectors.groupingBy(Fill::getDeal, Collectors.counting()));
            Map<String, Long> opensPerSignal = fills.stream()
                    .filter(f -> f.getEntry() == DealEntry.ENTRY_IN && !f.getSignalKey().isEmpty())
                    .collect(Collectors.groupingBy(Fill::getSignalKey, Collectors.counting()));
            long duplicatedDeals = perDeal.values().stream().filter(n -> n > 1).count();
            long signalsExecutedTwice = opensPerSignal.values().stream().filter(n -> n > 1).count();
            var verified = JournalVerifier.verify(dir.resolve("journal.db"));
            int reconciled = JournalRows.rows(dir.resolve("journal.db"), JournalKind.KIND_RECONCILE).size();
            System.out.printf("fault-injection | %s | fills before %d, after %d | duplicated deals %d | signals executed"
                            + " twice %d | reconcile rows %d | journal %s, %d rows%n", fault, fillsBefore, fills.size(),
                    duplicatedDeals, signalsExecutedTwice, reconciled, verified.intact() ? "intact" : "BROKEN", verified.rows());
            assertThat(duplicatedDeals).as("broker deals journaled twice").isZero();
            assertThat(signalsExecutedTwice).as("signals opened twice").isZero();
            assertThat(verified.intact()).as(verified.firstBad().orElse("")).isTrue();
        }

        @Override
        public void close() throws Exception {
            terminal.close();
            gateway.close();
            host.close();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
