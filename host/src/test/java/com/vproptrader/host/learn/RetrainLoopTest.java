package com.vproptrader.host.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vproptrader.host.it.PluginJars;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.plugin.PluginSlot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainLoopTest {
    private static final ModelSchema HOST = CandidateFeatures.DEFAULT.schema();
    private static final WalkForward WALK = new WalkForward(3, 30 * 60_000L);
    private static final long HOUR = 3_600_000L;
    private static final RetrainLoop.Config CONFIG = new RetrainLoop.Config(7 * 24 * HOUR, HOUR, 300, 100,
            DriftMonitor.Thresholds.DEFAULT);
    @TempDir
    Path dir;

    @Test
    void scheduledRetrain_runsAsShadow_thenIsPromotedByTheMargin_aDriftedFeedRetrainsAgain_andRollbackIsOneStep()
            throws Exception {
        List<LabeledEntry> calm = SyntheticEntries.generate(HOST, 1_200, 21);
        long t0 = calm.get(calm.size() - 1).labelKnownMs() + HOUR;
        try (ModelRegistry registry = new ModelRegistry(dir.resolve("registry.db"));
             PluginHost plugins = new PluginHost(dir.resolve("plugins"), Duration.ofSeconds(1))) {
            plugins.start();
            RetrainLoop lenient = loop(registry, plugins, new PromotionPolicy(0.01));
            RetrainLoop strict = loop(registry, plugins, new PromotionPolicy(0.45));

            // nothing trained yet: the schedule is due; the candidate runs as shadow, not serving
            assertThat(lenient.onTime(t0, calm)).startsWith("retrained tp1-1 (scheduled), shadow model-tp1@0.1.0");
            awaitLabels(plugins, p -> p.shadows().models(), List.of("model-tp1@0.1.0"));
            assertThat(plugins.current().models()).isEmpty();
            assertThat(lenient.onTime(t0 + HOUR / 2, calm)).as("still inside its shadow hour").isEmpty();

            // after its shadow hour: judged against chance + 0.01 out of sample, promoted, shadow withdrawn
            assertThat(lenient.onTime(t0 + HOUR, calm)).startsWith("promoted tp1-1: OOS AUC");
            awaitLabels(plugins, p -> p.current().models(), List.of("model-tp1@1.0.1"));
            awaitLabels(plugins, p -> p.shadows().models(), List.of());

            // more of the same market after its window: no drift, and the week is not over
            List<LabeledEntry> sameMarket = append(calm, SyntheticEntries.generate(HOST, 400, 5), t0 + 2 * HOUR, 0);
            long t1 = sameMarket.get(sameMarket.size() - 1).labelKnownMs() + HOUR;
            assertThat(strict.onTime(t1, sameMarket)).isEmpty();

            // a drifted feed: the first feature moved by 4 standard deviations
            List<LabeledEntry> drifted = append(sameMarket, SyntheticEntries.generate(HOST, 400, 9), t1, 4.0);
            long t2 = drifted.get(drifted.size() - 1).labelKnownMs() + HOUR;
            String retrain = strict.onTime(t2, drifted);
            assertThat(retrain).startsWith("retrained tp1-2 (drift: ").contains(HOST.names().get(0) + " PSI");
            assertThat(registry.drift()).anySatisfy(d -> assertThat(d.drifted()).isTrue());
            awaitLabels(plugins, p -> p.shadows().models(), List.of("model-tp1@0.2.0"));
            assertThat(strict.onTime(t2 + 1, drifted)).as("the drift is being answered: no second retrain").isEmpty();

            // judged with a margin of 0.45 AUC over the incumbent: not promoted, the incumbent keeps serving
            assertThat(strict.onTime(t2 + HOUR, drifted)).startsWith("rejected tp1-2: OOS AUC");
            assertThat(registry.find("tp1-2").orElseThrow().state()).isEqualTo(ModelVersion.State.REJECTED);
            awaitLabels(plugins, p -> p.shadows().models(), List.of());
            assertThat(registry.serving()).map(ModelVersion::id).contains("tp1-1");

            // the walk-forward trading replay of each version is in the registry
            WalkForwardTrading wf = registry.find("tp1-1").orElseThrow().walkForward();
            assertThat(wf.trades()).isPositive();
            assertThat(wf.winRate()).isBetween(0.0, 1.0);

            // an operator promotes the next drift candidate while it runs as shadow; rollback is one step back
            List<LabeledEntry> moreDrift = append(drifted, SyntheticEntries.generate(HOST, 200, 13), t2 + HOUR, 4.0);
            long t3 = moreDrift.get(moreDrift.size() - 1).labelKnownMs() + HOUR;
            assertThat(strict.onTime(t3, moreDrift)).startsWith("retrained tp1-3 (drift: ");
            publisher(registry, new PromotionPolicy(0.45)).promote("tp1-3", "operator: trade the new market", t3 + 1);
            assertThat(strict.onTime(t3 + 2, moreDrift)).isEmpty();
            awaitLabels(plugins, p -> p.shadows().models(), List.of());
            awaitLabels(plugins, p -> p.current().models(), List.of("model-tp1@1.0.2"));

            ModelVersion back = publisher(registry, new PromotionPolicy(0.45)).rollback("worse live", t3 + 3);

            assertThat(back.id()).isEqualTo("tp1-1");
            awaitLabels(plugins, p -> p.current().models(), List.of("model-tp1@1.0.3"));
            assertThat(registry.events()).extracting(ModelRegistry.Event::action).containsExactly(
                    "register", "shadow", "promote", "register", "shadow", "reject", "register", "shadow", "promote",
                    "rollback");
        }
    }

    private RetrainLoop loop(ModelRegistry registry, PluginHost plugins, PromotionPolicy policy) {
        return new RetrainLoop(CONFIG, HOST, registry, WALK, publisher(registry, policy),
                new ModelPackager(PluginJars.jar("model-onnx")), plugins, dir.resolve("plugins"),
                (s, r) -> new ForestTrainer(new ForestTrainer.Config(8, 5, 0.5f, 1)).train(s, r));
    }

    private ModelPublisher publisher(ModelRegistry registry, PromotionPolicy policy) {
        return new ModelPublisher(registry, new ModelPackager(PluginJars.jar("model-onnx")), dir.resolve("plugins"),
                policy, HOST.hash());
    }

    /** {@code more} moved to start at {@code fromMs} (same spacing), its first feature shifted by {@code shift}. */
    private static List<LabeledEntry> append(List<LabeledEntry> rows, List<LabeledEntry> more, long fromMs, double shift) {
        List<LabeledEntry> out = new ArrayList<>(rows);
        long base = more.get(0).entryMs();
        for (LabeledEntry e : more) {
            double[] x = e.features();
            x[0] += shift;
            out.add(new LabeledEntry(fromMs + e.entryMs() - base, fromMs + e.labelKnownMs() - base, x, e.tp1First()));
        }
        return out;
    }

    private static void awaitLabels(PluginHost plugins, Function<PluginHost, List<? extends PluginSlot<?>>> slots,
                                    List<String> labels) {
        await().atMost(Duration.ofSeconds(30)).until(() -> slots.apply(plugins).stream().map(PluginSlot::label).toList()
                .equals(labels));
    }
}
