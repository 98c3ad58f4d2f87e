package com.vproptrader.host.plugin;

import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.plugin.api.ModelScorer;
import com.vproptrader.plugin.api.SignalFilter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The versions serving now, at most one per plugin id, published as one immutable {@link View} behind a
 * single volatile field: the event loop reads it once per event, so a swap lands between two events.
 */
final class Catalog {

    /** What the event loop sees, plus the lookups call() needs; never mutated after publication. */
    record View(PluginSet set, Map<Object, LoadedVersion.Bound> byExtension, Map<String, LoadedVersion> byId) {

        /**
         * The extension a slot should run on: its own while that version serves, otherwise the same kind
         * (same class if there are several) of the version now serving that plugin id, so a slot from an
         * older snapshot never reaches an unloaded version and its event still gets an answer.
         */
        LoadedVersion.Bound resolve(PluginSlot<?> slot) {
            LoadedVersion.Bound own = byExtension.get(slot.extension());
            if (own != null) {
                return own;
            }
            LoadedVersion now = byId.get(slot.pluginId());
            if (now == null) {
                return null;
            }
            LoadedVersion.Bound sameKind = null;
            for (LoadedVersion.Bound b : now.bounds()) {
                if (b.kind().label.equals(slot.kind())) {
                    if (b.extension().getClass().getName().equals(slot.extension().getClass().getName())) {
                        return b;
                    }
                    sameKind = sameKind == null ? b : sameKind;
                }
            }
            return sameKind;
        }
    }

    private final Map<String, LoadedVersion> serving = new TreeMap<>(); // guarded by this
    private volatile View view = build(Map.of());

    View view() {
        return view;
    }

    synchronized LoadedVersion serving(String pluginId) {
        return serving.get(pluginId);
    }

    synchronized List<LoadedVersion> all() {
        return List.copyOf(serving.values());
    }

    /** Makes {@code next} serve its plugin id; returns the version it replaced (now not serving), or null. */
    synchronized LoadedVersion activate(LoadedVersion next) {
        next.serving(true);
        LoadedVersion previous = serving.put(next.manifest.pluginId(), next);
        view = build(serving);
        // Only after the new view is out: a call that finds the old version not serving must find the new
        // view when it looks again (volatile order), or it would answer nothing for that event.
        if (previous != null) {
            previous.serving(false);
        }
        return previous;
    }

    /** Stops {@code version} serving; false if it was not serving (already replaced or withdrawn). */
    synchronized boolean withdraw(LoadedVersion version) {
        if (!serving.remove(version.manifest.pluginId(), version)) {
            return false;
        }
        view = build(serving);
        version.serving(false); // after the view, as in activate
        return true;
    }

    synchronized List<LoadedVersion> clear() {
        List<LoadedVersion> out = List.copyOf(serving.values());
        serving.clear();
        view = build(serving);
        out.forEach(v -> v.serving(false));
        return out;
    }

    private static View build(Map<String, LoadedVersion> serving) {
        List<PluginSlot<AlphaStrategy>> alphas = new ArrayList<>();
        List<PluginSlot<SignalFilter>> filters = new ArrayList<>();
        List<PluginSlot<ModelScorer>> models = new ArrayList<>();
        Map<Object, LoadedVersion.Bound> byExtension = new IdentityHashMap<>();
        for (LoadedVersion v : serving.values()) {
            for (LoadedVersion.Bound b : v.bounds()) {
                byExtension.put(b.extension(), b);
                String id = v.manifest.pluginId();
                String version = v.manifest.version();
                switch (b.kind()) {
                    case ALPHA -> alphas.add(new PluginSlot<>(id, version, b.kind().label, (AlphaStrategy) b.extension()));
                    case FILTER -> filters.add(new PluginSlot<>(id, version, b.kind().label, (SignalFilter) b.extension()));
                    case MODEL -> models.add(new PluginSlot<>(id, version, b.kind().label, (ModelScorer) b.extension()));
                }
            }
        }
        return new View(new PluginSet(alphas, filters, models), byExtension, Map.copyOf(serving));
    }
}
