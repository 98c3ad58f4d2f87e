package com.vproptrader.host.memory;

import com.vproptrader.host.journal.CommittedRow;
import com.vproptrader.host.journal.Journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rows of the indexer's kinds that the journal's writer committed, handed over as typed records so the indexer
 * does not read them back and parse their JSON again. Each commit is kept with the range of journal rows it covers
 * (rows of other kinds included), so the indexer knows what it has without asking the file. Bounded: commits beyond
 * {@link #MAX_ROWS} kept rows are dropped, and the indexer reads that stretch from the file instead.
 */
final class RowsInHand implements Journal.CommitListener {
    /**
     * Held only while the indexer cannot take them (its store is down): a row is its typed record and its text, about
     * a kilobyte, so some 20 MiB at the cap; beyond it the indexer reads the file when it can again.
     */
    static final int MAX_ROWS = 20_000;
    /** Commits of other kinds only still hold their range: bound them too. */
    static final int MAX_COMMITS = 50_000;
    /**
     * Rows held at which the indexer is asked to take them now rather than at its next round: rows held across a young
     * garbage collection are copied by it, and a second of a busy account's rows made those pauses several times
     * longer (LinkLatencyBench's GC log).
     */
    static final int NUDGE_ROWS = 500;

    /** Journal rows {@code afterSeq + 1 … lastSeq}; {@code rows} those of them the indexer reads. */
    record Commit(long afterSeq, long lastSeq, List<CommittedRow> rows) {
    }

    private final Set<String> kinds;
    private final ArrayDeque<Commit> commits = new ArrayDeque<>();
    private int rowsHeld;
    /** The last journal row of any commit seen, kept or dropped: 0 before the first. */
    private long seenThrough;
    private Runnable onBacklog = () -> { };
    private boolean nudged;

    RowsInHand(Set<String> kinds) {
        this.kinds = kinds;
    }

    /** Called (on the journal's writer thread, must not wait) once {@link #NUDGE_ROWS} rows are held, once per take. */
    synchronized void onBacklog(Runnable nudge) {
        this.onBacklog = nudge;
    }

    @Override
    public synchronized void committed(long afterSeq, List<CommittedRow> rows) {
        seenThrough = afterSeq + rows.size();
        List<CommittedRow> kept = new ArrayList<>();
        for (CommittedRow row : rows) {
            if (kinds.contains(row.kind())) {
                kept.add(row);
            }
        }
        if (rowsHeld + kept.size() > MAX_ROWS || commits.size() >= MAX_COMMITS) {
            return; // the indexer finds the gap and reads it from the file
        }
        commits.add(new Commit(afterSeq, afterSeq + rows.size(), kept));
        rowsHeld += kept.size();
        if (!nudged && rowsHeld >= NUDGE_ROWS) {
            nudged = true;
            onBacklog.run();
        }
    }

    /**
     * The rows after {@code readTo} up to {@code maxSeq} held without a gap, of commits joined while they add up to at
     * most about {@code chunk} rows, and the last journal row they cover; null when the oldest commit held does not
     * start at or before {@code readTo} (a gap, or nothing held). Commits wholly read already are let go.
     */
    synchronized Taken take(long readTo, long maxSeq, int chunk) {
        while (!commits.isEmpty() && commits.peekFirst().lastSeq() <= readTo) {
            rowsHeld -= commits.pollFirst().rows().size();
        }
        List<CommittedRow> rows = new ArrayList<>();
        long through = readTo;
        while (!commits.isEmpty() && rows.size() < chunk) {
            Commit next = commits.peekFirst();
            if (next.afterSeq() > through || next.lastSeq() > maxSeq) {
                break;
            }
            commits.pollFirst();
            rowsHeld -= next.rows().size();
            for (CommittedRow row : next.rows()) {
                if (row.seq() > through) {
                    rows.add(row);
                }
            }
            through = next.lastSeq();
        }
        nudged = rowsHeld >= NUDGE_ROWS;
        return through == readTo ? null : new Taken(rows, through);
    }

    /**
     * Whether every row committed up to {@code readTo} and since the first commit seen was read: then the file holds
     * nothing more for the indexer (rows committed after come in hand).
     */
    synchronized boolean caughtUp(long readTo) {
        return seenThrough > 0 && readTo >= seenThrough;
    }

    /** Where the oldest commit held starts (its first row is one after), or -1 when none is held. */
    synchronized long oldestAfterSeq() {
        return commits.isEmpty() ? -1 : commits.peekFirst().afterSeq();
    }

    /** Rows taken, and the last journal row read with them. */
    record Taken(List<CommittedRow> rows, long through) {
    }
}
