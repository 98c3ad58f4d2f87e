package com.vproptrader.host.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.vproptrader.host.it.PluginJars;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.plugin.PluginSlot;
import com.vproptrader.proto.ModelInput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
    private static final ModelSchema HOST = CandidateFeatures.DEFAULT.schema();
    private static final WalkForward WALK = new WalkForward(3, 30 * 60_000L);
    private final List<LabeledEntry> rows = SyntheticEntries.generate(HOST, 1_200, 21);
    private final long now = rows.get(rows.size() - 1).labelKnownMs() + 60 * 60_000L;
    @TempDir
    Path dir;

    @Test
    void aCandidateThatBeatsTheIncumbentOutOfSampleIsPromotedAndOneThatDoesNotIsRejected() {
        try (ModelRegistry registry = new ModelRegistry(dir.resolve("registry.db"))) {
            ModelPublisher publisher = publisher(registry);
            Retraining retraining = new Retraining(WALK, registry);

            ModelVersion first = retraining.train(HOST, rows, now, ModelRegistryTest::forest);
            assertThat(publisher.consider(first.id(), now).promote()).isTrue();
            ModelVersion noise = retraining.train(HOST, shuffledLabels(rows), now + 1, ModelRegistryTest::forest);
            PromotionPolicy.Verdict verdict = publisher.consider(noise.id(), now + 1);

            assertThat(verdict.promote()).isFalse();
            assertThat(registry.serving()).map(ModelVersion::id).contains(first.id());
            assertThat(registry.find(noise.id()).orElseThrow().state()).isEqualTo(ModelVersion.State.REJECTED);
            ModelVersion served = registry.find(first.id()).orElseThrow();
            assertThat(served.oos().auc()).isGreaterThan(0.7);
            assertThat(served.exportDiff()).isLessThanOrEqualTo(ExportCheck.TOLERANCE);
            assertThat(served.trainToMs()).isLessThan(now - 30 * 60_000L);
            assertThat(served.publishedAs()).isEqualTo("model-tp1@1.0.1");
            assertThat(registry.find(noise.id()).orElseThrow().parent()).isEqualTo(first.id());
            assertThat(registry.events()).extracting(ModelRegistry.Event::action)
                    .containsExactly("register", "promote", "register", "reject");
            assertThat(dir.resolve("plugins/model-tp1-1.0.1.jar")).exists();
        }
    }

    @Test
    void rollbackServesThePreviousVersionAgainThroughThePluginHost() throws Exception {
        try (ModelRegistry registry = new ModelRegistry(dir.resolve("registry.db"));
             PluginHost plugins = new PluginHost(dir.resolve("plugins"), Duration.ofSeconds(1))) {
            ModelPublisher publisher = publisher(registry);
            Retraining retraining = new Retraining(WALK, registry);
            plugins.start();
            ModelVersion a = retraining.train(HOST, rows, now, ModelRegistryTest::forest);
            publisher.consider(a.id(), now);
            ModelVersion b = retraining.train(HOST, rows.subList(0, 900), now,
                    (s, r) -> new BoostedTreesTrainer(new BoostedTreesTrainer.Config(20, 3, 0.1, 20f, 1)).train(s, r));
            publisher.promote(b.id(), "try the boosted trees", now + 1);
            awaitServing(plugins, "model-tp1@1.0.2");

            ModelVersion back = publisher.rollback("worse live", now + 2);

            assertThat(back.id()).isEqualTo(a.id());
            awaitServing(plugins, "model-tp1@1.0.3");
            assertThat(registry.serving()).map(ModelVersion::id).contains(a.id());
            assertThat(registry.find(b.id()).orElseThrow().state()).isEqualTo(ModelVersion.State.RETIRED);
            double[] x = rows.get(100).features();
            ModelInput in = ModelInput.newBuilder().addAllFeatureNames(HOST.names())
                    .addAllFeatures(Arrays.stream(x).boxed().toList()).build();
            double served = plugins.call(plugins.current().models().get(0), m -> m.score(in)).orElseThrow().getProbability();
            try (OnnxRowSession aOnnx = new OnnxRowSession(registry.onnx(a.id()), HOST.size())) {
                assertThat(served).isEqualTo(aOnnx.score(x));
            }
            assertThat(registry.events()).last().satisfies(e -> {
                assertThat(e.action()).isEqualTo("rollback");
                assertThat(e.replaced()).isEqualTo(b.id());
            });
        }
    }

    @Test
    void aFirstVersionHasNothingToRollBackTo() {
        try (ModelRegistry registry = new ModelRegistry(dir.resolve("registry.db"))) {
            ModelPublisher publisher = publisher(registry);
            ModelVersion a = new Retraining(WALK, registry).train(HOST, rows, now, ModelRegistryTest::forest);
            publisher.consider(a.id(), now);

            assertThatThrownBy(() -> publisher.rollback("no", now + 1)).hasMessageContaining("replaced nothing");
        }
    }

    private ModelPublisher publisher(ModelRegistry registry) {
        return new ModelPublisher(registry, new ModelPackager(PluginJars.jar("model-onnx")), dir.resolve("plugins"),
                PromotionPolicy.DEFAULT, HOST.hash());
    }

    private static void awaitServing(PluginHost plugins, String label) {
        await().atMost(Duration.ofSeconds(20)).until(() -> plugins.current().models().stream()
                .map(PluginSlot::label).toList().equals(List.of(label)));
    }

    private static RandomForest forest(ModelSchema schema, List<LabeledEntry> rows) {
        return new ForestTrainer(new ForestTrainer.Config(8, 5, 0.5f, 1)).train(schema, rows);
    }

    private static List<LabeledEntry> shuffledLabels(List<LabeledEntry> rows) {
        SplittableRandom rnd = new SplittableRandom(3);
        return rows.stream().map(e -> new LabeledEntry(e.entryMs(), e.labelKnownMs(), e.features(), rnd.nextBoolean()))
                .toList();
    }
}
