package com.vproptrader.host.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vproptrader.host.it.PluginJars;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.plugin.PluginSlot;
import com.vproptrader.plugin.api.ModelScorer;
import com.vproptrader.proto.ModelInput;
import com.vproptrader.proto.ModelOutput;
import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.PluginState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trained model, packed as a plugin JAR, loaded by the real plugin host and served by ONNX Runtime. */
class ModelPluginTest {
    private static final ModelSchema HOST = CandidateFeatures.DEFAULT.schema();
    @TempDir
    Path dir;
    private PluginHost plugins;

    @AfterEach
    void close() {
        if (plugins != null) {
            plugins.close();
        }
    }

    @Test
    void aPackedForestServesThroughThePluginHostAndAnswersAsTheJavaModel() throws Exception {
        List<LabeledEntry> rows = SyntheticEntries.generate(HOST, 1_500, 3);
        RandomForest forest = new ForestTrainer(new ForestTrainer.Config(20, 6, 0.5f, 1)).train(HOST, rows.subList(0, 1_000));
        Path folder = dir.resolve("plugins");
        packager().write(folder, ModelProbability.PLUGIN_ID, "1.0.0", HOST, forest.family(), forest.onnx());

        plugins = new PluginHost(folder, Duration.ofSeconds(1));
        plugins.start();

        assertThat(plugins.current().models()).extracting(PluginSlot::label).containsExactly("model-tp1@1.0.0");
        PluginSlot<ModelScorer> slot = plugins.current().models().get(0);
        double worst = 0;
        for (LabeledEntry e : rows.subList(1_000, 1_500)) {
            ModelInput in = ModelInput.newBuilder().addAllFeatureNames(HOST.names()).addAllFeatures(
                    java.util.Arrays.stream(e.features()).boxed().toList()).build();
            ModelOutput out = plugins.call(slot, m -> m.score(in)).orElseThrow();
            assertThat(out.getModelVersion()).isEqualTo("model-tp1@1.0.0");
            worst = Math.max(worst, Math.abs(out.getProbability() - forest.probability(e.features())));
        }
        assertThat(worst).isLessThanOrEqualTo(ExportCheck.TOLERANCE);
    }

    @Test
    void aModelTrainedOnAnotherFeatureVectorIsRefusedAtLoadAndTheServingOneStays() throws Exception {
        Path folder = dir.resolve("plugins");
        RandomForest good = new ForestTrainer(new ForestTrainer.Config(5, 4, 0.5f, 1))
                .train(HOST, SyntheticEntries.generate(HOST, 500, 4));
        packager().write(folder, ModelProbability.PLUGIN_ID, "1.0.0", HOST, good.family(), good.onnx());
        plugins = new PluginHost(folder, Duration.ofSeconds(1));
        plugins.start();

        RandomForest other = new ForestTrainer(new ForestTrainer.Config(5, 4, 0.5f, 1))
                .train(SyntheticEntries.SCHEMA, SyntheticEntries.generate(500, 4));
        packager().write(folder, ModelProbability.PLUGIN_ID, "1.1.0", SyntheticEntries.SCHEMA, other.family(), other.onnx());

        await().atMost(Duration.ofSeconds(20)).until(() -> state("1.1.0") == PluginState.QUARANTINED);
        PluginInfo refused = info("1.1.0");
        assertThat(refused.getReason()).contains("feature schema mismatch").contains(SyntheticEntries.SCHEMA.hash())
                .contains(HOST.hash());
        assertThat(plugins.current().models()).extracting(PluginSlot::label).containsExactly("model-tp1@1.0.0");
    }

    private static ModelPackager packager() {
        return new ModelPackager(PluginJars.jar("model-onnx"));
    }

    private PluginState state(String version) {
        PluginInfo i = info(version);
        return i == null ? null : i.getState();
    }

    private PluginInfo info(String version) {
        return plugins.describe().stream().filter(p -> p.getVersion().equals(version)).findFirst().orElse(null);
    }
}
