package com.vproptrader.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.PluginState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's removal path: disable (no successor), enable, and one-step rollback, with real plugin JARs and a
 * loop that calls the host as the account's event loop does. Each takes effect at the next event, whole.
 */
class OperatorDisableAndRollbackTest {
    private static final Duration BUDGET = Duration.ofMillis(250);
    private static final Duration PATIENCE = Duration.ofSeconds(10); // failure bound, not a timing claim

    @TempDir
    static Path work;
    static Path v1;
    static Path v2;
    static Path betaV1;

    @TempDir
    Path folder;
    PluginHost host;
    LoopStandIn loop;

    @BeforeAll
    static void buildPlugins() throws IOException {
        v1 = TestPluginJar.version("1.0.0").buildInto(work);
        v2 = TestPluginJar.version("2.0.0").buildInto(work);
        betaV1 = TestPluginJar.version("1.0.0").id("echo-beta").buildInto(work);
    }

    @BeforeEach
    void startWithV1AndBeta() throws IOException {
        Files.copy(v1, folder.resolve("echo-alpha.jar"));
        Files.copy(betaV1, folder.resolve("echo-beta.jar"));
        host = new PluginHost(folder, BUDGET);
        host.start();
        loop = new LoopStandIn(host);
        assertThat(loop.tick()).isEqualTo("1.0.0");
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void rollback_servesThePreviousVersionFromTheNextEvent_setsTheNewerJarAside_andGoesOneStepOnly() throws Exception {
        Files.copy(v2, folder.resolve("echo-alpha-2.0.0.jar"));
        loop.streamUntilServedBy("2.0.0", PATIENCE);

        assertThat(host.rollback(TestPluginJar.ID, "by alice: v2 votes against the trend"))
                .isEqualTo("rolled back echo-alpha@2.0.0 to echo-alpha@1.0.0");
        assertThat(loop.tick()).as("the very next event").isEqualTo("1.0.0");
        assertThat(info("2.0.0")).returns(PluginState.RETIRED, PluginInfo::getState)
                .returns("rolled back to echo-alpha@1.0.0: by alice: v2 votes against the trend", PluginInfo::getReason);
        assertThat(info("1.0.0")).returns(PluginState.ACTIVE, PluginInfo::getState)
                .returns("rolled back from echo-alpha@2.0.0: by alice: v2 votes against the trend", PluginInfo::getReason);
        assertThat(folder.resolve("echo-alpha-2.0.0.jar")).doesNotExist();
        assertThat(folder.resolve(PluginHost.SET_ASIDE_FOLDER).resolve("echo-alpha-2.0.0.jar")).exists();

        assertThatThrownBy(() -> host.rollback(TestPluginJar.ID, "by alice: again"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("echo-alpha@1.0.0 replaced nothing here: there is no version to roll back to");
        assertThat(loop.tick()).as("a refused rollback changes nothing").isEqualTo("1.0.0");
        assertThatThrownBy(() -> host.rollback("no-such", "by alice: x")).isInstanceOf(IllegalArgumentException.class);

        host.close();
        host = new PluginHost(folder, BUDGET); // a restart serves what the folder holds: the version rolled back to
        host.start();
        assertThat(new LoopStandIn(host).tick()).isEqualTo("1.0.0");
    }

    @Test
    void disable_stopsThePluginFromTheNextEvent_theOtherAlphaVotesOn_aRestartKeepsItOff_andEnableBringsItBack()
            throws Exception {
        assertThat(host.disable(TestPluginJar.ID, "by alice: runaway votes")).isEqualTo("disabled echo-alpha@1.0.0");
        assertThat(loop.tick()).as("no answer from a disabled alpha at the very next event").isEqualTo(LoopStandIn.NOBODY);
        assertThat(host.current().alphas()).extracting(PluginSlot::pluginId).containsExactly("echo-beta");
        long last = loop.ticks() - 1;
        assertThat(loop.others.get("echo-beta").get(last)).as("the other alpha still answers").isEqualTo("1.0.0");
        assertThat(info("1.0.0")).returns(PluginState.DISABLED, PluginInfo::getState)
                .returns("by alice: runaway votes", PluginInfo::getReason);
        assertThat(folder.resolve("echo-alpha.jar")).doesNotExist();
        assertThat(folder.resolve(PluginHost.SET_ASIDE_FOLDER).resolve("echo-alpha.jar")).exists();
        assertThatThrownBy(() -> host.disable(TestPluginJar.ID, "by alice: twice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no version of echo-alpha serves");
        assertThatThrownBy(() -> host.enable("echo-beta", "by alice: x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("echo-beta is not disabled");

        try (PluginHost restarted = new PluginHost(Files.createDirectories(work.resolve("restart")), BUDGET)) {
            for (Path jar : Files.list(folder).filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, work.resolve("restart").resolve(jar.getFileName()));
            }
            restarted.start();
            assertThat(restarted.current().alphas()).as("what a restart on the folder serves")
                    .extracting(PluginSlot::pluginId).containsExactly("echo-beta");
        }

        assertThat(host.enable(TestPluginJar.ID, "by alice: fixed upstream")).isEqualTo("enabled echo-alpha@1.0.0");
        assertThat(loop.tick()).isEqualTo("1.0.0");
        assertThat(info("1.0.0")).returns(PluginState.ACTIVE, PluginInfo::getState)
                .returns("by alice: fixed upstream", PluginInfo::getReason);
        assertThat(folder.resolve("echo-alpha.jar")).exists();
    }

    private PluginInfo info(String version) {
        return host.describe().stream()
                .filter(i -> i.getPluginId().equals(TestPluginJar.ID) && i.getVersion().equals(version))
                .findFirst().orElse(PluginInfo.getDefaultInstance());
    }
}
