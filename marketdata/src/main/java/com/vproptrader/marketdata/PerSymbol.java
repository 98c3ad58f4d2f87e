package com.vproptrader.marketdata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Per-symbol state keyed by symbol name, with a one-entry cache in front of the map: replay files and
 * bursts of live ticks usually repeat the same symbol, so most lookups are a reference compare.
 * Insertion-ordered so iteration (snapshots, correlation columns) is deterministic. Not thread-safe:
 * it belongs to the event loop.
 */
public final class PerSymbol<T> {
    private final Map<String, T> bySymbol = new LinkedHashMap<>();
    private final Function<String, T> factory;
    private String lastSymbol;
    private T lastState;

    public PerSymbol(Function<String, T> factory) {
        this.factory = factory;
    }

    /** The state of {@code symbol}, created on first sight. */
    public T get(String symbol) {
        if (symbol == lastSymbol) {
            return lastState;
        }
        T state = bySymbol.get(symbol);
        if (state == null) {
            state = factory.apply(symbol);
            bySymbol.put(symbol, state);
        }
        lastSymbol = symbol;
        lastState = state;
        return state;
    }

    /** The state of {@code symbol} or null if never seen. */
    public T find(String symbol) {
        return symbol == lastSymbol ? lastState : bySymbol.get(symbol);
    }

    /** Forgets {@code symbol}'s state: the next {@link #get} creates it afresh. */
    public void remove(String symbol) {
        bySymbol.remove(symbol);
        if (symbol.equals(lastSymbol)) {
            lastSymbol = null;
            lastState = null;
        }
    }

    public Map<String, T> view() {
        return Collections.unmodifiableMap(bySymbol);
    }
}
