package com.vproptrader.host.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.it.JournalRows;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.host.memory.MemoryConfig;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.proto.AdminServiceGrpc;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.OperatorReply;
import com.vproptrader.proto.PluginCommand;
import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.PluginState;
import com.vproptrader.proto.PluginsRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DisablePlugin, EnablePlugin and RollbackPlugin on a real host over gRPC: refusals change nothing, actions are journaled. */
class PluginCommandsOverAdminServiceTest {

    @Test
    void disableTakesTheAlphaOutOfTheSet_enableBringsItBack_rollbackWithoutAnEarlierVersionIsRefused(@TempDir Path dir)
            throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        for (String alpha : new String[] {"alpha-momentum", "alpha-breakout"}) {
            Files.copy(PluginJars.jar(alpha), plugins.resolve(alpha + ".jar"));
        }
        // the model template: the learning loop's publisher exists, so the model's rollback reaches its registry
        Files.copy(PluginJars.jar("model-onnx"), Files.createDirectories(plugins.resolve("templates"))
                .resolve("model-onnx.jar"));
        Path journal = dir.resolve("j.db");
        HostConfig config = HostConfig.defaults().withGrpcPort(0).withJournalFile(journal).withPluginDir(plugins);
        try (Host host = Host.start(config, MemoryConfig.inProcess())) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", host.grpcPort()).usePlaintext().build();
            try {
                var admin = AdminServiceGrpc.newBlockingStub(channel);
                OperatorReply noReason = admin.withDeadlineAfter(10, TimeUnit.SECONDS).disablePlugin(
                        command("alpha-momentum", ""));
                assertThat(noReason.getAccepted()).isFalse();
                assertThat(noReason.getRefusedBy()).isEqualTo("MISSING_REASON");
                assertThat(state(admin, "alpha-momentum")).isEqualTo(PluginState.ACTIVE);

                OperatorReply disabled = admin.withDeadlineAfter(10, TimeUnit.SECONDS).disablePlugin(
                        command("alpha-momentum", "fires on every bar"));
                assertThat(disabled.getAccepted()).as(disabled.getDetail()).isTrue();
                assertThat(disabled.getDetail()).startsWith("disabled alpha-momentum@");
                PluginInfo info = plugin(admin, "alpha-momentum");
                assertThat(info.getState()).isEqualTo(PluginState.DISABLED);
                assertThat(info.getReason()).isEqualTo("by alice: fires on every bar");
                assertThat(host.plugins().current().alphas()).extracting(s -> s.pluginId())
                        .containsExactly("alpha-breakout");
                assertThat(plugins.resolve(PluginHost.SET_ASIDE_FOLDER).resolve("alpha-momentum.jar")).exists();

                OperatorReply again = admin.withDeadlineAfter(10, TimeUnit.SECONDS).disablePlugin(
                        command("alpha-momentum", "twice"));
                assertThat(again.getRefusedBy()).isEqualTo("NO_SUCH_PLUGIN");
                OperatorReply noEarlier = admin.withDeadlineAfter(10, TimeUnit.SECONDS).rollbackPlugin(
                        command("alpha-breakout", "try the old one"));
                assertThat(noEarlier.getRefusedBy()).isEqualTo("NOTHING_TO_ROLL_BACK");
                assertThat(noEarlier.getDetail()).contains("there is no version to roll back to");
                // the learning loop's model rolls back through its registry: none serves here, so nothing to go back to
                OperatorReply model = admin.withDeadlineAfter(10, TimeUnit.SECONDS).rollbackPlugin(
                        command("model-tp1", "calibration drifted"));
                assertThat(model.getRefusedBy()).isEqualTo("NOTHING_TO_ROLL_BACK");
                assertThat(model.getDetail()).isEqualTo("no model serves");

                OperatorReply enabled = admin.withDeadlineAfter(10, TimeUnit.SECONDS).enablePlugin(
                        command("alpha-momentum", "fixed"));
                assertThat(enabled.getAccepted()).as(enabled.getDetail()).isTrue();
                assertThat(state(admin, "alpha-momentum")).isEqualTo(PluginState.ACTIVE);
                assertThat(plugins.resolve("alpha-momentum.jar")).exists();
            } finally {
                channel.shutdownNow();
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    JournalRows.records(journal, JournalKind.KIND_OPERATOR)).extracting(
                            r -> r.getOperator().getAction() + " " + r.getOperator().getRequest().getOperator() + ": "
                                    + r.getOperator().getRequest().getReason())
                    .containsExactly("DISABLE_PLUGIN alice: fires on every bar", "ENABLE_PLUGIN alice: fixed"));
            assertThat(JournalRows.records(journal, JournalKind.KIND_OPERATOR)).extracting(JournalRecord::getOperator)
                    .extracting(o -> o.getDetail()).first().asString().startsWith("alpha-momentum: disabled alpha-momentum@");
        }
    }

    private static PluginCommand command(String pluginId, String reason) {
        return PluginCommand.newBuilder().setPluginId(pluginId).setOperator("alice").setReason(reason).build();
    }

    private static PluginInfo plugin(AdminServiceGrpc.AdminServiceBlockingStub admin, String id) {
        return admin.withDeadlineAfter(10, TimeUnit.SECONDS).listPlugins(PluginsRequest.getDefaultInstance())
                .getPluginsList().stream().filter(p -> p.getPluginId().equals(id) && !p.getShadow())
                .reduce((a, b) -> b).orElseThrow();
    }

    private static PluginState state(AdminServiceGrpc.AdminServiceBlockingStub admin, String id) {
        return plugin(admin, id).getState();
    }
}
