package com.vproptrader.host.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.vproptrader.host.background.ThreadPolicy;
import com.vproptrader.proto.JournalKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live journal's writer takes only the cores the path leaves idle (SCHED_IDLE), and the rows it has not written yet
 * are bounded: an append waits for room rather than letting them pile up without end.
 */
class LiveWriterTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aLiveJournalsWriterRunsUnderTheIdlePolicy_aReplaysUnderTheNormalOne() throws Exception {
        assertThat(writerPolicy(Journal.open(dir.resolve("live.db")))).as("live").isEqualTo(ThreadPolicy.SCHED_IDLE);
        assertThat(writerPolicy(Journal.openPaced(dir.resolve("replay.db"), 1_000)))
                .as("replay: a batch job with no path to give way to").isEqualTo(ThreadPolicy.SCHED_OTHER);
    }

    /** The policy of the thread that tells the commit listener (the writer's own). */
    private static int writerPolicy(Journal journal) throws Exception {
        try (journal) {
            CompletableFuture<Integer> policy = new CompletableFuture<>();
            journal.onCommit((afterSeq, rows) -> policy.complete(ThreadPolicy.own()));
            journal.append(1_000, "EURUSD", JournalKinds.note(JournalKind.KIND_NOTE, "row"));
            journal.flush();
            return policy.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anAppendWaitsWhileTheBoundOfRowsWaits_andNoRowIsLost() throws Exception {
        CountDownLatch inCommit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Path file = dir.resolve("journal.db");
        try (Journal journal = Journal.open(file, TimeUnit.MILLISECONDS.toNanos(1), 4)) {
            journal.onCommit((afterSeq, rows) -> {
                inCommit.countDown();
                await(release); // a writer that gets no core: it holds the rows it has taken, takes no more
            });
            try {
                journal.append(1_000, "EURUSD", JournalKinds.note(JournalKind.KIND_NOTE, "row 0"));
                assertThat(inCommit.await(10, TimeUnit.SECONDS)).isTrue();

                AtomicInteger appended = new AtomicInteger();
                Thread loop = new Thread(() -> {
                    for (int i = 1; i <= 5; i++) {
                        journal.append(1_000 + i, "EURUSD", JournalKinds.note(JournalKind.KIND_NOTE, "row " + i));
                        appended.incrementAndGet();
                    }
                });
                loop.start();
                Thread.sleep(300);
                assertThat(appended.get()).as("four rows wait; the fifth append waits for room").isEqualTo(4);
                assertThat(loop.getState()).isEqualTo(Thread.State.WAITING);

                release.countDown();
                assertTimeoutPreemptively(WAIT, () -> loop.join());
                assertTimeoutPreemptively(WAIT, journal::flush);
                assertThat(journal.read(JournalKind.KIND_NOTE)).extracting(JournalEntry::payload)
                        .hasSize(6).allMatch(p -> p.contains("row "));
            } finally {
                release.countDown(); // a failed check must not leave the writer, and the close, waiting
            }
        }
        assertThat(JournalVerifier.verify(file).intact()).as("the chain over all six").isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
