package com.vproptrader.host.engine;

import com.vproptrader.proto.VetoCount;
import com.vproptrader.proto.VetoSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Candidates blocked since the host started, by source and reason code: the one count behind both the
 * vetoes counter and its breakdown on the Compliance page, so the two always agree. Event-loop thread only.
 */
final class VetoTally {
    private final Map<VetoSource, Map<String, Long>> counts = new TreeMap<>();
    private long total;

    void count(VetoSource source, String code) {
        counts.computeIfAbsent(source, s -> new TreeMap<>()).merge(code, 1L, Long::sum);
        total++;
    }

    long total() {
        return total;
    }

    List<VetoCount> toProto() {
        List<VetoCount> out = new ArrayList<>();
        counts.forEach((source, byCode) -> byCode.forEach((code, n) ->
                out.add(VetoCount.newBuilder().setSource(source).setCode(code).setCount(n).build())));
        return out;
    }
}
