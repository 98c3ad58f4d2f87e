package com.vproptrader.host.feature;

import com.vproptrader.proto.SymbolRegime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When the classifier last changed each symbol's regime: the close time of the bar whose classification differed
 * from the one before (broker server time), the regime it left and how many changes the symbol has seen. Written by
 * the {@link FeatureEngine} on the event loop at each closed bar; read for the admin snapshot on the same thread.
 * Time in regime is then a fact of the classifier, not of when a reader happened to look.
 */
public final class RegimeHistory {
    private final Map<String, SymbolRegime> now = new TreeMap<>();

    /** The classifier's regime of {@code symbol} after the bar that closed at {@code closeMsc}. */
    void onBar(String symbol, Regime regime, long closeMsc) {
        SymbolRegime was = now.get(symbol);
        if (was != null && was.getRegime().equals(regime.name())) {
            return;
        }
        SymbolRegime.Builder changed = SymbolRegime.newBuilder().setSymbol(symbol).setRegime(regime.name())
                .setSinceMsc(closeMsc);
        if (was != null) {
            changed.setPreviousRegime(was.getRegime()).setChanges(was.getChanges() + 1);
        }
        now.put(symbol, changed.build());
    }

    /** Each symbol's regime now, since when and what it was before, by symbol. */
    public List<SymbolRegime> toProto() {
        return new ArrayList<>(now.values());
    }
}
