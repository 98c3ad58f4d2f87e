package com.vproptrader.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.PluginState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin JARs verified before loading: with an allow list on, only listed SHA-256s load; the rest is quarantined. */
class JarAllowListTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    static Path work;
    static Path v1;
    static Path v2;

    @TempDir
    Path folder;
    PluginHost host;

    @BeforeAll
    static void buildPlugins() throws IOException {
        v1 = TestPluginJar.version("1.0.0").buildInto(work);
        v2 = TestPluginJar.version("2.0.0").buildInto(work);
    }

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aListedJarLoads_anUnlistedOneIsQuarantinedNamingItsHash_andLoadsOnceTheOperatorListsIt() throws Exception {
        Path list = work.resolve("allow-" + System.nanoTime() + ".sha256");
        Files.writeString(list, "# approved plugin builds\n" + JarAllowList.sha256(v1) + "  echo-alpha-1.0.0.jar\n");
        Files.copy(v1, folder.resolve("echo-alpha.jar"));
        host = new PluginHost(folder, Duration.ofMillis(250), JarAllowList.of(list));
        host.start();
        LoopStandIn loop = new LoopStandIn(host);
        assertThat(loop.tick()).as("the listed v1 serves").isEqualTo("1.0.0");

        Files.copy(v2, folder.resolve("echo-alpha-2.jar"));
        loop.streamUntil(() -> state("echo-alpha-2") == PluginState.QUARANTINED, PATIENCE);
        assertThat(find("echo-alpha-2").getReason())
                .isEqualTo("unverified: SHA-256 " + JarAllowList.sha256(v2) + " is not in the allow list " + list);
        assertThat(loop.tick()).as("v1 still serves").isEqualTo("1.0.0");

        Files.writeString(list, JarAllowList.sha256(v2) + "  echo-alpha-2.0.0.jar\n", StandardOpenOption.APPEND);
        Files.setLastModifiedTime(folder.resolve("echo-alpha-2.jar"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000)); // touch: re-drop
        loop.streamUntilServedBy("2.0.0", PATIENCE);
    }

    @Test
    void aMissingOrMalformedListRefusesEveryJar() throws Exception {
        Path list = work.resolve("absent.sha256");
        Files.copy(v1, folder.resolve("echo-alpha.jar"));
        host = new PluginHost(folder, Duration.ofMillis(250), JarAllowList.of(list));
        host.start();
        assertThat(host.current().ofKind("alpha")).isEmpty();
        assertThat(find("echo-alpha").getReason()).startsWith("unverified: allow list " + list + " unusable (")
                .endsWith("SHA-256 " + JarAllowList.sha256(v1));

        Files.writeString(list, JarAllowList.sha256(v1) + "  ok.jar\nnot-a-hash  x.jar\n");
        assertThat(JarAllowList.of(list).refusal(v1)).contains("line 2 is not '<sha-256 hex>  <name>'");
    }

    @Test
    void offLoadsEveryJar_andTheHashIsWhatSha256sumPrints() throws Exception {
        assertThat(JarAllowList.off().enabled()).isFalse();
        assertThat(JarAllowList.off().refusal(v1)).isNull();
        Process p = new ProcessBuilder("sha256sum", v1.toString()).start();
        String printed = new String(p.getInputStream().readAllBytes()).split("\\s+")[0];
        assertThat(p.waitFor()).isZero();
        assertThat(JarAllowList.sha256(v1)).isEqualTo(printed);
    }

    private PluginState state(String id) {
        PluginInfo i = findOrNull(id);
        return i == null ? null : i.getState();
    }

    private PluginInfo find(String id) {
        PluginInfo i = findOrNull(id);
        assertThat(i).as(id + " in " + host.describe()).isNotNull();
        return i;
    }

    private PluginInfo findOrNull(String id) {
        return host.describe().stream().filter(i -> i.getPluginId().equals(id)).findFirst().orElse(null);
    }
}
