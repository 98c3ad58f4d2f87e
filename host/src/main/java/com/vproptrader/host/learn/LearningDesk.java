package com.vproptrader.host.learn;

import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.proto.CalibrationBin;
import com.vproptrader.proto.DriftPoint;
import com.vproptrader.proto.Learning;
import com.vproptrader.proto.ModelEvent;
import com.vproptrader.proto.ModelVersionInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * The host's learning loop as operators see it: the model registry, what promotes and rolls back, and shadow
 * promotion. Owns the registry (one SQLite file beside the journal); every method is synchronized because
 * gRPC threads call it. Publishing needs the model plugin template at {@code <plugin folder>/}{@value #TEMPLATE}
 * (the plugin host does not scan subfolders); without it the view still works and the commands say why not.
 */
public final class LearningDesk implements AutoCloseable {
    /** Where the model-onnx template JAR is looked for, relative to the plugin folder. */
    public static final String TEMPLATE = "templates/model-onnx.jar";

    private final ModelRegistry registry;
    private final PluginHost plugins;
    private final ModelPublisher publisher; // null when the template is missing
    private final RetrainLoop retrain;      // null when the template is missing
    private final String cannotPublish;
    private final LongSupplier clock;

    public LearningDesk(Path registryFile, Path pluginDir, PluginHost plugins, LongSupplier wallClockMs) {
        this.registry = new ModelRegistry(registryFile);
        this.plugins = plugins;
        this.clock = wallClockMs;
        Path template = pluginDir.resolve(TEMPLATE);
        if (Files.isRegularFile(template)) {
            publisher = new ModelPublisher(registry, new ModelPackager(template), pluginDir,
                    new PromotionPolicy(Double.parseDouble(System.getProperty("learn.promotion.min.auc.gain",
                            "" + PromotionPolicy.DEFAULT.minAucGain()))),
                    CandidateFeatures.DEFAULT.schema().hash());
            retrain = new RetrainLoop(RetrainLoop.Config.fromSystemProperties(), CandidateFeatures.DEFAULT.schema(),
                    registry, new WalkForward(3, 30 * 60_000L), publisher, new ModelPackager(template), plugins,
                    pluginDir, (s, rows) -> new ForestTrainer(ForestTrainer.Config.DEFAULT).train(s, rows));
            cannotPublish = "";
        } else {
            publisher = null;
            retrain = null;
            cannotPublish = "no model plugin template at " + template;
        }
    }

    /** The registry, for the learning loop that trains into it (same owner). */
    public synchronized ModelRegistry registry() {
        return registry;
    }

    public synchronized ModelPublisher publisher() {
        if (publisher == null) {
            throw new IllegalStateException(cannotPublish);
        }
        return publisher;
    }

    /** Read-only copy of the registry. */
    public synchronized Learning view() {
        Learning.Builder b = Learning.newBuilder().setCannotPublish(cannotPublish);
        for (ModelVersion v : registry.versions()) {
            ModelVersionInfo.Builder i = ModelVersionInfo.newBuilder().setId(v.id()).setFamily(v.family())
                    .setState(v.state().name()).setOosAuc(v.oos().auc()).setOosLogLoss(v.oos().logLoss())
                    .setOosBrier(v.oos().brier()).setOosRows(v.oos().rows()).setTrainFromMs(v.trainFromMs())
                    .setTrainToMs(v.trainToMs()).setTrainRows(v.trainRows()).setParent(v.parent())
                    .setPublishedAs(v.publishedAs()).setReason(v.reason()).setExportDiff(v.exportDiff())
                    .setSchemaHash(v.schemaHash()).setWfTrades(v.walkForward().trades())
                    .setWfPnlR(v.walkForward().pnlR()).setWfSharpe(v.walkForward().sharpe())
                    .setWfWinRate(v.walkForward().winRate());
            registry.calibration(v.id()).forEach(c -> i.addCalibration(CalibrationBin.newBuilder()
                    .setPredicted(c.predicted()).setObserved(c.observed()).setCount(c.count())));
            b.addVersions(i);
        }
        registry.events().forEach(e -> b.addEvents(ModelEvent.newBuilder().setAtMs(e.atMs()).setAction(e.action())
                .setVersion(e.version()).setReplaced(e.replaced()).setDetail(e.detail())));
        registry.drift().forEach(d -> b.addDrift(DriftPoint.newBuilder().setAtMs(d.atMs()).setVersion(d.version())
                .setMaxPsi(d.maxPsi()).setWorstFeature(d.worstFeature()).setErrorRatio(d.errorRatio())
                .setDrifted(d.drifted())));
        return b.build();
    }

    /**
     * One step of the retrain loop at event time {@code nowMs} over the memory's training rows (a scheduled or
     * drift-triggered retrain into shadow, or the judgement of the candidate in shadow); "" when nothing was due
     * or no template is installed.
     */
    public synchronized String retrain(long nowMs, java.util.List<LabeledEntry> rows) {
        return retrain == null ? "" : retrain.onTime(nowMs, rows);
    }

    /** The operator's promotion of a candidate; returns what now serves. */
    public synchronized String promote(String version, String note) {
        publisher().promote(version, note, clock.getAsLong());
        return registry.serving().orElseThrow().publishedAs();
    }

    /** One step back; returns the version serving again. */
    public synchronized String rollback(String note) {
        return publisher().rollback(note, clock.getAsLong()).id();
    }

    /** Makes the shadow of a plugin serve; returns its label. */
    public String promoteShadow(String pluginId) {
        return plugins.promoteShadow(pluginId);
    }

    @Override
    public synchronized void close() {
        registry.close();
    }
}
