package com.vproptrader.host.learn;

import com.vproptrader.host.feature.FeatureSet;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.plugin.PluginSet;
import com.vproptrader.host.plugin.PluginSlot;
import com.vproptrader.host.plugin.ShadowCompare;
import com.vproptrader.plugin.api.ModelScorer;
import com.vproptrader.proto.ModelInput;
import com.vproptrader.proto.ModelOutput;
import com.vproptrader.proto.Side;
import java.util.Optional;

/**
 * The decision path's view of the serving model: P(TP1 before SL) for one candidate, from the version of the
 * model plugin {@value #PLUGIN_ID} serving in this event's plugin set. Empty when no model serves, the
 * features are not warm yet, or the call failed (the plugin host then quarantines that version).
 * Event-loop thread.
 */
public final class ModelProbability {
    /** The plugin id the learning loop publishes the promoted "TP1 before SL" model under. */
    public static final String PLUGIN_ID = "model-tp1";

    private final PluginHost plugins;
    private final CandidateFeatures candidates;

    public ModelProbability(PluginHost plugins, CandidateFeatures candidates) {
        this.plugins = plugins;
        this.candidates = candidates;
    }

    /** Shadow and serving probabilities within this of each other count as agreeing. */
    static final double AGREE_WITHIN = 0.05;

    /**
     * @param shadows how shadow model versions' answers on the same input are journaled beside the serving one's
     */
    public Optional<ModelOutput> modelProbability(PluginSet set, FeatureSet features, Side side, double alphaStrength,
                                                  ShadowCompare<ModelOutput> shadows) {
        PluginSlot<ModelScorer> slot = serving(set);
        if (slot == null) {
            return Optional.empty();
        }
        Optional<ModelInput> input = candidates.input(features, side, alphaStrength);
        if (input.isEmpty()) {
            return Optional.empty();
        }
        return plugins.call(slot, m -> m.score(input.get()), shadows)
                .filter(out -> out.getProbability() >= 0 && out.getProbability() <= 1);
    }

    public static boolean agree(ModelOutput shadow, ModelOutput serving) {
        return Math.abs(shadow.getProbability() - serving.getProbability()) <= AGREE_WITHIN;
    }

    /** {@code id@version} of the serving model version in {@code set}, "" when none serves. */
    public static String servingLabel(PluginSet set) {
        PluginSlot<ModelScorer> slot = serving(set);
        return slot == null ? "" : slot.label();
    }

    private static PluginSlot<ModelScorer> serving(PluginSet set) {
        for (PluginSlot<ModelScorer> m : set.models()) {
            if (m.pluginId().equals(PLUGIN_ID)) {
                return m;
            }
        }
        return null;
    }
}
