package com.vproptrader.host.journal;

import com.vproptrader.proto.Account;
import com.vproptrader.proto.CandidateRecord;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.Note;
import com.vproptrader.proto.Tick;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay's (paced) journal packs consecutive ticks and account reports into input runs; unpacked, they are the
 * rows a live journal writes for the same appends, in the same order, and the packed journal's chain verifies.
 */
class InputRunsTest {
    private static final long T0 = 1_704_153_600_000L;

    private record Append(long eventTimeMsc, String symbol, JournalRecord record) {
    }

    @Test
    void aPacedJournalUnpacked_isRowForRowWhatALiveJournalWritesForTheSameAppends(@TempDir Path dir) throws Exception {
        List<Append> appends = appends(new Random(3), 20_000);
        Path live = dir.resolve("live.db");
        Path paced = dir.resolve("paced.db");
        write(Journal.open(live), appends);
        write(Journal.openPaced(paced, 1000), appends);

        List<JournalEntry> liveRows;
        List<JournalEntry> pacedRows;
        try (Journal l = Journal.open(live); Journal p = Journal.open(paced)) {
            liveRows = l.readAll();
            pacedRows = p.readAll();
        }
        List<JournalEntry> unpacked = pacedRows.stream().flatMap(r -> InputRuns.unpack(r).stream()).toList();
        assertThat(content(unpacked)).containsExactlyElementsOf(content(liveRows));
        assertThat(pacedRows.size()).as("rows of the paced journal").isLessThan(liveRows.size() / 4);
        assertThat(pacedRows).filteredOn(r -> r.kind().equals("input_run"))
                .allMatch(r -> r.record().getInputRun().getRecordsCount() <= Journal.RUN_CAP)
                .allMatch(r -> r.eventTimeMsc() == InputRuns.unpack(r).get(0).eventTimeMsc());
        assertThat(JournalVerifier.verify(paced).intact()).isTrue();
    }

    @Test
    void aTickJournaledAtAnotherTimeThanItsOwn_staysARowOfItsOwn(@TempDir Path dir) {
        Path paced = dir.resolve("paced.db");
        try (Journal journal = Journal.openPaced(paced, 100)) {
            journal.append(T0, "EURUSD", tick("EURUSD", T0));
            journal.append(T0 + 5, "EURUSD", tick("EURUSD", T0)); // stamped later than the tick says
            journal.append(T0 + 6, "", tick("GBPUSD", T0 + 6));   // stamped without its symbol
            journal.append(T0 + 7, "GBPUSD", tick("GBPUSD", T0 + 7));
            journal.flush(); // the run being filled is written too
            assertThat(journal.readAll()).extracting(JournalEntry::kind)
                    .containsExactly("input_run", "tick", "tick", "input_run");
        }
    }

    @Test
    void aLiveJournalWritesEveryRecordAsItsOwnRow(@TempDir Path dir) {
        try (Journal journal = Journal.open(dir.resolve("live.db"))) {
            for (int i = 0; i < 10; i++) {
                journal.append(T0 + i, "EURUSD", tick("EURUSD", T0 + i));
            }
            journal.flush();
            assertThat(journal.count(JournalKind.KIND_TICK)).isEqualTo(10);
            assertThat(journal.count(JournalKind.KIND_INPUT_RUN)).isZero();
        }
    }

    private static void write(Journal journal, List<Append> appends) {
        try (journal) {
            for (Append a : appends) {
                journal.append(a.eventTimeMsc(), a.symbol(), a.record());
            }
        }
    }

    /** Ticks and account reports in runs of random length, between decisions, notes and oddly stamped ticks. */
    private static List<Append> appends(Random random, int n) {
        List<Append> appends = new ArrayList<>();
        long t = T0;
        for (int i = 0; i < n; i++) {
            t += random.nextInt(500);
            String symbol = random.nextBoolean() ? "EURUSD" : "XAUUSD";
            int pick = random.nextInt(100);
            if (pick < 70) {
                appends.add(new Append(t, symbol, tick(symbol, t).toBuilder().setLoopNanos(t * 1_000_000).build()));
            } else if (pick < 90) {
                appends.add(new Append(t, "", JournalRecord.newBuilder().setLoopNanos(random.nextLong())
                        .setAccount(Account.newBuilder().setAccountId("a").setCurrency("USD")
                                .setBalance(100_000 + random.nextInt(1000) / 100.0).setServerTimeMsc(t)).build()));
            } else if (pick < 96) {
                appends.add(new Append(t, symbol, JournalRecord.newBuilder()
                        .setCandidate(CandidateRecord.newBuilder().setGrade("A").setQStar(random.nextDouble())).build()));
            } else if (pick < 98) {
                appends.add(new Append(t, "", JournalRecord.newBuilder().setNote(Note.newBuilder().setText("n" + i)).build()));
            } else {
                appends.add(new Append(t + 1, symbol, tick(symbol, t))); // not at its own time: a row of its own
            }
        }
        return appends;
    }

    private static JournalRecord tick(String symbol, long t) {
        return JournalRecord.newBuilder().setTick(Tick.newBuilder().setSymbol(symbol).setTimeMsc(t)
                .setBid(1.1 + (t % 1000) / 1e5).setAsk(1.1002 + (t % 1000) / 1e5)).build();
    }

    /** A row without its place in the chain: event time, kind, symbol, payload. */
    private static List<String> content(List<JournalEntry> rows) {
        return rows.stream().map(r -> r.eventTimeMsc() + "|" + r.kind() + "|" + r.symbol() + "|" + r.payload()).toList();
    }
}
