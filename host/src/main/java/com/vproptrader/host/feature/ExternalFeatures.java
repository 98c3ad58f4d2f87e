package com.vproptrader.host.feature;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Features that come from outside the market data (macro series, headline sentiment: see the macro package),
 * set by their source on the event loop with what is known at the current event, and appended to every
 * symbol's {@link FeatureSet#toMap()}: the ones for all symbols first, then the symbol's own.
 */
public final class ExternalFeatures {
    private final Map<String, Double> all = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> bySymbol = new HashMap<>();

    /** Sets {@code name} for {@code symbol}, or for every symbol when {@code symbol} is null. */
    public void put(String symbol, String name, double value) {
        (symbol == null ? all : bySymbol.computeIfAbsent(symbol, s -> new LinkedHashMap<>())).put(name, value);
    }

    /** The value {@code symbol} sees for {@code name}, NaN when none. */
    public double get(String symbol, String name) {
        Map<String, Double> own = bySymbol.get(symbol);
        Double v = own == null ? null : own.get(name);
        return v != null ? v : all.getOrDefault(name, Double.NaN);
    }

    void appendTo(String symbol, Map<String, Double> features) {
        features.putAll(all);
        Map<String, Double> own = bySymbol.get(symbol);
        if (own != null) {
            features.putAll(own);
        }
    }
}
