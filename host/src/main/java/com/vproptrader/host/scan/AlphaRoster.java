package com.vproptrader.host.scan;

import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.plugin.PluginSlot;
import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.proto.AlphaNeeds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What each serving alpha version declared in {@link AlphaStrategy#needs()}, asked once per version through the
 * guarded call (a version that fails to answer is quarantined like on any call, and counts as needing nothing).
 * A declared feature the host does not compute is reported once, so a typo in a plugin shows in the journal.
 */
final class AlphaRoster {
    private final PluginHost plugins;
    private final Set<String> knownFeatures;
    private final Consumer<String> report;
    private final Map<String, AlphaNeeds> byLabel = new HashMap<>();
    /** The same answers by slot instance: a scan looks each due alpha up without building its label. */
    private final Map<PluginSlot<AlphaStrategy>, AlphaNeeds> bySlot = new java.util.IdentityHashMap<>();

    AlphaRoster(PluginHost plugins, Set<String> knownFeatures, Consumer<String> report) {
        this.plugins = plugins;
        this.knownFeatures = Set.copyOf(knownFeatures);
        this.report = report;
    }

    AlphaNeeds needs(PluginSlot<AlphaStrategy> alpha) {
        AlphaNeeds slotKnown = bySlot.get(alpha);
        if (slotKnown != null) {
            return slotKnown;
        }
        AlphaNeeds known = byLabel.get(alpha.label());
        if (known != null) {
            bySlot.put(alpha, known);
            return known;
        }
        AlphaNeeds needs = plugins.call(alpha, AlphaStrategy::needs).orElse(AlphaNeeds.getDefaultInstance());
        for (String f : needs.getFeaturesList()) {
            if (!knownFeatures.contains(f)) {
                report.accept(alpha.label() + " reads feature '" + f + "' that the host does not compute (yet): "
                        + "it will see it absent");
            }
        }
        byLabel.put(alpha.label(), needs);
        bySlot.put(alpha, needs);
        return needs;
    }

    /** The most bars any of {@code alphas} needs, whether any needs peers, and every feature they declared. */
    Demand demand(List<PluginSlot<AlphaStrategy>> alphas) {
        int bars = 0;
        boolean peers = false;
        Set<String> features = Set.of();
        for (PluginSlot<AlphaStrategy> a : alphas) {
            AlphaNeeds n = needs(a);
            bars = Math.max(bars, n.getBars());
            peers |= n.getPeers();
            if (n.getFeaturesCount() > 0) {
                features = features.isEmpty() ? new java.util.LinkedHashSet<>() : features;
                features.addAll(n.getFeaturesList());
            }
        }
        return new Demand(bars, peers, java.util.Collections.unmodifiableSet(features));
    }

    /** @param features the feature names the scan's input carries (those its alphas declared; often none) */
    record Demand(int bars, boolean peers, Set<String> features) {
    }
}
