package com.vproptrader.host.it;

import com.vproptrader.host.app.HostMain;
import com.vproptrader.proto.AdminServiceGrpc;
import com.vproptrader.proto.OperatorReply;
import com.vproptrader.proto.OperatorRequest;
import com.vproptrader.proto.Status;
import com.vproptrader.proto.StatusRequest;
import com.vproptrader.proto.TradingState;
import com.vproptrader.sim.TerminalSimMain;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator halt is a durable commit: SIGKILL the host process right after it, start a new host on the
 * same state file, and the account is still halted when the terminal reconnects.
 */
class HaltSurvivesSigkillTest {

    @Test
    void an_operator_halt_survives_a_sigkill_of_the_host_and_a_restart_on_the_same_state_file(@TempDir Path dir)
            throws Exception {
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        int port = freePort(); // the same port after the restart, so the gateway finds the new host
        ChildProcess restarted = null;
        try (HostBehindGateway stack = HostBehindGateway.start(dir, plugins, port);
             ChildProcess terminal = ChildProcess.start("terminal-sim", TerminalSimMain.class,
                     "--gateway-port", stack.gatewayPort(), "--synthetic-ticks", "20000", "--tps", "50", "--loop",
                     "--token", stack.token())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> connected(port));
            OperatorReply halted = admin(port, s -> s.halt(OperatorRequest.newBuilder().setOperator("alice")
                    .setReason("broker maintenance").build()));
            assertThat(halted.getAccepted()).as(halted.getDetail()).isTrue();

            stack.host().kill();
            // the same command line: same journal, state file and link token
            restarted = ChildProcess.start("host-restarted", HostMain.class, HostBehindGateway.hostArgs(dir, plugins, port));
            restarted.awaitLine("host ready on port (\\d+)", 60);
            await().atMost(Duration.ofSeconds(60)).until(() -> connected(port));
            Status after = admin(port, s -> s.getStatus(StatusRequest.getDefaultInstance()));
            assertThat(after.getTradingState()).isEqualTo(TradingState.TRADING_HALTED);
            assertThat(after.getCompliance().getEngineReason()).isEqualTo("OPERATOR");
            assertThat(after.getCompliance().getEngineDetail()).contains("alice", "broker maintenance");
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    private static boolean connected(int port) {
        try {
            return admin(port, s -> s.getStatus(StatusRequest.getDefaultInstance())).getTerminalConnected();
        } catch (RuntimeException e) {
            return false; // the host is not up yet
        }
    }

    private static <T> T admin(int port, java.util.function.Function<AdminServiceGrpc.AdminServiceBlockingStub, T> call) {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            return call.apply(AdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS));
        } finally {
            channel.shutdownNow();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
