package com.vproptrader.marketdata.quality;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable copy of the rejection counters at one moment, safe to hand to another thread (AdminService).
 *
 * @param rejections per symbol, per reason, the number of refused ticks/bars (only reasons with a count > 0)
 * @param accepted   per symbol, the number of accepted ticks
 */
public record FeedQualitySnapshot(Map<String, Map<TickRejection, Long>> rejections, Map<String, Long> accepted) {

    public FeedQualitySnapshot {
        Map<String, Map<TickRejection, Long>> copy = new LinkedHashMap<>();
        rejections.forEach((symbol, byReason) ->
                copy.put(symbol, Collections.unmodifiableMap(byReason.isEmpty()
                        ? new EnumMap<>(TickRejection.class) : new EnumMap<>(byReason))));
        rejections = Collections.unmodifiableMap(copy);
        accepted = Collections.unmodifiableMap(new LinkedHashMap<>(accepted));
    }

    /** Rejections of one symbol for one reason, 0 when none. */
    public long count(String symbol, TickRejection reason) {
        return rejections.getOrDefault(symbol, Map.of()).getOrDefault(reason, 0L);
    }

    /** All rejections of all symbols: AdminService's {@code bad_events}. */
    public long totalRejections() {
        return rejections.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }
}
