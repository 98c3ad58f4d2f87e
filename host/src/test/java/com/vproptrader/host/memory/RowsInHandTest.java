package com.vproptrader.host.memory;

import com.vproptrader.host.journal.CommittedRow;
import com.vproptrader.proto.JournalRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the indexer holds of the journal's commits, and where it must read the file instead. */
class RowsInHandTest {
    private final RowsInHand inHand = new RowsInHand(Set.of("fill"));

    /** Rows afterSeq+1 … afterSeq+kinds.length, of the given kind columns. */
    private void commit(long afterSeq, String... kinds) {
        List<CommittedRow> rows = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            rows.add(new CommittedRow(afterSeq + 1 + i, 0, kinds[i], "", "{}", JournalRecord.getDefaultInstance()));
        }
        inHand.committed(afterSeq, rows);
    }

    private static List<Long> seqs(RowsInHand.Taken taken) {
        return taken.rows().stream().map(CommittedRow::seq).toList();
    }

    @Test
    void consecutiveCommitsAreTakenTogether_keepingOnlyTheIndexersKinds_andCoverTheRowsOfOtherKindsToo() {
        commit(0, "tick", "fill", "tick");
        commit(3, "fill", "fill");
        commit(5, "tick");

        RowsInHand.Taken taken = inHand.take(0, Long.MAX_VALUE, 5000);

        assertThat(seqs(taken)).containsExactly(2L, 4L, 5L);
        assertThat(taken.through()).isEqualTo(6);
        assertThat(inHand.take(6, Long.MAX_VALUE, 5000)).as("nothing more held").isNull();
    }

    @Test
    void aCommitPartlyReadFromTheFileGivesOnlyItsRowsBeyond_andOnesWhollyReadAreLetGo() {
        commit(0, "fill", "fill");
        commit(2, "fill", "fill", "fill");

        RowsInHand.Taken taken = inHand.take(3, Long.MAX_VALUE, 5000);

        assertThat(seqs(taken)).containsExactly(4L, 5L);
        assertThat(taken.through()).isEqualTo(5);
    }

    @Test
    void aGapBeforeTheOldestCommitHeldIsNamedForTheFile() {
        commit(10, "fill");

        assertThat(inHand.take(4, Long.MAX_VALUE, 5000)).isNull();
        assertThat(inHand.oldestAfterSeq()).isEqualTo(10);
        assertThat(inHand.caughtUp(4)).as("rows 5-10 are only in the file").isFalse();
        assertThat(seqs(inHand.take(10, Long.MAX_VALUE, 5000))).containsExactly(11L);
        assertThat(inHand.caughtUp(11)).isTrue();
    }

    @Test
    void takingStopsAtTheLastRowAskedFor_andAtAChunksWorthOfRows() {
        commit(0, "fill", "fill");
        commit(2, "fill", "fill");
        commit(4, "fill", "fill");

        assertThat(inHand.take(0, 3, 5000).through()).as("the second commit ends past row 3").isEqualTo(2);
        assertThat(inHand.take(2, Long.MAX_VALUE, 1).through()).as("one commit once a chunk is full").isEqualTo(4);
        assertThat(inHand.take(4, Long.MAX_VALUE, 5000).through()).isEqualTo(6);
    }

    @Test
    void theIndexerIsNudgedOnceWhenEnoughRowsWait_andAgainOnlyAfterItTookThem() {
        AtomicInteger nudges = new AtomicInteger();
        inHand.onBacklog(nudges::incrementAndGet);
        String[] half = new String[RowsInHand.NUDGE_ROWS / 2];
        Arrays.fill(half, "fill");

        commit(0, half);
        int beforeTheThreshold = nudges.get();
        commit(half.length, half);
        commit(2L * half.length, half);
        int atTheThreshold = nudges.get();
        RowsInHand.Taken taken = inHand.take(0, Long.MAX_VALUE, Integer.MAX_VALUE);
        commit(taken.through(), half);
        commit(taken.through() + half.length, half);

        assertThat(beforeTheThreshold).isZero();
        assertThat(atTheThreshold).as("once, not at every commit past it").isEqualTo(1);
        assertThat(nudges.get()).as("again after the take").isEqualTo(2);
    }

    @Test
    void commitsBeyondTheCapAreDropped_soTheIndexerReadsThemFromTheFile() {
        String[] full = new String[RowsInHand.MAX_ROWS];
        Arrays.fill(full, "fill");
        commit(0, full);
        commit(RowsInHand.MAX_ROWS, "fill");                 // dropped: the cap is reached
        RowsInHand.Taken first = inHand.take(0, Long.MAX_VALUE, Integer.MAX_VALUE);
        commit(RowsInHand.MAX_ROWS + 1, "fill");             // room again

        assertThat(first.through()).isEqualTo(RowsInHand.MAX_ROWS);
        assertThat(inHand.take(first.through(), Long.MAX_VALUE, 5000)).as("row MAX_ROWS + 1 is not held").isNull();
        assertThat(inHand.oldestAfterSeq()).isEqualTo(RowsInHand.MAX_ROWS + 1);
        assertThat(inHand.caughtUp(RowsInHand.MAX_ROWS + 2)).isTrue();
        assertThat(inHand.caughtUp(RowsInHand.MAX_ROWS)).as("the dropped row").isFalse();
    }
}
