package com.vproptrader.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.journal.JournalEntry;
import com.vproptrader.ui.browser.Browser;
import com.vproptrader.ui.browser.LoginPage;
import com.vproptrader.ui.browser.PluginsPage;
import com.vproptrader.ui.fixture.Logins;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator sends a plugin JAR from the Plugins page to a real host over AdminService: the host drops it
 * into its plugin folder, validates and serves it, and journals who sent it and why.
 */
class PluginUploadOnRealHostBrowserTest {

    @Test
    void anUploadedJarServesOnTheHostAndIsJournaledWithWhoAndWhy(@TempDir Path tmp) throws Exception {
        Browser.assumeAvailable();
        Path built = Path.of(System.getProperty("vpt.test.plugins", "target/test-plugins"));
        Path pluginDir = Files.createDirectories(tmp.resolve("plugins"));
        Path filter;
        Path alpha;
        try (var jars = Files.list(built)) {
            var list = jars.toList();
            filter = list.stream().filter(p -> p.getFileName().toString().startsWith("filter-spread")).findFirst().orElseThrow();
            alpha = list.stream().filter(p -> p.getFileName().toString().startsWith("alpha-momentum")).findFirst().orElseThrow();
        }
        Files.copy(filter, pluginDir.resolve(filter.getFileName()));
        HostConfig cfg = HostConfig.defaults().withGrpcPort(0).withPluginDir(pluginDir).withJournalFile(tmp.resolve("journal.db"));
        try (Host host = Host.start(cfg);
             UiServer ui = UiServer.start(Logins.ui("127.0.0.1:" + host.grpcPort()));
             Browser browser = Browser.open()) {
            String base = "http://127.0.0.1:" + ui.port();
            new LoginPage(browser.driver(), base).open().login(Logins.OPERATOR, Logins.PASSWORD);
            PluginsPage page = new PluginsPage(browser.driver(), base).open().awaitRows(1);
            assertThat(page.cells()).doesNotContain("alpha-momentum");

            String answer = page.upload(alpha, false, "momentum back on after the review");
            assertThat(answer).startsWith("UPLOAD " + alpha.getFileName() + " by alice: momentum back on after the review");
            page.awaitCell("alpha-momentum");
            page.awaitCell("ACTIVE");
            assertThat(Files.exists(pluginDir.resolve(alpha.getFileName()))).isTrue();
            browser.screenshotDesktopAndPhone("plugins-after-upload");

            host.journal().flush();
            assertThat(host.journal().read(com.vproptrader.proto.JournalKind.KIND_OPERATOR)).extracting(JournalEntry::payload)
                    .anyMatch(p -> p.contains("UPLOAD_PLUGIN")
                            && p.contains("UPLOAD " + alpha.getFileName() + " by alice: momentum back on after the review"));
        }
    }
}
