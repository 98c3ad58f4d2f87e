package com.vproptrader.host.memory;

import com.vproptrader.host.background.BackgroundThreads;
import com.vproptrader.host.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live host's long-term store: a {@link TradeStore} (SQLite beside the journal, or PostgreSQL), kept up to date by a
 * {@link JournalIndexer} on its own thread once a second, or sooner once 500 rows of the live journal wait for it
 * ({@link RowsInHand}), so the event loop never waits for it; and the
 * similar-trade index over it, built from the store at start and rebuilt when the store has trades it lacks
 * (at most once a minute: a rebuild over many trades takes seconds).
 */
public final class LongTermMemory implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LongTermMemory.class);

    private final TradeStore store;
    private final JournalIndexer indexer;
    private final ScheduledExecutorService thread;
    private static final long REBUILD_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private volatile SimilarTrades similar;
    private long similarBuiltNanos;

    /** Opens the SQLite store beside the journal; {@link #start} begins indexing (listeners first). */
    public LongTermMemory(Path journalFile) {
        this(journalFile, "");
    }

    /** Opens the store at {@code storeUrl} (a JDBC URL; "" = SQLite beside the journal). */
    public LongTermMemory(Path journalFile, String storeUrl) {
        this.store = storeUrl.isEmpty() ? TradeStore.open(storeBeside(journalFile)) : TradeStore.at(storeUrl);
        log.info("long-term memory: store {}", store.where());
        this.indexer = new JournalIndexer(journalFile, store);
        this.thread = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("long-term-memory"));
    }

    /** Indexes what {@code live} (the journal in {@code journalFile}) commits from its typed records. Before {@link #start}. */
    public void follow(Journal live) {
        indexer.follow(live, () -> {
            try {
                thread.execute(this::catchUp);
            } catch (RejectedExecutionException e) {
                // closing: the last catch-up is queued already
            }
        });
    }

    /** Tells {@code listener} of each trading day that ended (the daily digest). Before {@link #start}. */
    public void onDayClosed(JournalIndexer.DayListener listener) {
        indexer.onDayClosed(listener);
    }

    /**
     * Reads what the journal holds beyond the store now, on the caller's thread, and returns the newest
     * {@code count} closed trades: what a restarting host's short-term memory starts from. Before {@link #start}.
     */
    public java.util.List<ClosedTrade> catchUpAndRecall(int count) {
        indexer.catchUp();
        return store.newestTrades(count);
    }

    public void start() {
        thread.scheduleWithFixedDelay(this::catchUp, 0, 1, TimeUnit.SECONDS);
    }

    /** {@code journal.db} → {@code journal-memory.db}. */
    public static Path storeBeside(Path journalFile) {
        return journalFile.resolveSibling(journalFile.getFileName().toString().replaceFirst("(\\.db)?$", "-memory.db"));
    }

    /** {@code journal.db} → {@code journal-digests/}: the daily digest files. */
    public static Path digestsBeside(Path journalFile) {
        return journalFile.resolveSibling(journalFile.getFileName().toString().replaceFirst("(\\.db)?$", "-digests"));
    }

    public TradeStore store() {
        return store;
    }

    /** The similar-trade index, once the first one is built. */
    public java.util.Optional<SimilarTrades> similarTrades() {
        return java.util.Optional.ofNullable(similar);
    }

    private void catchUp() {
        try {
            indexer.catchUp();
            SimilarTrades current = similar;
            if (current == null || (current.isStale(store) && System.nanoTime() - similarBuiltNanos >= REBUILD_EVERY_NANOS)) {
                similar = SimilarTrades.of(store);
                similarBuiltNanos = System.nanoTime();
            }
        } catch (RuntimeException e) {
            log.warn("long-term memory: indexing the journal failed, retrying in a second: {}", e.toString());
        }
    }

    /**
     * Reads the rest of the journal (call after the journal is flushed or closed), then stops. The last catch-up runs
     * on the indexer's own thread after the one in hand: one indexer and one writer of the store, never two at once
     * (a second catch-up beside a running one found the store locked and skipped the rest). Waits for it to end.
     */
    @Override
    public void close() {
        thread.execute(this::catchUp); // runs after shutdown: only the periodic catch-up is cancelled
        thread.shutdown();
        boolean interrupted = false;
        long started = System.nanoTime();
        while (!thread.isTerminated()) {
            try {
                thread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true; // still wait: the caller closes what the indexer reads once close returns
            }
            if (!thread.isTerminated()) {
                log.info("long-term memory: still indexing the journal's last rows after {} s",
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            }
        }
        store.close(); // the indexer wrote its last rows
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
