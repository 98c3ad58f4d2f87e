package com.vproptrader.host.learn;

import com.vproptrader.host.plugin.PluginHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * When to retrain, in event time, and what becomes of the candidate. Each {@link #onTime} call looks at the
 * training rows known so far and does at most one step:
 * <ol>
 *   <li>a candidate that has run as shadow for {@link Config#shadowMs} is judged: promoted when its
 *       out-of-sample metrics beat the serving version's by the policy's margin ({@link ModelPublisher#consider}),
 *       else rejected; its shadow JAR is removed either way;</li>
 *   <li>otherwise a retrain is due when {@link Config#intervalMs} has passed since the last one (scheduled), or
 *       when the rows entered since the serving version's training window have drifted from that window (PSI of
 *       a feature or the autoencoder's error ratio over {@link Config#drift}); the new version is registered as a
 *       candidate and dropped into the shadow folder, where it scores the same candidates as the serving model
 *       and never trades.</li>
 * </ol>
 * State lives in the registry (the last registration, the candidate's shadow event), so a restart continues.
 * Owned by the {@link LearningDesk}, which serialises it with the operator's commands.
 */
public final class RetrainLoop {
    /**
     * @param intervalMs    event time between scheduled retrains
     * @param shadowMs      event time a candidate runs as shadow before it is judged
     * @param minRows       trainable rows (outcome known a purge ago) needed to train at all
     * @param minRecentRows rows after the serving window needed before drift is judged
     * @param drift         PSI and autoencoder-error thresholds that trigger a retrain
     */
    public record Config(long intervalMs, long shadowMs, int minRows, int minRecentRows, DriftMonitor.Thresholds drift) {
        public static final Config DEFAULT = new Config(7 * 86_400_000L, 3_600_000L, 300, 50,
                DriftMonitor.Thresholds.DEFAULT);

        /**
         * From system properties, each defaulting to {@link #DEFAULT}'s value: {@code learn.retrain.every} and
         * {@code learn.shadow.for} (ISO-8601 durations, e.g. PT168H), {@code learn.min.rows},
         * {@code learn.min.recent.rows}, {@code learn.drift.psi}, {@code learn.drift.error.ratio}.
         */
        public static Config fromSystemProperties() {
            return new Config(
                    java.time.Duration.parse(System.getProperty("learn.retrain.every", "PT168H")).toMillis(),
                    java.time.Duration.parse(System.getProperty("learn.shadow.for", "PT1H")).toMillis(),
                    Integer.getInteger("learn.min.rows", DEFAULT.minRows()),
                    Integer.getInteger("learn.min.recent.rows", DEFAULT.minRecentRows()),
                    new DriftMonitor.Thresholds(
                            Double.parseDouble(System.getProperty("learn.drift.psi", "" + DEFAULT.drift().psi())),
                            Double.parseDouble(System.getProperty("learn.drift.error.ratio",
                                    "" + DEFAULT.drift().errorRatio()))));
        }

        public Config {
            if (intervalMs <= 0 || shadowMs < 0 || minRows < 10 || minRecentRows < 10) {
                throw new IllegalArgumentException("interval > 0, shadow >= 0, minRows and minRecentRows >= 10 needed");
            }
        }
    }

    private final Config config;
    private final ModelSchema schema;
    private final ModelRegistry registry;
    private final Retraining retraining;
    private final WalkForward walk;
    private final ModelPublisher publisher;
    private final ModelPackager packager;
    private final PluginHost plugins;
    private final Path shadowDir;
    private final BiFunction<ModelSchema, List<LabeledEntry>, ? extends ProbabilityModel> trainer;

    public RetrainLoop(Config config, ModelSchema schema, ModelRegistry registry, WalkForward walk,
                       ModelPublisher publisher, ModelPackager packager, PluginHost plugins, Path pluginDir,
                       BiFunction<ModelSchema, List<LabeledEntry>, ? extends ProbabilityModel> trainer) {
        this.config = config;
        this.schema = schema;
        this.registry = registry;
        this.walk = walk;
        this.retraining = new Retraining(walk, registry);
        this.publisher = publisher;
        this.packager = packager;
        this.plugins = plugins;
        this.shadowDir = pluginDir.resolve(PluginHost.SHADOW_FOLDER);
        this.trainer = trainer;
    }

    /** One step at event time {@code nowMs} over the rows known so far; returns what it did ("" = nothing due). */
    public String onTime(long nowMs, List<LabeledEntry> entries) {
        Optional<ModelRegistry.Event> shadow = lastShadow();
        if (shadow.isPresent()) {
            ModelVersion v = registry.find(shadow.get().version()).orElseThrow();
            if (v.state() == ModelVersion.State.CANDIDATE) {
                return nowMs - shadow.get().atMs() >= config.shadowMs() ? judge(v.id(), nowMs) : "";
            }
            // an operator decided it meanwhile (promoted or not): its shadow run is over
            plugins.withdrawShadow(ModelProbability.PLUGIN_ID, shadowJarName(v.id()), "shadow run ended: " + v.state());
        }
        String why = whyRetrain(nowMs, entries);
        if (why.isEmpty() || walk.trainableAt(entries, nowMs).size() < config.minRows()) {
            return "";
        }
        ModelVersion v = retraining.train(schema, entries, nowMs, trainer);
        String label = dropAsShadow(v);
        registry.note(v.id(), "shadow", why + "; runs as shadow " + label, nowMs);
        return "retrained " + v.id() + " (" + why + "), shadow " + label;
    }

    private String judge(String id, long nowMs) {
        PromotionPolicy.Verdict verdict = publisher.consider(id, nowMs);
        String outcome = (verdict.promote() ? "promoted " : "rejected ") + id + ": " + verdict.reason();
        plugins.withdrawShadow(ModelProbability.PLUGIN_ID, shadowJarName(id), "shadow run ended, " + outcome);
        return outcome;
    }

    /** "" when no retrain is due; else why one is. */
    private String whyRetrain(long nowMs, List<LabeledEntry> entries) {
        Optional<Long> last = registry.events().stream().filter(e -> e.action().equals("register"))
                .map(ModelRegistry.Event::atMs).reduce((a, b) -> b);
        if (last.isEmpty() || nowMs - last.get() >= config.intervalMs()) {
            return "scheduled";
        }
        Optional<ModelVersion> serving = registry.serving();
        if (serving.isEmpty()) {
            return "";
        }
        long from = serving.get().trainFromMs();
        long to = serving.get().trainToMs();
        // only rows no version has trained on yet: a drift already answered by a retrain does not retrain again
        long seen = registry.versions().stream().mapToLong(ModelVersion::trainToMs).max().orElse(to);
        List<double[]> window = new ArrayList<>();
        List<double[]> since = new ArrayList<>();
        for (LabeledEntry e : entries) {
            if (e.entryMs() >= from && e.labelKnownMs() <= to) {
                window.add(e.features());
            } else if (e.entryMs() > seen) {
                since.add(e.features());
            }
        }
        if (window.size() < config.minRows() || since.size() < config.minRecentRows()) {
            return "";
        }
        DriftMonitor.Report report = new DriftMonitor(schema, window, Autoencoder.train(window,
                Autoencoder.Config.DEFAULT), config.drift()).check(since);
        if (!report.drifted()) {
            return "";
        }
        registry.recordDrift(serving.get().id(), report, nowMs);
        return "drift: " + report.reason();
    }

    /** The last version dropped as shadow whose shadow run has not been ended yet. */
    private Optional<ModelRegistry.Event> lastShadow() {
        return registry.events().stream().filter(e -> e.action().equals("shadow")).reduce((a, b) -> b)
                .filter(e -> java.nio.file.Files.exists(shadowDir.resolve(shadowJarName(e.version())))
                        || registry.find(e.version()).map(v -> v.state() == ModelVersion.State.CANDIDATE).orElse(false));
    }

    private String dropAsShadow(ModelVersion v) {
        String version = shadowVersion(v.id());
        try {
            packager.write(shadowDir, ModelProbability.PLUGIN_ID, version, registry.schema(v.id()), v.family(),
                    registry.onnx(v.id()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop " + v.id() + " as shadow", e);
        }
        return ModelProbability.PLUGIN_ID + "@" + version;
    }

    /** The shadow's plugin version: its registry number, so two candidates never share a JAR name. */
    private static String shadowVersion(String id) {
        return "0." + id.substring(id.lastIndexOf('-') + 1) + ".0";
    }

    private static String shadowJarName(String id) {
        return ModelProbability.PLUGIN_ID + "-" + shadowVersion(id) + ".jar";
    }
}
