package com.vproptrader.host.plugin;

import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.plugin.api.ModelScorer;
import com.vproptrader.plugin.api.SignalFilter;
import java.util.List;

/**
 * An immutable snapshot of what serves now: at most one version per plugin id, ordered by id. Compared by
 * identity: a new snapshot is a swap.
 */
public final class PluginSet {
    public static final PluginSet EMPTY = new PluginSet(List.of(), List.of(), List.of());

    private final List<PluginSlot<AlphaStrategy>> alphas;
    private final List<PluginSlot<SignalFilter>> filters;
    private final List<PluginSlot<ModelScorer>> models;
    /** Built once: every entry the loop journals names the versions that served it. */
    private final List<String> labels;

    public PluginSet(List<PluginSlot<AlphaStrategy>> alphas, List<PluginSlot<SignalFilter>> filters,
                     List<PluginSlot<ModelScorer>> models) {
        this.alphas = List.copyOf(alphas);
        this.filters = List.copyOf(filters);
        this.models = List.copyOf(models);
        List<String> all = new java.util.ArrayList<>();
        this.alphas.forEach(s -> all.add(s.label()));
        this.filters.forEach(s -> all.add(s.label()));
        this.models.forEach(s -> all.add(s.label()));
        this.labels = List.copyOf(all);
    }

    public List<PluginSlot<AlphaStrategy>> alphas() {
        return alphas;
    }

    public List<PluginSlot<SignalFilter>> filters() {
        return filters;
    }

    public List<PluginSlot<ModelScorer>> models() {
        return models;
    }

    /** id@version of every serving plugin: alphas, filters, models, each in call order. */
    public List<String> labels() {
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
