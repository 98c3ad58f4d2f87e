package com.vproptrader.host.journal;

import com.vproptrader.proto.Tick;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.JournalRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalVerifierTest {
    private static final long T0 = 1_704_153_600_000L; // 2024-01-02 00:00:00 server time
    private static final int ROWS = 20;

    @TempDir
    Path dir;
    Path file;
    String storedDigest;

    @BeforeEach
    void writeJournal() {
        file = dir.resolve("journal.db");
        try (Journal journal = Journal.open(file)) {
            for (int i = 1; i <= ROWS; i++) {
                journal.append(T0 + i * 1000L, "EURUSD", i % 5 == 0
                        ? JournalRecord.newBuilder().setFill(Fill.newBuilder().setDeal(i)).build()
                        : JournalRecord.newBuilder().setTick(Tick.newBuilder().setBid(i)).build());
            }
            journal.flush();
            storedDigest = journal.digest();
        }
    }

    @Test
    void anUntouchedJournal_isIntact_andItsRecomputedDigestIsTheStoredOne() throws Exception {
        JournalVerifier.Result r = JournalVerifier.verify(file);
        assertThat(r.firstBad()).isEmpty();
        assertThat(r.rows()).isEqualTo(ROWS);
        assertThat(r.digest()).isEqualTo(storedDigest);
    }

    @Test
    void anEditedMiddleRow_isNamedBySeqKindAndEventTime() throws Exception {
        sql("UPDATE journal SET payload = '{\"n\":700}' WHERE seq = 7");
        assertThat(JournalVerifier.verify(file).firstBad()).hasValueSatisfying(bad -> assertThat(bad)
                .startsWith("seq 7 (tick, event time 2024-01-02 00:00:07.000 server)").contains("changed"));
    }

    @Test
    void anEditedHashAlone_isCaughtToo() throws Exception {
        sql("UPDATE journal SET hash = '" + "f".repeat(64) + "' WHERE seq = 12");
        assertThat(JournalVerifier.verify(file).firstBad()).hasValueSatisfying(bad -> assertThat(bad).startsWith("seq 12 "));
    }

    @Test
    void aDeletedMiddleRow_isNamedAsTheGap() throws Exception {
        sql("DELETE FROM journal WHERE seq = 10");
        JournalVerifier.Result r = JournalVerifier.verify(file);
        assertThat(r.firstBad()).hasValueSatisfying(bad -> assertThat(bad)
                .startsWith("seq 11 (tick, event time 2024-01-02 00:00:11.000 server): expected seq 10")
                .contains("rows 10..10 are missing"));
        assertThat(r.rows()).isEqualTo(9);
    }

    @Test
    void twoRowsSwapped_areCaughtAtTheFirstOfThem() throws Exception {
        sql("UPDATE journal SET seq = -5 WHERE seq = 5");
        sql("UPDATE journal SET seq = 5 WHERE seq = 6");
        sql("UPDATE journal SET seq = 6 WHERE seq = -5");
        assertThat(JournalVerifier.verify(file).firstBad()).hasValueSatisfying(bad -> assertThat(bad)
                .startsWith("seq 5 (tick, event time 2024-01-02 00:00:06.000 server)"));
    }

    @Test
    void aJournalCutShort_isCaughtByItsHead() throws Exception {
        sql("DELETE FROM journal WHERE seq > 15");
        JournalVerifier.Result r = JournalVerifier.verify(file);
        assertThat(r.firstBad()).hasValueSatisfying(bad -> assertThat(bad)
                .contains("ends at seq 15 (fill, event time 2024-01-02 00:00:15.000 server)")
                .contains("rows 16..20 were cut off"));
    }

    @Test
    void aMissingFile_isAnError_andIsNotCreated() {
        Path missing = dir.resolve("nothing-here.db");
        assertThatThrownBy(() -> JournalVerifier.verify(missing)).isInstanceOf(NoSuchFileException.class);
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void aJournalContinuedAfterReopening_staysIntact() throws Exception {
        try (Journal journal = Journal.open(file)) {
            journal.append(T0 + 99_000, "EURUSD", JournalRecord.newBuilder().setTick(Tick.getDefaultInstance()).build());
            journal.flush();
        }
        assertThat(JournalVerifier.verify(file).firstBad()).isEmpty();
        assertThat(JournalVerifier.verify(file).rows()).isEqualTo(ROWS + 1);
    }

    private void sql(String statement) {
        Jdbi.create("jdbc:sqlite:" + file).useHandle(h -> h.execute(statement));
    }
}
