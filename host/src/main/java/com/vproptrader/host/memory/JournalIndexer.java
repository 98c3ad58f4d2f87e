package com.vproptrader.host.memory;

import com.vproptrader.host.journal.CommittedRow;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.journal.JournalEntry;
import com.vproptrader.host.journal.JournalKinds;
import com.vproptrader.host.journal.RecordText;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.FillSource;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Fills the {@link TradeStore} from the decision journal: the same rows in the same order always give the
 * same store, so the store can be deleted and rebuilt at any time. Closed trades come from the same
 * {@link TradeTracker} the event loop uses. Reads the journal file through its own connection (SQLite WAL
 * lets it read while the journal writes). One thread calls {@link #catchUp()}.
 */
public final class JournalIndexer {
    private static final Logger log = LoggerFactory.getLogger(JournalIndexer.class);
    /** Journal kinds that are decisions of the loop, kept with their text in the store. */
    static final Set<JournalKind> DECISIONS = EnumSet.of(JournalKind.KIND_CANDIDATE, JournalKind.KIND_VETO,
            JournalKind.KIND_SIZING, JournalKind.KIND_SIGNAL, JournalKind.KIND_CLOSE, JournalKind.KIND_EXPIRED,
            JournalKind.KIND_PAUSE, JournalKind.KIND_RESUME, JournalKind.KIND_REJECT);
    private static final int CHUNK = 5000;
    private static final Set<String> KINDS = kinds();

    private final Jdbi journal;
    private final TradeStore store;
    private final TradeTracker tracker = new TradeTracker();
    /** The similar-trade samples of entry rows, from the trades this indexer stored. */
    private final RecentTrades recent = new RecentTrades(2 * StoreRows.SIMILAR_AMONG);
    /** Versions (component, name, version) written to the store: each once. */
    private final Set<String> versionsWritten = new HashSet<>();
    private final List<Consumer<ClosedTrade>> listeners = new ArrayList<>();
    private final List<DayListener> dayListeners = new ArrayList<>();
    private final RowsInHand inHand = new RowsInHand(KINDS);
    /** Rows up to here only rebuild the tracker's open positions: the store already has them. */
    private final long alreadyStored;
    private long readTo;

    public JournalIndexer(Path journalFile, TradeStore store) {
        this.journal = Jdbi.create("jdbc:sqlite:" + journalFile.toAbsolutePath() + "?open_mode=1");
        this.store = store;
        this.alreadyStored = store.indexedSeq();
    }

    /** Called (on the indexer's thread) with each trade the store newly records. */
    public void onTradeStored(Consumer<ClosedTrade> listener) {
        listeners.add(listener);
    }

    /** Called (on the indexer's thread) when a trading day [startMsc, endMsc) has ended and its trades are stored. */
    public interface DayListener {
        void dayClosed(long startMsc, long endMsc);
    }

    public void onDayClosed(DayListener listener) {
        dayListeners.add(listener);
    }

    /** Reads every journal row not yet read; returns how many trades closed. */
    public int catchUp() {
        return catchUpTo(Long.MAX_VALUE);
    }

    /**
     * Takes the rows a live journal hands over at each commit ({@link RowsInHand}), so that what it wrote is indexed
     * from its typed records; any stretch not handed over is read from the file. {@code catchUpSoon} is called (on the
     * journal's writer thread; it must not wait) when enough rows are held that the caller should catch up now.
     * Before the first catch-up.
     */
    public void follow(Journal live, Runnable catchUpSoon) {
        inHand.onBacklog(catchUpSoon);
        live.onCommit(inHand);
    }

    /** Reads the journal rows not yet read up to row {@code maxSeq}; returns how many trades closed. */
    public int catchUpTo(long maxSeq) {
        int closed = 0;
        while (true) {
            RowsInHand.Taken next = inHand.take(readTo, maxSeq, CHUNK);
            if (next == null && !inHand.caughtUp(readTo)) {
                next = fromFile(maxSeq);
            }
            if (next == null) {
                return closed;
            }
            closed += apply(next.rows(), next.through());
        }
    }

    /**
     * The next rows from the file: up to where the rows held in hand start (every row before a commit held was
     * committed before it), else up to {@code maxSeq}; null when there are none.
     */
    private RowsInHand.Taken fromFile(long maxSeq) {
        long held = inHand.oldestAfterSeq();
        long bound = held > readTo ? Math.min(maxSeq, held) : maxSeq;
        List<JournalEntry> entries = journal.withHandle(h -> h.createQuery("SELECT seq, event_time_msc, kind, symbol, "
                        + "payload FROM journal WHERE seq > :from AND seq <= :to AND kind IN (<kinds>) ORDER BY seq LIMIT :n")
                .bind("from", readTo).bind("to", bound).bindList("kinds", List.copyOf(KINDS)).bind("n", CHUNK)
                .map((rs, ctx) -> new JournalEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), ""))
                .list());
        List<CommittedRow> rows = new ArrayList<>(entries.size());
        for (JournalEntry entry : entries) {
            try {
                rows.add(new CommittedRow(entry.seq(), entry.eventTimeMsc(), entry.kind(), entry.symbol(), entry.payload(),
                        entry.record()));
            } catch (IllegalArgumentException e) {
                log.warn("journal row {} ({}) skipped: {}", entry.seq(), entry.kind(), e.getMessage());
            }
        }
        long lastRead = entries.isEmpty() ? readTo : entries.get(entries.size() - 1).seq();
        if (entries.size() < CHUNK && bound == held) {
            return new RowsInHand.Taken(rows, held); // the stretch before the rows in hand is read
        }
        return entries.isEmpty() ? null : new RowsInHand.Taken(rows, lastRead);
    }

    /** Applies rows read through journal row {@code through}; returns how many trades closed. */
    private int apply(List<CommittedRow> rows, long through) {
        List<ClosedTrade> stored = new ArrayList<>();
        List<long[]> days = new ArrayList<>();
        if (through <= alreadyStored || rows.isEmpty()) {
            rows.forEach(r -> apply(r, null, stored, days));
        } else {
            try {
                store.write(through, h -> {
                    try (StoreRows.Chunk w = new StoreRows.Chunk(h)) {
                        rows.forEach(r -> apply(r, r.seq() > alreadyStored ? w : null, stored, days));
                    }
                });
            } catch (RuntimeException e) {
                recent.forget(); // what it held of this write was rolled back
                versionsWritten.clear();
                throw e;
            }
        }
        readTo = through;
        stored.forEach(t -> listeners.forEach(l -> l.accept(t)));
        days.forEach(d -> dayListeners.forEach(l -> l.dayClosed(d[0], d[1])));
        return stored.size();
    }

    /** The kind columns of the rows this indexer reads: the decisions, entries, fills, hellos and day resets. */
    private static Set<String> kinds() {
        Set<JournalKind> kinds = EnumSet.copyOf(DECISIONS);
        kinds.addAll(List.of(JournalKind.KIND_ENTRY, JournalKind.KIND_FILL, JournalKind.KIND_HELLO,
                JournalKind.KIND_DAY_RESET));
        return kinds.stream().map(JournalKinds::name).collect(Collectors.toUnmodifiableSet());
    }

    /** Applies one row to the tracker and, when {@code w} is not null, to the store. */
    private void apply(CommittedRow r, StoreRows.Chunk w, List<ClosedTrade> stored, List<long[]> days) {
        try {
            JournalRecord record = r.record();
            if (record == null) {
                throw new IllegalArgumentException("the journal could not print its record");
            }
            switch (record.getBodyCase()) {
                case HELLO -> tracker.onHello(record.getHello().getPositionsList());
                case ENTRY -> {
                    EntryContext entry = EntryRecords.context(record.getEntry());
                    tracker.onSignal(entry);
                    if (w != null) {
                        StoreRows.entry(w, entry, recent, versionsWritten);
                    }
                }
                case FILL -> {
                    Fill fill = record.getFill();
                    Optional<ClosedTrade> closed = record.getFillSource() == FillSource.FILL_SOURCE_TERMINAL_HISTORY
                            ? tracker.onRecoveredFill(fill) : tracker.onFill(fill);
                    if (w != null) {
                        StoreRows.fill(w, r.seq(), fill);
                        closed.ifPresent(t -> {
                            StoreRows.trade(w, r.seq(), t);
                            recent.stored(w.handle(), t.positionId());
                            stored.add(t);
                        });
                    }
                }
                case DAY_RESET -> {
                    if (w != null) {
                        long start = record.getDayReset().getPreviousStartMsc();
                        long end = record.getDayReset().getNewStartMsc();
                        StoreRows.tradingDay(w, start);
                        StoreRows.tradingDay(w, end);
                        days.add(new long[] {start, end});
                    }
                }
                default -> {
                    if (w != null) {
                        StoreRows.decision(w, r.seq(), r.eventTimeMsc(), r.kind(), r.symbol(),
                                RecordText.of(record, r.payload()));
                    }
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // A row this store cannot read is skipped with its seq, never stops the rest.
            log.warn("journal row {} ({}) skipped: {}", r.seq(), r.kind(), e.getMessage());
        }
    }

}
