package com.vproptrader.host.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vproptrader.gateway.GatewayMain;
import com.vproptrader.host.app.HostMain;
import com.vproptrader.host.it.ChildProcess;
import com.vproptrader.host.it.HostBehindGateway;
import com.vproptrader.host.it.JournalRows;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.sim.TerminalSimMain;
import com.vproptrader.telemetry.Promtool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's /metrics while host, gateway and terminal stand-in trade over loopback as separate processes. */
class HostMetricsTest {

    @Test
    void whileTradingTheScrapeShowsTheLoopTheLinkThePluginsVetoesAndHeadroom_andPromtoolAcceptsIt(@TempDir Path dir)
            throws Exception {
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        List<String> args = new ArrayList<>(List.of(HostBehindGateway.hostArgs(dir, plugins, 0)));
        args.addAll(List.of("--metrics-port", "0"));
        try (ChildProcess host = ChildProcess.start("host", HostMain.class, args.toArray(String[]::new))) {
            String metricsPort = host.awaitLine("metrics on http://[^:]+:(\\d+)/metrics", 60);
            String hostPort = host.awaitLine("host ready on port (\\d+)", 60);
            String token = Files.readString(dir.resolve("link-token")).trim();
            try (ChildProcess gateway = ChildProcess.start("gateway", GatewayMain.class, "--port", "0",
                    "--host", "127.0.0.1:" + hostPort);
                 ChildProcess terminal = ChildProcess.start("terminal-sim", TerminalSimMain.class, "--gateway-port",
                         gateway.awaitLine("gateway listening on [^ ]+:(\\d+)", 60), "--synthetic-ticks", "20000",
                         "--tps", "50", "--loop", "--token", token)) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> !JournalRows.fillKeys(dir.resolve("journal.db")).isEmpty());

                // Vetoes come with the market: wait for the first one to appear as a series.
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> scrape(Integer.parseInt(metricsPort)).contains("vpt_vetoes_total{"));
                String text = scrape(Integer.parseInt(metricsPort));

                assertThat(value(text, "vpt_terminal_connected\\{[^}]*\\}")).isEqualTo(1);
                assertThat(value(text, "vpt_ticks_total\\{[^}]*\\}")).isPositive();
                assertThat(value(text, "vpt_tick_to_signal_seconds_count\\{[^}]*\\}")).isPositive();
                assertThat(value(text, "vpt_loop_event_seconds_count\\{[^}]*\\}")).isPositive();
                assertThat(text).contains("vpt_tick_to_signal_seconds_bucket{account=\"\",process=\"host\",le=\"0.002\"}")
                        .contains("vpt_loop_queue_depth{");
                assertThat(value(text, "vpt_plugin_serving\\{account=\"\",kind=\"alpha\",plugin=\"alpha-momentum\","
                        + "process=\"host\",version=\"[^\"]+\"\\}")).isEqualTo(1);
                assertThat(value(text, "vpt_plugin_versions\\{[^}]*state=\"ACTIVE\"\\}")).isPositive();
                assertThat(value(text, "vpt_governor_headroom_ratio\\{[^}]*rule=\"daily_loss\"\\}")).isPositive();
                assertThat(Pattern.compile("(?m)^vpt_trading_state\\{[^}]*\\} 1\\.0$").matcher(text).results().count())
                        .as("exactly one effective trading state").isEqualTo(1);
                assertThat(text).containsPattern("vpt_vetoes_total\\{account=\"\",process=\"host\",reason=\"[^\"]+\","
                        + "source=\"[A-Z]+\"\\} [0-9.]+");
                assertThat(Promtool.checkMetrics(text)).isEmpty();
            }
        }
    }

    private static String scrape(int port) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** The value of the first series matching {@code series} (a regex of name and labels). */
    static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([-+0-9.eE]+|NaN)$").matcher(text);
        assertThat(m.find()).as(series + " in\n" + text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
