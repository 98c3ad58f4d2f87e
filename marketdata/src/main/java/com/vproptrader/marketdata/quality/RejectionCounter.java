package com.vproptrader.marketdata.quality;

import com.vproptrader.marketdata.PerSymbol;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts accepted and rejected events per symbol and reason; allocation-free on the hot path. */
public final class RejectionCounter {
    private static final int REASONS = TickRejection.values().length;

    private static final class Counts {
        final long[] byReason = new long[REASONS];
        long accepted;
    }

    private final PerSymbol<Counts> counts = new PerSymbol<>(s -> new Counts());

    public void accepted(String symbol) {
        counts.get(symbol).accepted++;
    }

    public void rejected(String symbol, TickRejection reason) {
        counts.get(symbol).byReason[reason.ordinal()]++;
    }

    public FeedQualitySnapshot snapshot() {
        Map<String, Map<TickRejection, Long>> rejections = new LinkedHashMap<>();
        Map<String, Long> accepted = new LinkedHashMap<>();
        counts.view().forEach((symbol, c) -> {
            Map<TickRejection, Long> byReason = new EnumMap<>(TickRejection.class);
            for (int r = 0; r < REASONS; r++) {
                if (c.byReason[r] > 0) {
                    byReason.put(TickRejection.ofOrdinal(r), c.byReason[r]);
                }
            }
            rejections.put(symbol, byReason);
            accepted.put(symbol, c.accepted);
        });
        return new FeedQualitySnapshot(rejections, accepted);
    }
}
