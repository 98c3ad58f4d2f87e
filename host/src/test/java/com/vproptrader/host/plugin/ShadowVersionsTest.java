package com.vproptrader.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.AlphaOutput;
import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.PluginState;
import com.vproptrader.proto.Tick;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A version dropped as shadow sees the serving version's inputs, is journaled beside it, and never answers. */
class ShadowVersionsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    @TempDir
    static Path work;
    static Path v1;
    static Path v2;
    static Path v2Sells;
    static Path v2ThrowsOnPoison;

    @TempDir
    Path folder;
    PluginHost host;
    final List<String> journal = new ArrayList<>();

    @BeforeAll
    static void buildPlugins() throws IOException {
        v1 = TestPluginJar.version("1.0.0").buildInto(work);
        v2 = TestPluginJar.version("2.0.0").buildInto(work);
        v2Sells = TestPluginJar.version("2.0.0").onEveryCall("if (in.getTick().getTimeMsc() > 100) { return "
                + "AlphaOutput.newBuilder().setDirection(Side.SELL).setStrength(0.9).setReason(\"sell\").build(); }")
                .buildInto(work);
        v2ThrowsOnPoison = TestPluginJar.version("2.0.0").onPoison("throw new IllegalStateException(\"poisoned\");")
                .buildInto(work);
    }

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aShadowSeesTheServingInputAndIsJournaledBesideItWithoutAnsweringForIt() throws Exception {
        start(v1, v2Sells);

        Optional<AlphaOutput> early = evaluate("EURUSD", 50);
        Optional<AlphaOutput> late = evaluate("EURUSD", 500);

        assertThat(early.orElseThrow().getReason()).isEqualTo("1.0.0 50");
        assertThat(late.orElseThrow().getReason()).isEqualTo("1.0.0 500"); // the shadow's SELL never comes out
        assertThat(journal).containsExactly(
                "echo-alpha@2.0.0 BUY 0.5 | serving echo-alpha@1.0.0 BUY 0.5 | agree",
                "echo-alpha@2.0.0 SELL 0.9 | serving echo-alpha@1.0.0 BUY 0.5 | differ");
        PluginInfo shadow = info("2.0.0");
        assertThat(shadow.getShadow()).isTrue();
        assertThat(shadow.getState()).isEqualTo(PluginState.ACTIVE);
        assertThat(shadow.getShadowCompared()).isEqualTo(2);
        assertThat(shadow.getShadowAgreed()).isEqualTo(1);
        assertThat(info("1.0.0").getShadow()).isFalse();
    }

    @Test
    void aFailingShadowIsQuarantinedAndTheServingAnswerStands() throws Exception {
        start(v1, v2ThrowsOnPoison);

        Optional<AlphaOutput> out = evaluate("POISON", 10);

        assertThat(out.orElseThrow().getReason()).isEqualTo("1.0.0 10");
        assertThat(journal).singleElement().asString().contains("no answer").endsWith("| differ");
        await().atMost(PATIENCE).until(() -> info("2.0.0").getState() == PluginState.QUARANTINED);
        assertThat(host.shadows().alphas()).isEmpty();
    }

    @Test
    void promotingAShadowMakesItServeAndEndsItsShadowRun() throws Exception {
        start(v1, v2);

        assertThat(host.promoteShadow(TestPluginJar.ID)).isEqualTo("echo-alpha@2.0.0");

        await().atMost(PATIENCE).until(() -> host.current().alphas().stream().map(PluginSlot::label).toList()
                .equals(List.of("echo-alpha@2.0.0")));
        assertThat(host.shadows().alphas()).isEmpty();
        assertThat(folder.resolve(PluginHost.SHADOW_FOLDER)).isEmptyDirectory();
        assertThat(evaluate("EURUSD", 7).orElseThrow().getReason()).isEqualTo("2.0.0 7");
        assertThat(host.describe()).filteredOn(PluginInfo::getShadow).singleElement()
                .satisfies(i -> assertThat(i.getState()).isEqualTo(PluginState.RETIRED));
    }

    @Test
    void aShadowNoNewerThanTheServingVersionCannotBePromoted() throws Exception {
        start(v2, v1);

        assertThatThrownBy(() -> host.promoteShadow(TestPluginJar.ID))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not newer than the serving");
        assertThat(host.current().alphas()).extracting(PluginSlot::label).containsExactly("echo-alpha@2.0.0");
    }

    private void start(Path serving, Path shadow) throws IOException {
        Files.copy(serving, folder.resolve("echo-alpha.jar"));
        Path shadows = Files.createDirectories(folder.resolve(PluginHost.SHADOW_FOLDER));
        Files.copy(shadow, shadows.resolve("echo-alpha.jar"));
        host = new PluginHost(folder, Duration.ofMillis(250));
        host.start();
        await().atMost(PATIENCE).until(() -> host.shadows().alphas().size() == 1 && host.current().alphas().size() == 1);
    }

    private Optional<AlphaOutput> evaluate(String symbol, long timeMsc) {
        AlphaInput in = AlphaInput.newBuilder().setTick(Tick.newBuilder().setSymbol(symbol).setTimeMsc(timeMsc)
                .setBid(1.1).setAsk(1.1001)).build();
        PluginSlot<AlphaStrategy> slot = host.current().alphas().get(0);
        return host.call(slot, a -> a.evaluate(in), new ShadowCompare<>((x, y) -> x.getDirection() == y.getDirection(),
                o -> o.getDirection() + " " + o.getStrength(), journal::add));
    }

    private PluginInfo info(String version) {
        return host.describe().stream().filter(p -> p.getVersion().equals(version)).findFirst().orElseThrow();
    }
}
