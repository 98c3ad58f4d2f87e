package com.vproptrader.sim.data;

import com.vproptrader.proto.Tick;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * INVENTED ticks of several symbols at once, merged in time order (ties: the order given): one
 * {@link SyntheticTicks} per symbol, each with its own seed (the first symbol keeps {@code seed}, so a
 * one-symbol market is exactly {@code SyntheticTicks(seed, symbol)}), {@code countPerSymbol} ticks each.
 */
public final class SyntheticMarket implements Iterator<Tick> {
    private final List<SyntheticTicks> sources = new ArrayList<>();
    private final Tick[] heads;

    public SyntheticMarket(long seed, List<SymbolProfile> symbols, long countPerSymbol) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("no symbols");
        }
        heads = new Tick[symbols.size()];
        for (int i = 0; i < symbols.size(); i++) {
            SyntheticTicks t = new SyntheticTicks(i == 0 ? seed : seed * 31 + symbols.get(i).symbol().hashCode(),
                    symbols.get(i), countPerSymbol);
            sources.add(t);
            heads[i] = t.hasNext() ? t.next() : null;
        }
    }

    /** The given names (comma-separated) with their {@link SymbolProfile}s. */
    public static SyntheticMarket of(long seed, String symbols, long countPerSymbol) {
        List<SymbolProfile> profiles = new ArrayList<>();
        for (String s : symbols.split(",")) {
            if (!s.isBlank()) {
                profiles.add(SymbolProfile.of(s.trim()));
            }
        }
        return new SyntheticMarket(seed, profiles, countPerSymbol);
    }

    @Override
    public boolean hasNext() {
        for (Tick h : heads) {
            if (h != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Tick next() {
        int best = -1;
        for (int i = 0; i < heads.length; i++) {
            if (heads[i] != null && (best < 0 || heads[i].getTimeMsc() < heads[best].getTimeMsc())) {
                best = i;
            }
        }
        if (best < 0) {
            throw new NoSuchElementException();
        }
        Tick out = heads[best];
        heads[best] = sources.get(best).hasNext() ? sources.get(best).next() : null;
        return out;
    }
}
