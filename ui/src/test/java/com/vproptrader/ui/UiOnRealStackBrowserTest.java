package com.vproptrader.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.gateway.Gateway;
import com.vproptrader.gateway.GatewayConfig;
import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.sim.SimConfig;
import com.vproptrader.sim.TerminalSim;
import com.vproptrader.ui.browser.AppPages;
import com.vproptrader.ui.browser.Browser;
import com.vproptrader.ui.browser.LoginPage;
import com.vproptrader.ui.fixture.Logins;
import com.vproptrader.ui.browser.CompliancePage;
import com.vproptrader.ui.browser.OverviewPage;
import com.vproptrader.ui.browser.PluginsPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2, test 4: the UI in a real browser while data streams through the real stack. Host, gateway and
 * terminal stand-in run in this JVM but talk only over loopback sockets (gRPC and NDJSON/TCP); the host
 * loads the real plugin JARs (copied by the build into {@code vpt.test.plugins}); the UI reads the host
 * through AdminService like in production. Issue 4: the Compliance page shows the host's rule pack and
 * the headroom of its daily and max loss limits.
 */
class UiOnRealStackBrowserTest {

    @Test
    void overviewAndPluginsShowLiveValuesWhileTheTerminalStandInReplaysTicks(@TempDir Path tmp) throws Exception {
        Browser.assumeAvailable();
        Path pluginDir = copyTestPlugins(tmp.resolve("plugins"));
        HostConfig hostCfg = HostConfig.defaults().withGrpcPort(0).withPluginDir(pluginDir)
                .withJournalFile(tmp.resolve("journal.db"));
        try (Host host = Host.start(hostCfg);
             Gateway gateway = Gateway.start(GatewayConfig.defaults().withListenPort(0)
                     .withHostTarget("127.0.0.1:" + host.grpcPort()));
             UiServer ui = UiServer.start(Logins.ui("127.0.0.1:" + host.grpcPort()));
             // Paced and looping, so ticks keep streaming for as long as the browser looks.
             TerminalSim sim = TerminalSim.start(SimConfig.defaults().withGatewayPort(gateway.port())
                     .withTicksPerSecond(40).withLoop(true));
             Browser browser = Browser.open()) {
                 new LoginPage(browser.driver(), "http://127.0.0.1:" + ui.port()).open().login(Logins.OPERATOR, Logins.PASSWORD);
            String base = "http://127.0.0.1:" + ui.port();

            OverviewPage overview = new OverviewPage(browser.driver(), base).open().awaitConnected();
            long first = overview.ticks();
            long later = overview.awaitTicksAbove(first + 10);
            assertThat(later).isGreaterThan(first + 10);
            assertThat(overview.terminalState()).isEqualTo("connected");
            assertThat(overview.balance()).endsWith("USD");
            assertThat(overview.engineState()).isNotEqualTo("unknown");
            browser.screenshot("real-overview.png");

            PluginsPage plugins = overview.goToPlugins().awaitRows(2);
            // The real plugins serve: a quarantined plugin here means the stack is broken.
            assertThat(plugins.cells()).contains("alpha-momentum", "filter-spread", "alpha", "filter", "ACTIVE");
            assertThat(plugins.cells()).doesNotContain("QUARANTINED");
            browser.screenshot("real-plugins.png");

            CompliancePage compliance = plugins.goToCompliance();
            assertThat(compliance.engineState()).isNotEqualTo("unknown");
            assertThat(compliance.equity()).endsWith("USD");
            // Issue 4: the host's default rule pack (FTMO 2-Step) with the headroom of its two loss limits.
            compliance.waitUntil(p -> p.ruleNames().containsAll(List.of("daily_loss", "max_loss")));
            assertThat(compliance.rulePack()).containsIgnoringCase("ftmo");
            for (String rule : List.of("daily_loss", "max_loss")) {
                CompliancePage.RuleCard card = compliance.rule(rule);
                assertThat(card.limit()).as(rule + " limit").matches("[0-9,]+\\.[0-9]{2}");
                assertThat(card.headroom()).as(rule + " headroom").matches("-?[0-9,]+\\.[0-9]{2} USD");
                assertThat(card.headroomPct()).as(rule + " headroom %").matches("-?[0-9]+\\.[0-9]{2}% of initial");
                assertThat(card.barDrawn()).as(rule + " bar").isTrue();
            }
            // the firm's inactivity limit, counted in whole days since the account was first seen
            compliance.waitUntil(p -> p.ruleNames().contains("inactivity"));
            assertThat(compliance.rule("inactivity").limit()).isEqualTo("30");
            assertThat(compliance.rule("inactivity").headroomPct()).isEqualTo("left");
            assertThat(compliance.rule("inactivity").description()).contains("30 calendar days without a trade");
            browser.screenshotTall("real-compliance.png", 1500);

            // Operator control end to end: the page's buttons reach the host, the host reaches the stand-in.
            awaitSim(sim, st -> st.signalsReceived() > 0, "signals flowing before the halt");
            assertThat(compliance.operate("halt", "news in five minutes")).startsWith("Done: HALT by alice");
            compliance.awaitEngineState("HALTED");
            Thread.sleep(500); // a signal already on the wire when the halt landed may still arrive
            long signalsAtHalt = sim.stats().signalsReceived();
            long ticksAtHalt = sim.stats().ticksSent();
            awaitSim(sim, st -> st.ticksSent() > ticksAtHalt + 150, "ticks keep streaming while halted");
            assertThat(sim.stats().signalsReceived()).as("no signal while halted").isEqualTo(signalsAtHalt);

            assertThat(compliance.operate("flatten-all", "flat before the release")).startsWith("Done");
            awaitSim(sim, st -> st.openPositions() == 0, "flatten closes every position");

            assertThat(compliance.operate("resume", "release is out")).startsWith("Done: RESUME by alice");
            compliance.awaitEngineStateNot("HALTED"); // ACTIVE, or PAUSED while round trips on a loaded machine exceed the latency limit

            // The challenge navigator's advised risk, followed through the same confirmation dialog, and back.
            compliance.awaitNavigator();
            assertThat(compliance.operate("follow-risk-advice", "the curve peaks below the pack's cap"))
                    .startsWith("Done: sizer's per-trade cap").endsWith("(following the advice)");
            compliance.waitUntil(p -> p.navigatorRisk().contains("following the advice"));
            assertThat(compliance.operate("stop-following-advice", "back to the plan"))
                    .startsWith("Done: sizer's per-trade cap").endsWith("(the pack's)");
            compliance.waitUntil(p -> !p.navigatorRisk().contains("following the advice"));
            awaitSim(sim, st -> st.signalsReceived() > signalsAtHalt, "signals flow again after resume");
            assertThat(compliance.awaitVetoBreakdownMatchingTotal())
                    .as("the breakdown by reason sums to the vetoes tile, which has counted vetoes").isPositive();
            browser.screenshotTall("real-compliance-after-operator.png", 1500);

            // Plugin disable on the real stack: the only alpha stops voting, so no signal reaches the stand-in; enable
            // brings it back; a rollback with no earlier version is refused and changes nothing.
            PluginsPage pluginsAgain = new PluginsPage(browser.driver(), base).open().awaitRows(2);
            assertThat(pluginsAgain.command("disable", "alpha-momentum", "votes on stale bars"))
                    .startsWith("disabled alpha-momentum@");
            pluginsAgain.awaitCell("DISABLED");
            assertThat(host.plugins().current().alphas()).as("no alpha serves").isEmpty();
            Thread.sleep(500); // a signal already on the wire may still arrive
            long signalsAtDisable = sim.stats().signalsReceived();
            long ticksAtDisable = sim.stats().ticksSent();
            awaitSim(sim, st -> st.ticksSent() > ticksAtDisable + 150, "ticks keep streaming while the alpha is disabled");
            assertThat(sim.stats().signalsReceived()).as("no signal without a voting alpha").isEqualTo(signalsAtDisable);
            browser.screenshotTall("real-plugins-disabled.png", 1200);
            assertThat(pluginsAgain.command("rollback", "alpha-momentum", "try the one before"))
                    .startsWith("refused by NO_SUCH_PLUGIN");
            assertThat(pluginsAgain.command("enable", "alpha-momentum", "bars are fresh again"))
                    .startsWith("enabled alpha-momentum@");
            assertThat(pluginsAgain.command("rollback", "alpha-momentum", "try the one before"))
                    .startsWith("refused by NOTHING_TO_ROLL_BACK").contains("there is no version to roll back to");
            assertThat(host.plugins().current().alphas()).extracting(s -> s.pluginId()).containsExactly("alpha-momentum");
            host.journal().flush();
            assertThat(host.journal().read(com.vproptrader.proto.JournalKind.KIND_OPERATOR))
                    .extracting(e -> e.record().getOperator().getAction() + " " + e.record().getOperator().getRequest().getOperator())
                    .contains("DISABLE_PLUGIN alice", "ENABLE_PLUGIN alice");

            OverviewPage again = new OverviewPage(browser.driver(), base).open().awaitConnected();
            assertThat(again.awaitTicksAbove(later)).isGreaterThan(later);
            // the real host's latest prices, moving with the stand-in's ticks
            assertThat(again.awaitGrid("prices-grid")).contains("EURUSD");
            String bid = again.cellAfter("prices-grid", "EURUSD");
            again.waitUntil(p -> !p.cellAfter("prices-grid", "EURUSD").equals(bid));
            browser.screenshotDesktopAndPhone("real-overview");
            // every other page loads on the real host
            // the host's regime bandit: a Beta posterior per serving alpha × regime, on the alpha × regime heatmap
            AppPages.Alpha alpha = new AppPages.Alpha(browser.driver(), base).open();
            assertThat(alpha.posterior("alpha-momentum", "TREND_LOW_VOL"))
                    .matches("P\\(win\\) 0\\.[0-9]{3} · Beta\\([0-9.]+, [0-9.]+\\)");
            assertThat(alpha.rowHeaders("heatmap-regime")).anyMatch(h -> h.matches("alpha-momentum · weight [0-9.]+"));
            browser.screenshotDesktopAndPhone("real-alpha");
            // time in regime from the host's classifier: since the bar close where EURUSD's regime last changed
            AppPages.Regimes regimes = new AppPages.Regimes(browser.driver(), base).open();
            List<String> now = regimes.now();
            assertThat(now).contains("EURUSD");
            assertThat(now).anyMatch(c -> c.matches("[0-9]+m [0-9]{2}s|[0-9]+h [0-9]{2}m"));
            browser.screenshotDesktopAndPhone("real-regimes");
            new AppPages.Risk(browser.driver(), base).open();
            browser.screenshotDesktopAndPhone("real-risk");
            new AppPages.Report(browser.driver(), base).open();
            browser.screenshotDesktopAndPhone("real-report");
            assertThat(sim.stats().ticksSent()).isGreaterThan(later);
        }
    }

    private static void awaitSim(TerminalSim sim, java.util.function.Predicate<com.vproptrader.sim.SimStats> done,
                                 String what) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!done.test(sim.stats())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what + " (" + sim.stats() + ")");
            }
            Thread.sleep(100);
        }
    }

    private static Path copyTestPlugins(Path dir) throws IOException {
        Path built = Path.of(System.getProperty("vpt.test.plugins", "target/test-plugins"));
        Files.createDirectories(dir);
        try (Stream<Path> jars = Files.list(built)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, dir.resolve(jar.getFileName()));
            }
        }
        return dir;
    }
}
