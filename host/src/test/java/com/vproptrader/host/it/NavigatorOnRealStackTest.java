package com.vproptrader.host.it;

import com.vproptrader.proto.AdminServiceGrpc;
import com.vproptrader.proto.ChallengeForecast;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.StatusRequest;
import com.vproptrader.sim.TerminalSimMain;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The challenge navigator on the real stack: host, gateway and terminal stand-in as separate processes over
 * loopback. Its first forecast appears in AdminService once the account is seen, and a trade that closes at
 * the stand-in's broker brings a new one built from that trade.
 */
class NavigatorOnRealStackTest {

    @Test
    void theForecastAppearsInAdminService_andIsRebuiltFromAClosedTrade(@TempDir Path dir) throws Exception {
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        try (HostBehindGateway stack = HostBehindGateway.start(dir, plugins, 0);
             ChildProcess terminal = ChildProcess.start("terminal-sim", TerminalSimMain.class,
                     "--gateway-port", stack.gatewayPort(), "--synthetic-ticks", "20000", "--tps", "100", "--loop",
                     "--token", stack.token());
             Admin admin = new Admin(stack.hostPort())) {
            AtomicReference<ChallengeForecast> first = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                first.set(admin.navigator());
                assertThat(first.get().getReady()).as("a first forecast; host:\n%s\nterminal:\n%s",
                        stack.host().output(), terminal.output()).isTrue();
            });
            assertThat(first.get().getPaths()).isPositive();
            assertThat(first.get().getPass().getLow()).isLessThanOrEqualTo(first.get().getPass().getEstimate());
            assertThat(first.get().getRiskCurveList()).isNotEmpty();

            AtomicReference<ChallengeForecast> later = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                later.set(admin.navigator());
                assertThat(later.get().getCause()).as("a forecast after a closed trade; host:\n%s",
                        stack.host().output()).isEqualTo("closed_trade");
            });
            assertThat(later.get().getTradesObserved()).as("built from the closed trades")
                    .isGreaterThan(first.get().getTradesObserved());
            assertThat(later.get().getAsOfMsc()).isGreaterThan(first.get().getAsOfMsc());
            // the forecast shows first; the report with its new risk curve follows and is journaled
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(JournalRows.rows(dir.resolve("journal.db"), JournalKind.KIND_NAVIGATOR)).hasSizeGreaterThanOrEqualTo(2));
        }
    }

    /** AdminService over loopback, as the UI reads it. */
    private static final class Admin implements AutoCloseable {
        private final ManagedChannel channel;

        Admin(int port) {
            channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        }

        ChallengeForecast navigator() {
            return AdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getStatus(StatusRequest.getDefaultInstance()).getCompliance().getNavigator();
        }

        @Override
        public void close() {
            channel.shutdownNow();
        }
    }
}
