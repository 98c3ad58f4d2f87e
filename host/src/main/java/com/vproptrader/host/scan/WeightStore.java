package com.vproptrader.host.scan;

import java.util.Map;

/** Where the alpha weights survive a restart. */
public interface WeightStore {
    /** Nothing kept: every start begins at weight 1 (tests, tools). */
    WeightStore NONE = new WeightStore() {
        @Override
        public Map<String, Double> load() {
            return Map.of();
        }

        @Override
        public void save(Map<String, Double> weights) {
        }
    };

    Map<String, Double> load();

    /** Replaces the saved weights with these, durably. */
    void save(Map<String, Double> weights);
}
