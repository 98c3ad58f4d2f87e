package com.vproptrader.host.it;

import com.vproptrader.proto.AdminServiceGrpc;
import com.vproptrader.proto.Status;
import com.vproptrader.proto.StatusRequest;
import com.vproptrader.sim.TerminalSimMain;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Test 1 of the platform: host, gateway and terminal stand-in as three separate JVMs talking only over
 * loopback sockets (gRPC between host and gateway, NDJSON between gateway and terminal).
 */
class EndToEndAcrossProcessesTest {

    @Test
    void replayedTicksProduceASignalThatIsFilledAndTheFillIsJournaled(@TempDir Path dir) throws Exception {
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        Path journal = dir.resolve("journal.db");
        try (HostBehindGateway stack = HostBehindGateway.start(dir, plugins, 0);
             ChildProcess terminal = ChildProcess.start("terminal-sim", TerminalSimMain.class,
                     "--gateway-port", stack.gatewayPort(), "--synthetic-ticks", "20000", "--tps", "50", "--loop",
                     "--token", stack.token())) {

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(JournalRows.fillKeys(journal)).as("journaled fills; host:\n%s\nterminal:\n%s",
                            stack.host().output(), terminal.output()).isNotEmpty());

            Set<String> signalKeys = JournalRows.signalKeys(journal);
            assertThat(JournalRows.fillKeys(journal)).as("every journaled fill answers a journaled signal")
                    .isSubsetOf(signalKeys);
            Status status = status(stack.hostPort());
            assertThat(status.getTerminalConnected()).isTrue();
            assertThat(status.getCounters().getTicks()).isPositive();
            assertThat(status.getCounters().getSignals()).isPositive();
            assertThat(status.getCounters().getFills()).isPositive();
            // the scanner's figures reach AdminService: throughput, skip rate, grades, rejections by reason
            var scan = status.getScan();
            assertThat(scan.getScans()).isPositive();
            assertThat(scan.getEvaluations()).isGreaterThanOrEqualTo(scan.getScans());
            assertThat(scan.getEvaluationsPerSecond()).isPositive();
            assertThat(scan.getSignals()).isPositive();
            assertThat(scan.getSkipRate()).isEqualTo(1 - (double) scan.getSignals() / scan.getScans());
            assertThat(scan.getGradesList()).anySatisfy(g -> assertThat(g.getReason()).isIn("A+", "A"));
            assertThat(scan.getRejectionsList()).isNotEmpty().allSatisfy(r -> assertThat(r.getCount()).isPositive());
            assertThat(JournalRows.rows(journal, com.vproptrader.proto.JournalKind.KIND_TICK)).isNotEmpty();
            assertThat(stack.host().isAlive() && stack.gateway().isAlive() && terminal.isAlive()).isTrue();
        }
    }

    private static Status status(int port) {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            return AdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getStatus(StatusRequest.getDefaultInstance());
        } finally {
            channel.shutdownNow();
        }
    }
}
