package com.vproptrader.host.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Puts registered versions into service. Publishing writes the version as the next plugin version of
 * {@value ModelProbability#PLUGIN_ID} into the plugin folder (one atomic file move); the plugin host swaps it in
 * between two events, so a promotion or a rollback takes effect at an event boundary and no event sees half of
 * it. The registry records the change in the same step (one transaction), after the JAR is in place.
 */
public final class ModelPublisher {
    private final ModelRegistry registry;
    private final ModelPackager packager;
    private final Path pluginDir;
    private final PromotionPolicy policy;
    private final String hostSchemaHash;

    /**
     * @param hostSchemaHash the schema the host's event loop sends: a version trained on another is rejected
     *                       here rather than refused later by the plugin host
     */
    public ModelPublisher(ModelRegistry registry, ModelPackager packager, Path pluginDir, PromotionPolicy policy,
                          String hostSchemaHash) {
        this.registry = registry;
        this.packager = packager;
        this.pluginDir = pluginDir;
        this.policy = policy;
        this.hostSchemaHash = hostSchemaHash;
    }

    /** Promotes the candidate if its out-of-sample metrics beat the serving version's by the policy's margin. */
    public PromotionPolicy.Verdict consider(String candidateId, long atMs) {
        ModelVersion c = candidate(candidateId);
        if (!c.schemaHash().equals(hostSchemaHash)) {
            var v = new PromotionPolicy.Verdict(false, "trained on schema " + c.schemaHash() + ", the host sends "
                    + hostSchemaHash);
            registry.reject(candidateId, v.reason(), atMs);
            return v;
        }
        var verdict = policy.judge(c.oos(), registry.serving().map(ModelVersion::oos).orElse(null));
        if (verdict.promote()) {
            publish(c.id(), "promote", verdict.reason(), atMs);
        } else {
            registry.reject(candidateId, "not better out of sample: " + verdict.reason(), atMs);
        }
        return verdict;
    }

    /** The operator's promotion: serves the candidate whatever the policy says (journaled as such). */
    public void promote(String candidateId, String operatorNote, long atMs) {
        candidate(candidateId);
        publish(candidateId, "promote", "by operator: " + operatorNote, atMs);
    }

    /** Serves again the version the serving one replaced; one step back. */
    public ModelVersion rollback(String note, long atMs) {
        ModelVersion now = registry.serving().orElseThrow(() -> new IllegalStateException("no model serves"));
        Optional<String> back = registry.replacedByServing();
        if (back.isEmpty()) {
            throw new IllegalStateException(now.id() + " replaced nothing: there is no version to roll back to");
        }
        publish(back.get(), "rollback", "from " + now.id() + ": " + note, atMs);
        return registry.find(back.get()).orElseThrow();
    }

    private ModelVersion candidate(String id) {
        ModelVersion c = registry.find(id).orElseThrow(() -> new IllegalArgumentException("no model version " + id));
        if (c.state() != ModelVersion.State.CANDIDATE) {
            throw new IllegalStateException(id + " is " + c.state() + ", not a candidate");
        }
        return c;
    }

    private void publish(String id, String action, String detail, long atMs) {
        String pluginVersion = "1.0." + (registry.publications() + 1);
        ModelVersion v = registry.find(id).orElseThrow();
        try {
            packager.write(pluginDir, ModelProbability.PLUGIN_ID, pluginVersion, registry.schema(id), v.family(),
                    registry.onnx(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + id + "; nothing changed", e);
        }
        registry.markServing(id, ModelProbability.PLUGIN_ID + "@" + pluginVersion, action, detail, atMs);
    }
}
