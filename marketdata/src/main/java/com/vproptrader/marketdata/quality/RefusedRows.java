package com.vproptrader.marketdata.quality;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a file the validator refused, per reason: how many, and the line numbers of the first few so a
 * user can open the file at them (and tune {@link ValidationConfig} when a refusal was a genuine move).
 * Not thread-safe: it belongs to whoever reads the file.
 */
public final class RefusedRows {
    /** Line numbers kept per reason. */
    public static final int FIRST_LINES = 5;

    private final Map<TickRejection, Long> counts = new EnumMap<>(TickRejection.class);
    private final Map<TickRejection, List<Long>> firstLines = new EnumMap<>(TickRejection.class);

    /** Records a refusal of the row at {@code line} (0 when the row has no line: generated data). */
    public void refused(TickRejection reason, long line) {
        counts.merge(reason, 1L, Long::sum);
        List<Long> lines = firstLines.computeIfAbsent(reason, r -> new ArrayList<>(FIRST_LINES));
        if (line > 0 && lines.size() < FIRST_LINES) {
            lines.add(line);
        }
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(TickRejection reason) {
        return counts.getOrDefault(reason, 0L);
    }

    /** The first {@link #FIRST_LINES} line numbers refused for {@code reason}, in file order. */
    public List<Long> firstLines(TickRejection reason) {
        return List.copyOf(firstLines.getOrDefault(reason, List.of()));
    }

    /** One line per reason, e.g. {@code ABSURD_JUMP 14 (lines 812, 9051, ...)}; empty when nothing was refused. */
    public List<String> report() {
        List<String> out = new ArrayList<>();
        counts.forEach((reason, n) -> {
            List<Long> lines = firstLines.get(reason);
            String where = lines.isEmpty() ? "" : " (line" + (lines.size() > 1 ? "s " : " ")
                    + String.join(", ", lines.stream().map(String::valueOf).toList())
                    + (n > lines.size() ? ", ..." : "") + ")";
            out.add(reason + " " + n + where);
        });
        return out;
    }
}
