package com.vproptrader.host.plugin;

import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.plugin.api.ModelScorer;
import com.vproptrader.plugin.api.SignalFilter;
import java.util.List;

/** An immutable snapshot of what serves now: at most one version per plugin id, ordered by id. */
public record PluginSet(List<PluginSlot<AlphaStrategy>> alphas,
                        List<PluginSlot<SignalFilter>> filters,
                        List<PluginSlot<ModelScorer>> models) {
    public static final PluginSet EMPTY = new PluginSet(List.of(), List.of(), List.of());

    public PluginSet {
        alphas = List.copyOf(alphas);
        filters = List.copyOf(filters);
        models = List.copyOf(models);
    }

    /** id@version of every serving plugin: alphas, filters, models, each in call order. */
    public List<String> labels() {
        List<String> labels = new java.util.ArrayList<>();
        alphas.forEach(s -> labels.add(s.label()));
        filters.forEach(s -> labels.add(s.label()));
        models.forEach(s -> labels.add(s.label()));
        return labels;
    }

    /** The slots of one kind ("alpha", "filter" or "model"). */
    public List<? extends PluginSlot<?>> ofKind(String kind) {
        return switch (kind) {
            case "alpha" -> alphas;
            case "filter" -> filters;
            case "model" -> models;
            default -> List.of();
        };
    }
}
