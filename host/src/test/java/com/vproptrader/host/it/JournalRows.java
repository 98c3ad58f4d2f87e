package com.vproptrader.host.it;

import com.vproptrader.host.journal.JournalEntry;
import com.vproptrader.host.journal.JournalKinds;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Reads a host's journal file directly, as another process would (WAL allows a reader beside the writer). */
public final class JournalRows {
    private JournalRows() {
    }

    /** The rows of one kind, in journal order; none while the file does not exist yet. */
    public static List<JournalEntry> rows(Path journal, JournalKind kind) {
        if (!journal.toFile().exists()) {
            return List.of();
        }
        return Jdbi.create("jdbc:sqlite:" + journal).withHandle(h -> h.createQuery(
                        "SELECT seq, event_time_msc, kind, symbol, payload, hash FROM journal WHERE kind = :kind ORDER BY seq")
                .bind("kind", JournalKinds.name(kind))
                .map((rs, ctx) -> new JournalEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list());
    }

    /** The typed records of one kind, in journal order. */
    public static List<JournalRecord> records(Path journal, JournalKind kind) {
        return rows(journal, kind).stream().map(JournalEntry::record).toList();
    }

    /** The signal keys the journaled fills answer (fills without a key left out). */
    public static Set<String> fillKeys(Path journal) {
        return records(journal, JournalKind.KIND_FILL).stream().map(r -> r.getFill().getSignalKey())
                .filter(k -> !k.isEmpty()).collect(Collectors.toSet());
    }

    /** The keys of the journaled signals. */
    public static Set<String> signalKeys(Path journal) {
        return records(journal, JournalKind.KIND_SIGNAL).stream().map(r -> r.getSignal().getSignalKey())
                .collect(Collectors.toSet());
    }
}
