package com.vproptrader.host.it;

import com.google.protobuf.util.JsonFormat;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Signal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Reads a host's journal file directly, as another process would (WAL allows a reader beside the writer). */
public final class JournalRows {
    private JournalRows() {
    }

    /** The payloads of one kind, in journal order; none while the file does not exist yet. */
    public static List<String> rows(Path journal, String kind) {
        if (!journal.toFile().exists()) {
            return List.of();
        }
        return Jdbi.create("jdbc:sqlite:" + journal).withHandle(h -> h.createQuery(
                        "SELECT payload FROM journal WHERE kind = :kind ORDER BY seq")
                .bind("kind", kind).mapTo(String.class).list());
    }

    /** The signal keys the journaled fills answer (fills without a key left out). */
    public static Set<String> fillKeys(Path journal) {
        return rows(journal, "fill").stream().map(json -> {
            Fill.Builder b = Fill.newBuilder();
            merge(json, b);
            return b.getSignalKey();
        }).filter(k -> !k.isEmpty()).collect(Collectors.toSet());
    }

    /** The keys of the journaled signals. */
    public static Set<String> signalKeys(Path journal) {
        return rows(journal, "signal").stream().map(json -> {
            Signal.Builder b = Signal.newBuilder();
            merge(json, b);
            return b.getSignalKey();
        }).collect(Collectors.toSet());
    }

    private static void merge(String json, com.google.protobuf.Message.Builder b) {
        try {
            JsonFormat.parser().merge(json, b);
        } catch (Exception e) {
            throw new AssertionError("journal payload is not its kind's JSON: " + json, e);
        }
    }
}
