package com.vproptrader.ops.ea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vproptrader.host.it.HostBehindGateway;
import com.vproptrader.host.it.JournalRows;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.sim.data.SyntheticMarket;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real EA, compiled whole with g++ over the simulated MQL5 terminal (mt5-ea/test/sim), trading against
 * the real host and gateway as separate processes: the EA connects over TCP, streams ticks from a file,
 * receives signals, the simulated trade server fills them, and the host journals the fills.
 */
class CompiledEaAgainstHostTest {

    @Test
    void theCompiledEaFillsTheHostsSignalAndTheHostJournalsTheFill(@TempDir Path dir) throws Exception {
        Path eaBuild = dir.resolve("ea");
        Process build = new ProcessBuilder("bash", Path.of("..", "mt5-ea", "test", "sim", "build.sh").toString(),
                eaBuild.toString()).redirectErrorStream(true).start();
        String buildOutput = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(build.waitFor(240, TimeUnit.SECONDS) && build.exitValue() == 0).as("g++ build:\n%s", buildOutput).isTrue();

        Path ticks = dir.resolve("ticks.csv");
        try (BufferedWriter w = Files.newBufferedWriter(ticks)) {
            SyntheticMarket market = SyntheticMarket.of(42, "EURUSD", 20_000);
            while (market.hasNext()) {
                var t = market.next();
                w.write(t.getSymbol() + "," + t.getTimeMsc() + "," + t.getBid() + "," + t.getAsk() + "\n");
            }
        }

        // one alpha is enough for a signal; the module declares it, so it is built before these tests
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginJars.jar("alpha-momentum"), plugins.resolve("alpha-momentum.jar"));
        Path journal = dir.resolve("journal.db");
        try (HostBehindGateway stack = HostBehindGateway.start(dir, plugins, 0)) {
            Path eaLog = dir.resolve("ea.log");
            Process ea = new ProcessBuilder(eaBuild.resolve("ea_sim").toString(), "--ticks", ticks.toString(),
                    "--port", stack.gatewayPort(), "--token", stack.token(), "--timer-ms", "10", "--speed", "2", "--until-fills", "1",
                    "--seconds", "80").redirectErrorStream(true).redirectOutput(eaLog.toFile()).start();
            boolean ended = ea.waitFor(100, TimeUnit.SECONDS);
            if (!ended) {
                ea.destroyForcibly();
            }
            String eaOutput = Files.readString(eaLog);
            assertThat(ended && ea.exitValue() == 0).as("EA delivered a fill; EA:\n%s\nhost:\n%s\ngateway:\n%s",
                    eaOutput, stack.host().output(), stack.gateway().output()).isTrue();

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(JournalRows.fillKeys(journal)).as("journaled fills; EA:\n%s", eaOutput).isNotEmpty());
            Set<String> signalKeys = JournalRows.signalKeys(journal);
            assertThat(JournalRows.fillKeys(journal)).as("every journaled fill answers a journaled signal").isSubsetOf(signalKeys);
            assertThat(eaOutput).doesNotContain("gateway error");
        }
    }

}
