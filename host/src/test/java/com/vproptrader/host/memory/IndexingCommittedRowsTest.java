package com.vproptrader.host.memory;

import com.vproptrader.host.journal.Journal;
import com.vproptrader.proto.CandidateRecord;
import com.vproptrader.proto.DayResetRecord;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.VetoRecord;
import com.vproptrader.proto.VoteRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexer of a live host takes the rows its journal commits as typed records, instead of reading the file back
 * and parsing each row's JSON: the store it builds must be the one the file gives, row for row.
 */
class IndexingCommittedRowsTest {
    private static final List<String> TABLES = List.of("trades", "fills", "entries", "entry_features", "decisions",
            "versions", "trading_days");

    @Test
    void theRowsHandedOverAtEachCommitBuildTheStoreTheFileBuilds_evenOnceTheFileCouldNoLongerBeReadBack(@TempDir Path dir) {
        Path file = dir.resolve("j.db");
        Random random = new Random(7);
        TradeStore followed = TradeStore.open(dir.resolve("followed.db"));
        JournalIndexer follower = new JournalIndexer(file, followed);
        long handedFrom;
        try (Journal journal = Journal.open(file)) {
            JournaledTrades trades = new JournaledTrades(journal);
            for (int n = 1; n <= 4; n++) {
                trade(journal, trades, n, random); // before the indexer follows: it must read these from the file
            }
            journal.flush();
            handedFrom = Jdbi.create("jdbc:sqlite:" + file).withHandle(h ->
                    h.createQuery("SELECT max(seq) FROM journal").mapTo(Long.class).one());
            follower.follow(journal, () -> { });
            for (int n = 5; n <= 40; n++) {
                trade(journal, trades, n, random);
                if (n % 7 == 0) {
                    journal.flush();
                    follower.catchUp(); // part way, as the memory's thread does once a second
                }
            }
            journal.flush();
        }
        TradeStore rebuilt = TradeStore.open(dir.resolve("rebuilt.db"));
        new JournalIndexer(file, rebuilt).catchUp();
        // Spoil every row committed since the indexer followed: read back from the file, they would all be skipped.
        int spoiled = Jdbi.create("jdbc:sqlite:" + file).withHandle(h ->
                h.execute("UPDATE journal SET payload = '{}' WHERE seq > ?", handedFrom));

        follower.catchUp();

        assertThat(spoiled).as("rows committed since it followed").isGreaterThan(150);
        assertThat(rebuilt.tradeCount()).isEqualTo(40);
        for (String table : TABLES) {
            assertThat(followed.rows(table)).as(table).isNotEmpty().containsExactlyElementsOf(rebuilt.rows(table));
        }
    }

    /** A tick, a candidate with its votes, a veto now and then, the trade itself, and a day reset every tenth. */
    private static void trade(Journal journal, JournaledTrades trades, int n, Random random) {
        long t = 1_700_000_000_000L + n * 3_600_000L;
        journal.append(t - 1, "EURUSD", JournalRecord.newBuilder().setTick(Tick.newBuilder().setSymbol("EURUSD")
                .setTimeMsc(t - 1).setBid(1.1).setAsk(1.1001)).build());
        journal.append(t, "EURUSD", JournalRecord.newBuilder().setCandidate(CandidateRecord.newBuilder().setGrade("A")
                .setQStar(random.nextDouble()).setSide(Side.BUY).setAgreement(0.8).setModel(Double.NaN)
                .addVotes(VoteRecord.newBuilder().setAlpha("alpha-momentum").setSide(Side.BUY)
                        .setStrength(random.nextDouble()).setWeight(1).setReason("3 rising closes"))).build());
        if (n % 3 == 0) {
            journal.append(t, "EURUSD", JournalRecord.newBuilder().setVeto(VetoRecord.newBuilder()
                    .setCode("spread@1.0.0").setDetail("spread 2.4 pips above 2.0")).build());
            journal.note(JournalKind.KIND_PAUSE, t, "", "news embargo, USD");
        }
        double exit = 1.1 + (random.nextInt(61) - 30) / 10_000.0;
        trades.buy(n, t, Map.of("rsi_14", random.nextDouble() * 100, "atr_14", random.nextDouble() / 1000),
                new JournaledTrades.Exit(1, exit, exit > 1.1 ? "tp" : "sl"));
        if (n % 10 == 0) {
            journal.append(t + 3_000_000, "", JournalRecord.newBuilder().setDayReset(DayResetRecord.newBuilder()
                    .setPreviousStartMsc(t - 86_400_000).setNewStartMsc(t)).build());
        }
    }
}
