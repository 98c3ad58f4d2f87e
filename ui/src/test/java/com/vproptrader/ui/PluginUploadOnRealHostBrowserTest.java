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
 * into its plugin folder, validates and serves it, and journals who sent it and why; a newer version sent the same
 * way is rolled back from the page through the operator dialog, one step, journaled.
 */
class PluginUploadOnRealHostBrowserTest {

    /** {@code jar} with its manifest's Plugin-Version set to {@code version}: a newer build of the same plugin. */
    private static Path withVersion(Path jar, String version, Path out) throws java.io.IOException {
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Manifest manifest = new java.util.jar.Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Plugin-Version", version);
            try (java.util.jar.JarOutputStream o = new java.util.jar.JarOutputStream(Files.newOutputStream(out), manifest)) {
                for (java.util.jar.JarEntry e : java.util.Collections.list(in.entries())) {
                    if (e.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    o.putNextEntry(new java.util.jar.JarEntry(e.getName()));
                    try (var body = in.getInputStream(e)) {
                        body.transferTo(o);
                    }
                    o.closeEntry();
                }
            }
        }
        return out;
    }

    @Test
    void anUploadedJarServesOnTheHostAndIsJournaledWithWhoAndWhy_aNewerOneRollsBackFromThePage(@TempDir Path tmp) throws Exception {
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

            // a newer version (the same classes, its manifest saying 9.9.9) replaces it; the operator rolls back one step
            String served = host.plugins().current().alphas().get(0).version();
            Path newer = withVersion(alpha, "9.9.9", tmp.resolve("alpha-momentum-9.9.9.jar"));
            assertThat(page.upload(newer, false, "new momentum build")).startsWith("UPLOAD alpha-momentum-9.9.9.jar");
            page.waitUntilServing(host, "9.9.9");
            assertThat(page.command("rollback", "alpha-momentum", "9.9.9 trades against the trend"))
                    .isEqualTo("rolled back alpha-momentum@9.9.9 to alpha-momentum@" + served);
            assertThat(host.plugins().current().alphas()).extracting(a -> a.version()).containsExactly(served);
            page.awaitCell("rolled back from alpha-momentum@9.9.9: by alice: 9.9.9 trades against the trend");
            assertThat(pluginDir.resolve("alpha-momentum-9.9.9.jar")).doesNotExist();
            assertThat(pluginDir.resolve(com.vproptrader.host.plugin.PluginHost.SET_ASIDE_FOLDER)
                    .resolve("alpha-momentum-9.9.9.jar")).exists();
            browser.screenshotDesktopAndPhone("plugins-after-rollback");
            host.journal().flush();
            assertThat(host.journal().read(com.vproptrader.proto.JournalKind.KIND_OPERATOR))
                    .extracting(e -> e.record().getOperator())
                    .anyMatch(o -> o.getAction().equals("ROLLBACK_PLUGIN") && o.getRequest().getOperator().equals("alice")
                            && o.getRequest().getReason().equals("9.9.9 trades against the trend"));
        }
    }
}
