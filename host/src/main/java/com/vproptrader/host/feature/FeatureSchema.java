package com.vproptrader.host.feature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names and positions of the feature vector, fixed by the {@link FeatureConfig} (e.g. "ema_20", "rv_30"). A
 * model plugin's feature schema refers to these names; slot indices are stable for one config.
 */
public final class FeatureSchema {
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    int add(String name) {
        if (index.containsKey(name)) {
            throw new IllegalArgumentException("duplicate feature " + name);
        }
        index.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    /** Slot of {@code name}, or -1. */
    public int indexOf(String name) {
        return index.getOrDefault(name, -1);
    }

    public String name(int slot) {
        return names.get(slot);
    }

    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    public int size() {
        return names.size();
    }
}
