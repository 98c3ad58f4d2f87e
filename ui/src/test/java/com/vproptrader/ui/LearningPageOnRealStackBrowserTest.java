package com.vproptrader.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.learn.BoostedTreesTrainer;
import com.vproptrader.host.learn.CandidateFeatures;
import com.vproptrader.host.learn.ForestTrainer;
import com.vproptrader.host.learn.LabeledEntry;
import com.vproptrader.host.learn.LearningDesk;
import com.vproptrader.host.learn.ModelSchema;
import com.vproptrader.host.learn.ModelVersion;
import com.vproptrader.host.learn.Retraining;
import com.vproptrader.host.learn.SyntheticEntries;
import com.vproptrader.host.learn.WalkForward;
import com.vproptrader.host.plugin.PluginSlot;
import com.vproptrader.ui.browser.Browser;
import com.vproptrader.ui.browser.LoginPage;
import com.vproptrader.ui.fixture.Logins;
import com.vproptrader.ui.browser.LearningPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Learning page in a real browser against a real host over gRPC: two model versions trained on SYNTHETIC
 * entries (known rules, not market data) into the host's registry, the first promoted on its out-of-sample
 * evidence; the operator promotes the second from the page and rolls it back, and the host's plugin host
 * serves each published version in turn.
 */
class LearningPageOnRealStackBrowserTest {
    private static final ModelSchema HOST = CandidateFeatures.DEFAULT.schema();

    @Test
    void versionsEvidenceAndPromoteThenRollbackFromThePage(@TempDir Path tmp) throws Exception {
        Browser.assumeAvailable();
        Path plugins = Files.createDirectories(tmp.resolve("plugins/templates")).getParent();
        Files.copy(Path.of(System.getProperty("vpt.test.model.template", "target/test-templates/model-onnx.jar")),
                plugins.resolve(LearningDesk.TEMPLATE));
        HostConfig cfg = HostConfig.defaults().withGrpcPort(0).withPluginDir(plugins)
                .withJournalFile(tmp.resolve("journal.db"));
        try (Host host = Host.start(cfg)) {
            List<LabeledEntry> rows = SyntheticEntries.generate(HOST, 1_200, 5);
            long now = rows.get(rows.size() - 1).labelKnownMs() + 3_600_000L;
            Retraining retraining = new Retraining(new WalkForward(3, 1_800_000L), host.learning().registry());
            ModelVersion first = retraining.train(HOST, rows, now,
                    (s, r) -> new ForestTrainer(new ForestTrainer.Config(8, 5, 0.5f, 1)).train(s, r));
            assertThat(host.learning().publisher().consider(first.id(), now).promote()).isTrue();
            ModelVersion second = retraining.train(HOST, rows, now + 60_000,
                    (s, r) -> new BoostedTreesTrainer(new BoostedTreesTrainer.Config(20, 3, 0.1, 20f, 1)).train(s, r));
            awaitServing(host, "model-tp1@1.0.1");

            try (UiServer ui = UiServer.start(Logins.ui("127.0.0.1:" + host.grpcPort()));
                 Browser browser = Browser.open()) {
                     new LoginPage(browser.driver(), "http://127.0.0.1:" + ui.port()).open().login(Logins.OPERATOR, Logins.PASSWORD);
                LearningPage page = new LearningPage(browser.driver(), "http://127.0.0.1:" + ui.port()).open()
                        .awaitVersions(2);
                assertThat(page.stateOf(first.id())).isEqualTo("SERVING");
                assertThat(page.stateOf(second.id())).isEqualTo("CANDIDATE");
                assertThat(page.versionCells()).contains("random-forest", "boosted-trees", "model-tp1@1.0.1");
                assertThat(page.calibrationVersion()).isEqualTo(first.id());
                assertThat(page.calibrationBins()).isGreaterThan(3);
                assertThat(page.driftPoints()).isEqualTo(2);
                assertThat(page.promoteEnabled()).isFalse();
                browser.screenshotTall("learning-before.png", 1400);

                page.select(second.id());
                assertThat(page.promoteEnabled()).isTrue();
                assertThat(page.runConfirmed("promote-model")).contains("promoted " + second.id())
                        .contains("model-tp1@1.0.2");
                page.awaitState(second.id(), "SERVING").awaitState(first.id(), "RETIRED");
                awaitServing(host, "model-tp1@1.0.2");

                assertThat(page.runConfirmed("rollback-model")).isEqualTo("rolled back: " + first.id() + " serves again");
                page.awaitState(first.id(), "SERVING").awaitState(second.id(), "RETIRED");
                awaitServing(host, "model-tp1@1.0.3");
                browser.screenshotTall("learning-after-rollback.png", 1400);
            }
        }
    }

    private static void awaitServing(Host host, String label) {
        await().atMost(Duration.ofSeconds(30)).until(() -> host.plugins().current().models().stream()
                .map(PluginSlot::label).toList().equals(List.of(label)));
    }
}
