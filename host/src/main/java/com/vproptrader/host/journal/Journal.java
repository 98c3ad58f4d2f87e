package com.vproptrader.host.journal;

import com.vproptrader.host.background.BackgroundThreads;
import com.vproptrader.proto.InputRun;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Append-only, hash-chained journal of inbound events and decisions in SQLite (WAL).
 *
 * <p>Appends are queued and written by one writer thread in batched transactions, so the event loop does not
 * wait for the disk; {@link #flush()} waits until everything appended so far is committed. A live journal's writer
 * runs under SCHED_IDLE: a woken thread of the path takes its core at once. Should the cores stay busy so long that
 * {@link #LIVE_MAX_QUEUED} rows wait, an append waits for room: the loop does not trade beyond what the journal
 * records, and the core it leaves goes to the writer. Rows carry event
 * time only (never the wall clock), so replaying the same events yields the same rows and the same hashes.
 */
public final class Journal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final String GENESIS = Chain.GENESIS;
    private static final int MAX_BATCH = 2048;
    /** Rows kept in memory while the journal cannot write (~0.3 KiB each): about 30 MiB at the cap. */
    private static final int MAX_HELD = 100_000;
    private static final long RETRY_PAUSE_MS = 100;
    /** How long the writer keeps its connection once rows stop coming (a replay's writer often catches up). */
    private static final long IDLE_CLOSE_MS = 20;
    /**
     * The longest a live journal's writer waits after a first row before it commits. A tick's decision appends
     * several rows, and each wake-up and commit of the writer cost about as much CPU as the rows it wrote: at a tick a
     * millisecond, a 1 ms wait committed one exchange at a time, at twice the writer's CPU per exchange of a busy
     * stream, and its wake-ups fell in the middle of the next exchange (LinkLatencyBench). The loop never waits for
     * the writer; a flush wakes it.
     */
    static final long GROUP_COMMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** The shortest wait: a busy stream's rows arrive within it. */
    static final long MIN_GROUP_COMMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /**
     * Rows a commit aims at. The wait follows the rows' rate so a commit holds about this many: a writer's run of some
     * 0.5 ms. A fixed 10 ms wait let a back-to-back stream gather hundreds of rows, written in runs of milliseconds of
     * a core the path needed, and its p99 doubled.
     */
    static final int GROUP_ROWS = 64;
    /**
     * Rows a live journal's writer prints and hashes before it lets a waiting thread have its core: a run of 64 rows
     * holds a core for about half a millisecond, and the kernel lets a running thread keep its slice, so a woken
     * thread of the path waited behind it (LinkLatencyBench's p99). A yield costs next to nothing when nobody waits.
     * Under SCHED_IDLE a woken thread takes the core anyway; the yield is for a writer that could not leave the normal
     * priority.
     */
    static final int YIELD_ROWS = 8;
    /**
     * Rows a live journal holds for its writer before an append waits (~0.3 KiB each: about 30 MiB). At a tick a
     * millisecond and seven rows a tick that is 14 s of a writer that got no core at all.
     */
    static final int LIVE_MAX_QUEUED = 100_000;
    /** Records a paced journal packs into one input run. */
    static final int RUN_CAP = 64;

    private final String url;
    private final Jdbi jdbi;
    /** The writer's own connection and statements, prepared once (writer thread only; null until the first write). */
    private Connection writeConnection;
    private PreparedStatement insert;
    private PreparedStatement updateHead;
    private final BlockingQueue<Object> queue;
    /** Records per input run; 0 in a live journal, which writes every record as its own row. */
    private final int runCap;
    /** A live journal's longest wait for more rows before a commit ({@link #GROUP_COMMIT_NANOS}); 0 in a paced one. */
    private final long groupCommitNanos;
    /** The writer's next wait, from the rows' recent rate (writer thread only). */
    private long groupWaitNanos;
    /** The input run being filled (guarded by itself), queued when full or when any other row comes. */
    private final List<JournalRecord> run = new ArrayList<>();
    private long runEventTimeMsc;
    private final Thread writer;
    private final Chain chain = new Chain();
    private long lastSeq;
    private String lastHash;
    private volatile boolean closed;
    private volatile String writeFailure = "";
    /** Rows a failed write could not commit, written first by the next one (writer thread only). */
    private final List<Pending> held = new ArrayList<>();
    /** Rows beyond {@link #MAX_HELD} while the journal could not write (writer thread only). */
    private long lost;
    private final List<CommitListener> commitListeners = new CopyOnWriteArrayList<>();

    /** Told of the rows of each commit, in journal order, on the writer's thread right after the commit. */
    public interface CommitListener {
        /**
         * Rows {@code afterSeq + 1 … afterSeq + rows.size()} are committed. Runs on the writer's thread: hand the rows
         * on, never wait.
         */
        void committed(long afterSeq, List<CommittedRow> rows);
    }

    /** A row waiting for the writer, which renders its record. */
    private record Pending(long eventTimeMsc, String kind, String symbol, JournalRecord record) {
        /** The record's payload text, or null when it cannot be printed. */
        String json() {
            try {
                return JournalKinds.json(record);
            } catch (RuntimeException e) { // one unprintable row must not roll back the batch around it
                log.error("journal row of kind {} cannot be printed, journaled as unprintable", kind, e);
                return null;
            }
        }
    }

    private record FlushMarker(CountDownLatch done) {
    }

    private Journal(Path file, int maxQueued, int runCap, long groupCommitNanos) {
        queue = new LinkedBlockingQueue<>(maxQueued);
        this.runCap = runCap;
        this.groupCommitNanos = groupCommitNanos;
        this.groupWaitNanos = groupCommitNanos;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot open journal " + file + ": " + e.getMessage(), e);
        }
        // Pragmas in the URL apply to every connection. In WAL mode synchronous=NORMAL survives a process crash;
        // only an OS crash or power cut can lose the last committed batch.
        url = "jdbc:sqlite:" + file.toAbsolutePath() + "?journal_mode=WAL&synchronous=NORMAL";
        jdbi = Jdbi.create(url);
        jdbi.useHandle(h -> {
            h.execute("PRAGMA journal_mode=WAL");
            h.execute("""
                    CREATE TABLE IF NOT EXISTS journal (
                      seq INTEGER PRIMARY KEY,
                      event_time_msc INTEGER NOT NULL,
                      kind TEXT NOT NULL,
                      symbol TEXT NOT NULL,
                      payload TEXT NOT NULL,
                      hash TEXT NOT NULL)""");
            h.execute("CREATE INDEX IF NOT EXISTS journal_kind ON journal(kind)");
            // The last row written, kept in the same transaction as the rows: a journal cut short after its
            // last commit no longer matches it, which the chain alone could not show.
            h.execute("CREATE TABLE IF NOT EXISTS journal_head (id INTEGER PRIMARY KEY CHECK (id = 1), "
                    + "seq INTEGER NOT NULL, hash TEXT NOT NULL)");
            h.execute("INSERT OR IGNORE INTO journal_head(id, seq, hash) SELECT 1, coalesce(max(seq), 0), "
                    + "coalesce((SELECT hash FROM journal ORDER BY seq DESC LIMIT 1), '" + GENESIS + "') FROM journal");
        });
        JournalEntry last = jdbi.withHandle(h -> h.createQuery(
                        "SELECT seq, event_time_msc, kind, symbol, payload, hash FROM journal ORDER BY seq DESC LIMIT 1")
                .map((rs, ctx) -> new JournalEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .findOne().orElse(null));
        lastSeq = last == null ? 0 : last.seq();
        lastHash = last == null ? GENESIS : last.hash();
        writer = new Thread(this::writeLoop, "journal-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Opens (or creates) the journal in {@code file}; an existing journal is continued, chain included. */
    public static Journal open(Path file) {
        return open(file, GROUP_COMMIT_NANOS);
    }

    /** As {@link #open}, with the writer waiting up to {@code groupCommitNanos} for more rows before a commit. */
    static Journal open(Path file, long groupCommitNanos) {
        return open(file, groupCommitNanos, LIVE_MAX_QUEUED);
    }

    /** As {@link #open(Path, long)}, an append waiting while {@code maxQueued} rows wait for the writer. */
    static Journal open(Path file, long groupCommitNanos, int maxQueued) {
        return new Journal(file, maxQueued, 0, groupCommitNanos);
    }

    /**
     * As {@link #open}, for a loop that may wait for the disk (a replay): {@link #append} waits while
     * {@code maxQueued} rows are waiting for the writer. The rows in memory stay few, so they die young instead
     * of being copied from one garbage collection to the next when the loop runs ahead of the writer. Consecutive
     * ticks and account reports are packed into input runs ({@link InputRuns}) of up to 64 records: a row each
     * would cost a replay more than its decisions do.
     */
    public static Journal openPaced(Path file, int maxQueued) {
        return new Journal(file, maxQueued, RUN_CAP, 0);
    }

    /**
     * Queues a typed record; returns at once. Its kind is the case of its body; it is rendered to JSON on the
     * writer thread, so the event loop pays for neither the text nor the disk.
     */
    public void append(long eventTimeMsc, String symbol, JournalRecord record) {
        if (closed) {
            throw new IllegalStateException("journal closed");
        }
        String sym = symbol == null ? "" : symbol;
        if (runCap == 0) {
            enqueue(new Pending(eventTimeMsc, JournalKinds.name(record), sym, record));
            return;
        }
        synchronized (run) {
            if (InputRuns.packs(eventTimeMsc, sym, record)) {
                if (run.isEmpty()) {
                    runEventTimeMsc = eventTimeMsc;
                }
                run.add(record);
                if (run.size() == runCap) {
                    endRun();
                }
                return;
            }
            endRun();
            enqueue(new Pending(eventTimeMsc, JournalKinds.name(record), sym, record));
        }
    }

    /** Queues the input run being filled, if any (holding {@link #run}'s lock). */
    private void endRun() {
        if (!run.isEmpty()) {
            JournalRecord packed = JournalRecord.newBuilder()
                    .setInputRun(InputRun.newBuilder().addAllRecords(run)).build();
            run.clear();
            enqueue(new Pending(runEventTimeMsc, JournalKinds.name(packed), "", packed));
        }
    }

    /** Queues an item, waiting while the queue is full. */
    private void enqueue(Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the journal's writer", e);
        }
    }

    /** Hands every later commit's rows to {@code listener} (see {@link CommitListener}). */
    public void onCommit(CommitListener listener) {
        commitListeners.add(listener);
    }

    /** Queues a record whose body is a {@code Note}: refusals, notes, reasons. */
    public void note(JournalKind kind, long eventTimeMsc, String symbol, String text) {
        append(eventTimeMsc, symbol, JournalKinds.note(kind, text));
    }

    /**
     * Why the last batch could not be written (disk full, database locked, ...), or empty once a batch was
     * written again. A host that cannot journal must not open positions it could not account for. The rows of a
     * failed batch are held in memory (up to 100,000) and written, in order, before anything newer.
     */
    public Optional<String> writeFailure() {
        String failure = writeFailure;
        return failure.isEmpty() ? Optional.empty() : Optional.of(failure);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Blocks until every row appended before this call is committed. */
    public void flush() {
        CountDownLatch done = new CountDownLatch(1);
        synchronized (run) {
            endRun();
            enqueue(new FlushMarker(done));
        }
        LockSupport.unpark(writer); // a writer waiting for more rows commits now
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** All rows of a kind, in journal order (call {@link #flush()} first to see your own appends). */
    public List<JournalEntry> read(JournalKind kind) {
        return read(JournalKinds.name(kind));
    }

    /** Committed rows of a kind stamped at or after {@code fromEventTimeMsc}, in journal order. */
    public List<JournalEntry> read(JournalKind kind, long fromEventTimeMsc) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, event_time_msc, kind, symbol, payload, hash FROM journal "
                        + "WHERE kind = :kind AND event_time_msc >= :from ORDER BY seq")
                .bind("kind", JournalKinds.name(kind)).bind("from", fromEventTimeMsc)
                .map((rs, ctx) -> new JournalEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list());
    }

    /** Every row, in journal order. */
    public List<JournalEntry> readAll() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT seq, event_time_msc, kind, symbol, payload, hash FROM journal ORDER BY seq")
                .map((rs, ctx) -> new JournalEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list());
    }

    private List<JournalEntry> read(String kind) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT seq, event_time_msc, kind, symbol, payload, hash FROM journal WHERE kind = :kind ORDER BY seq")
                .bind("kind", kind)
                .map((rs, ctx) -> new JournalEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list());
    }

    public long count(JournalKind kind) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM journal WHERE kind = :kind")
                .bind("kind", JournalKinds.name(kind)).mapTo(Long.class).one());
    }

    /**
     * The hash of the newest committed row as stored: equal digests mean equal journals only if nobody edited
     * the file; {@link JournalVerifier} recomputes it from the first row.
     */
    public String digest() {
        return jdbi.withHandle(h -> h.createQuery("SELECT hash FROM journal ORDER BY seq DESC LIMIT 1")
                .mapTo(String.class).findOne().orElse(GENESIS));
    }

    private void writeLoop() {
        if (groupCommitNanos > 0) {
            String notIdle = BackgroundThreads.toIdlePolicy();
            if (!notIdle.isEmpty()) {
                log.warn("the journal's writer runs at the normal priority (chrt --idle: {}); it competes with the "
                        + "account loops for the cores", notIdle);
            }
        }
        List<Object> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                // A connection left open while rows keep coming; let go of it once the writer has been idle a while.
                Object first = writeConnection == null ? queue.take()
                        : queue.poll(IDLE_CLOSE_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    closeWriter();
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                closeWriter();
                return;
            }
            if (groupCommitNanos > 0 && batch.get(0) instanceof Pending) {
                long waitStart = System.nanoTime();
                LockSupport.parkNanos(groupWaitNanos); // let more rows join this commit (a flush ends the wait)
                queue.drainTo(batch, MAX_BATCH - 1);
                groupWaitNanos = nextGroupWait(batch.size() - 1, System.nanoTime() - waitStart, groupCommitNanos);
            } else {
                queue.drainTo(batch, MAX_BATCH - 1);
            }
            List<Object> attempt = held.isEmpty() ? batch : concat(held, batch);
            long seqBefore = lastSeq;
            String hashBefore = lastHash;
            try {
                write(attempt);
                if (attempt.stream().anyMatch(item -> item instanceof Pending)) {
                    if (!held.isEmpty() || lost > 0) {
                        log.warn("journal writes again: {} held rows written, {} lost", held.size(), lost);
                    }
                    held.clear();
                    lost = 0;
                    writeFailure = ""; // rows were written again (a batch of flush markers alone proves nothing)
                }
            } catch (RuntimeException e) {
                lastSeq = seqBefore; // the batch rolled back: the chain continues from the last committed row
                lastHash = hashBefore;
                hold(attempt);
                log.error("journal write failed, {} rows held for the next write, {} lost", held.size(), lost, e);
                writeFailure = "journal write failed (" + rootMessage(e) + "), " + held.size() + " rows held"
                        + (lost > 0 ? ", " + lost + " lost" : "");
                pauseBeforeRetry();
            }
            for (Object item : batch) {
                if (item instanceof FlushMarker marker) {
                    marker.done().countDown();
                }
            }
            boolean stop = closed && queue.isEmpty();
            batch.clear();
            if (stop) {
                if (!held.isEmpty()) {
                    log.error("journal closed with {} rows it could not write", held.size());
                }
                closeWriter();
                return;
            }
        }
    }

    /**
     * The next wait for rows to join a commit, after {@code joined} rows came in {@code waitedNanos}: long enough for
     * about {@link #GROUP_ROWS} at that rate, between {@link #MIN_GROUP_COMMIT_NANOS} and {@code longestNanos}.
     */
    static long nextGroupWait(int joined, long waitedNanos, long longestNanos) {
        if (joined <= 0) {
            return longestNanos;
        }
        double forGroup = (double) waitedNanos * GROUP_ROWS / joined;
        return (long) Math.max(Math.min(MIN_GROUP_COMMIT_NANOS, longestNanos), Math.min(forGroup, longestNanos));
    }

    /** Keeps a failed batch's rows, oldest first, to write them before anything newer; beyond the cap they are lost. */
    private void hold(List<Object> attempt) {
        List<Pending> rows = new ArrayList<>();
        for (Object item : attempt) {
            if (item instanceof Pending row) {
                rows.add(row);
            }
        }
        held.clear();
        int keep = Math.min(rows.size(), MAX_HELD);
        held.addAll(rows.subList(0, keep));
        lost += rows.size() - keep;
    }

    private static List<Object> concat(List<Pending> first, List<Object> then) {
        List<Object> all = new ArrayList<>(first.size() + then.size());
        all.addAll(first);
        all.addAll(then);
        return all;
    }

    /** A disk that failed now will not be back within microseconds: do not spin on it. */
    private static void pauseBeforeRetry() {
        try {
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes a batch in one transaction on the writer's connection. While rows keep coming (a replay, a burst) the
     * connection and its INSERT stay open from batch to batch and rows are bound straight to it: a row costs its
     * JSON, its hash and SQLite's insert. An idle writer lets its connection go, so the WAL is checkpointed into
     * the database and its files grow as the rows do (a full disk shows at the next write, not some megabytes
     * later). A failed batch rolls back and the connection is dropped, so the retry starts on a fresh one.
     */
    private void write(List<Object> batch) {
        try {
            if (writeConnection == null) {
                openWriter();
            }
            int rows = 0;
            long afterSeq = lastSeq;
            List<CommittedRow> committed = commitListeners.isEmpty() ? null : new ArrayList<>(batch.size());
            for (Object item : batch) {
                if (item instanceof Pending row) {
                    String printed = row.json();
                    String payload = printed != null ? printed : "{\"unprintable\":true}";
                    String hash = chain.next(lastHash, row.eventTimeMsc(), row.kind(), row.symbol(), payload);
                    lastSeq++;
                    if (committed != null) {
                        committed.add(new CommittedRow(lastSeq, row.eventTimeMsc(), row.kind(), row.symbol(), payload,
                                printed != null ? row.record() : null));
                    }
                    lastHash = hash;
                    insert.setLong(1, lastSeq);
                    insert.setLong(2, row.eventTimeMsc());
                    insert.setString(3, row.kind());
                    insert.setString(4, row.symbol());
                    insert.setString(5, payload);
                    insert.setString(6, hash);
                    insert.addBatch();
                    rows++;
                    if (groupCommitNanos > 0 && rows % YIELD_ROWS == 0) {
                        Thread.yield(); // a live journal's writer gives way to the path (a replay's has no path to wait)
                    }
                }
            }
            if (rows > 0) {
                insert.executeBatch();
                updateHead.setLong(1, lastSeq);
                updateHead.setString(2, lastHash);
                updateHead.executeUpdate();
                writeConnection.commit();
                if (committed != null) {
                    tellCommitted(afterSeq, committed);
                }
            }
        } catch (SQLException | RuntimeException e) {
            closeWriter();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    private void tellCommitted(long afterSeq, List<CommittedRow> rows) {
        List<CommittedRow> view = Collections.unmodifiableList(rows);
        for (CommitListener listener : commitListeners) {
            try {
                listener.committed(afterSeq, view);
            } catch (RuntimeException e) { // a reader's fault must never stop the journal
                log.error("journal commit listener failed on rows {}..{}", afterSeq + 1, afterSeq + rows.size(), e);
            }
        }
    }

    private void openWriter() throws SQLException {
        writeConnection = DriverManager.getConnection(url);
        writeConnection.setAutoCommit(false);
        insert = writeConnection.prepareStatement(
                "INSERT INTO journal(seq, event_time_msc, kind, symbol, payload, hash) VALUES (?, ?, ?, ?, ?, ?)");
        updateHead = writeConnection.prepareStatement("UPDATE journal_head SET seq = ?, hash = ? WHERE id = 1");
    }

    /** Rolls back whatever is uncommitted (a failed batch's rows) and lets go of the connection (writer thread only). */
    private void closeWriter() {
        Connection c = writeConnection;
        writeConnection = null;
        insert = null;
        updateHead = null;
        if (c != null) {
            try {
                c.rollback();
            } catch (SQLException e) {
                log.debug("journal rollback after a failed write: {}", e.getMessage());
            }
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("journal connection close after a failed write: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        flush();
        closed = true;
        enqueue(new FlushMarker(new CountDownLatch(1)));
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
