package com.vproptrader.host.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.vproptrader.proto.JournalKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live journal's writer waits for more rows before it commits, so a tick's rows share a commit: as long as about
 * {@link Journal#GROUP_ROWS} rows take to come, within bounds; a flush ends the wait.
 */
class GroupCommitTest {
    /** Longer than the test waits: only a flush can commit its rows within it. */
    private static final long WINDOW = TimeUnit.SECONDS.toNanos(30);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aBusyStreamWaitsOnlyLongEnoughForAGroupOfRows() {
        long ms = TimeUnit.MILLISECONDS.toNanos(1);
        // back to back: 350 rows in 10 ms, so the next wait gathers about 64 rows
        assertThat(Journal.nextGroupWait(350, 10 * ms, Journal.GROUP_COMMIT_NANOS))
                .isEqualTo(10 * ms * Journal.GROUP_ROWS / 350);
        // a tick a millisecond, 7 rows each: 70 rows in 10 ms, so about 9 ms
        assertThat(Journal.nextGroupWait(70, 10 * ms, Journal.GROUP_COMMIT_NANOS))
                .isEqualTo(10 * ms * Journal.GROUP_ROWS / 70);
    }

    @Test
    void theWaitStaysBetweenOneMillisecondAndItsLongest() {
        long ms = TimeUnit.MILLISECONDS.toNanos(1);
        assertThat(Journal.nextGroupWait(2_000, 10 * ms, Journal.GROUP_COMMIT_NANOS)).isEqualTo(ms);
        assertThat(Journal.nextGroupWait(3, 10 * ms, Journal.GROUP_COMMIT_NANOS)).isEqualTo(Journal.GROUP_COMMIT_NANOS);
        assertThat(Journal.nextGroupWait(0, 10 * ms, Journal.GROUP_COMMIT_NANOS))
                .as("no row came: wait the longest").isEqualTo(Journal.GROUP_COMMIT_NANOS);
    }

    @Test
    void aFewRowsWaitForMoreAndAFlushCommitsThemAtOnce() throws Exception {
        try (Journal journal = Journal.open(dir.resolve("journal.db"), WINDOW)) {
            List<CommittedRow> committed = new CopyOnWriteArrayList<>();
            journal.onCommit((afterSeq, rows) -> committed.addAll(rows));
            for (int i = 0; i < 5; i++) {
                journal.append(1_000 + i, "EURUSD", JournalKinds.note(JournalKind.KIND_NOTE, "row " + i));
            }
            Thread.sleep(300);
            assertThat(committed).as("rows wait for the rest of their commit").isEmpty();

            assertTimeoutPreemptively(WAIT, journal::flush);
            assertThat(committed).hasSize(5);
            assertThat(journal.read(JournalKind.KIND_NOTE)).hasSize(5);
        }
    }
}
