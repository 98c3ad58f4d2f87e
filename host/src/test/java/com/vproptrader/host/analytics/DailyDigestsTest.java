package com.vproptrader.host.analytics;

import com.vproptrader.proto.VoteRecord;
import com.vproptrader.proto.CandidateRecord;
import com.vproptrader.proto.DayResetRecord;
import com.vproptrader.proto.JournalRecord;
import com.google.protobuf.util.JsonFormat;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.memory.EntryContext;
import com.vproptrader.host.memory.EntryRecords;
import com.vproptrader.host.memory.JournalIndexer;
import com.vproptrader.host.memory.StoreBackend;
import com.vproptrader.host.memory.TradeStore;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.DailyDigest;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.GroupMetrics;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.TradeLog;
import com.vproptrader.proto.TradeLogRequest;
import com.vproptrader.proto.TradeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A journaled trading day through the indexer: its digest files, the stored digest and the trade log's fields. */
class DailyDigestsTest {
    private static final long DAY = 86_400_000L;
    private static final long DAY1 = 1_704_153_600_000L; // 2024-01-02 00:00 server time

    @ParameterizedTest(name = "on {0}")
    @EnumSource(StoreBackend.class)
    void atTheDayResetTheDaysDigestIsWrittenAsJsonAndCsvAndStored(StoreBackend backend, @TempDir Path dir) throws Exception {
        Path journalFile = dir.resolve("j.db");
        try (Journal journal = Journal.open(journalFile)) {
            journal.append(DAY1, "", JournalRecord.newBuilder().setHello(Hello.newBuilder().setAccountId("a")).build());
            trade(journal, 1, "alpha-momentum", "EURUSD", DAY1 + 3_600_000, 1.10000, 1.10002, 30.00);
            trade(journal, 2, "alpha-breakout", "GBPUSD", DAY1 + 7_200_000, 1.25000, 1.25000, -12.50);
            trade(journal, 3, "alpha-momentum", "EURUSD", DAY1 + DAY + 60_000, 1.1, 1.1, 5.00); // the next day
            journal.append(DAY1 + DAY, "", JournalRecord.newBuilder().setDayReset(DayResetRecord.newBuilder()
                    .setPreviousStartMsc(DAY1).setNewStartMsc(DAY1 + DAY)).build());
            journal.flush();
        }
        TradeStore store = backend.open(dir);
        DailyDigests digests = new DailyDigests(store, dir.resolve("digests"), 100_000);
        JournalIndexer indexer = new JournalIndexer(journalFile, store);
        indexer.onDayClosed(digests::onDayClosed);
        indexer.catchUp();

        List<DailyDigest> stored = digests.recent(0);
        assertThat(stored).hasSize(1);
        DailyDigest d = stored.get(0);
        assertThat(d.getDate()).isEqualTo("2024-01-02");
        assertThat(d.getTrades()).isEqualTo(2);
        assertThat(d.getWins()).isEqualTo(1);
        assertThat(d.getNetProfit()).isEqualTo("15.50");
        assertThat(d.getGrossLoss()).isEqualTo("13.50");
        assertThat(d.getBestTrade()).isEqualTo("29.00");
        assertThat(d.getWorstTrade()).isEqualTo("-13.50");
        assertThat(d.getByAlphaList()).extracting(GroupMetrics::getGroup).containsExactly("alpha-breakout", "alpha-momentum");
        assertThat(d.getBySymbolList()).extracting(GroupMetrics::getGroup).containsExactly("EURUSD", "GBPUSD");

        DailyDigest fromJson = DailyDigest.newBuilder().build();
        DailyDigest.Builder b = DailyDigest.newBuilder();
        JsonFormat.parser().merge(Files.readString(dir.resolve("digests/2024-01-02.json")), b);
        assertThat(b.build()).isEqualTo(d).isNotEqualTo(fromJson);
        List<String> csv = Files.readAllLines(dir.resolve("digests/2024-01-02.csv"));
        assertThat(csv.get(0)).startsWith("date,dimension,group,trades,wins,net_profit");
        assertThat(csv).hasSize(1 + 1 + 2 + 2);
        assertThat(csv.get(1)).isEqualTo("2024-01-02,OVERALL,all,2,1,15.50,,,,,,");
        assertThat(store.tradingDayStarts()).containsExactly(DAY1, DAY1 + DAY);
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(StoreBackend.class)
    void theTradeLogCarriesEntryExitSlippageSpreadVotesAndVersions(StoreBackend backend, @TempDir Path dir) throws Exception {
        Path journalFile = dir.resolve("j.db");
        try (Journal journal = Journal.open(journalFile)) {
            journal.append(DAY1, "", JournalRecord.newBuilder().setHello(Hello.newBuilder().setAccountId("a")).build());
            trade(journal, 1, "alpha-momentum", "EURUSD", DAY1 + 3_600_000, 1.10000, 1.10002, 30.00);
            journal.flush();
        }
        TradeStore store = backend.open(dir);
        new JournalIndexer(journalFile, store).catchUp();
        AccountReports reports = new AccountReports(store, new DailyDigests(store, null, 100_000), 100_000, java.util.Optional::empty);

        TradeLog log = reports.tradeLog(TradeLogRequest.getDefaultInstance());
        assertThat(log.getTradesList()).hasSize(1);
        TradeRecord r = log.getTrades(0);
        assertThat(r.getAlpha()).isEqualTo("alpha-momentum");
        assertThat(r.getAlphaVersion()).isEqualTo("1.0.0");
        assertThat(r.getRegime()).isEqualTo("TREND_LOW_VOL");
        assertThat(r.getReferencePrice()).isEqualTo(1.10000);
        assertThat(r.getEntryPrice()).isEqualTo(1.10002);
        assertThat(r.getEntrySlippage()).as("a buy filled 2 points above the decision").isCloseTo(0.00002, within(1e-12));
        assertThat(r.getSpreadAtEntry()).isEqualTo(0.00012);
        assertThat(r.getPnl()).isEqualTo("29.00");
        assertThat(r.getRiskAtStop()).isEqualTo("20.00");
        assertThat(r.getRMultiple()).isCloseTo(1.45, within(1e-12));
        assertThat(r.getGovernorState()).isEqualTo("ACTIVE");
        assertThat(r.getRulePack()).isEqualTo("ftmo-2step");
        assertThat(r.getAlphaVotesList()).containsExactly("A Q*=0.000 BUY agreement 0.00 model 0.000 regime  fit 0.000 "
                + "execution 0.00 lead alpha-momentum@1.0.0; votes [alpha-momentum@1.0.0 BUY 0.80 w1.00 (momentum up)]");
        assertThat(r.getExitReason()).isEqualTo("tp");
        assertThat(reports.tradeLog(TradeLogRequest.newBuilder().setAlpha("other").build()).getTradesCount()).isZero();
    }

    /** A signal, its entry row and candidate vote, then an entry fill and an exit fill one minute before {@code closeMsc}. */
    private static void trade(Journal journal, long n, String alpha, String symbol, long closeMsc, double reference,
                              double fill, double profit) {
        long decided = closeMsc - 120_000;
        String key = symbol + "-" + decided + "-" + n;
        Signal signal = Signal.newBuilder().setSignalKey(key).setSymbol(symbol).setSide(Side.BUY).setVolume(1)
                .setReferencePrice(reference).setSl(reference - 0.002).setTp1(reference + 0.003)
                .setTp2(reference + 0.0048).setAlpha(alpha + "@1.0.0").setDecidedOnTickMsc(decided).build();
        journal.append(decided, symbol, JournalRecord.newBuilder().setCandidate(CandidateRecord.newBuilder().setGrade("A")
                .setSide(Side.BUY).setLead(alpha + "@1.0.0").addVotes(VoteRecord.newBuilder().setAlpha(alpha + "@1.0.0")
                        .setSide(Side.BUY).setStrength(0.8).setWeight(1).setReason("momentum up"))).build());
        journal.append(decided, symbol, JournalRecord.newBuilder().setSignal(signal).build());
        journal.append(decided, symbol, JournalRecord.newBuilder().setEntry(EntryRecords.of(new EntryContext(signal,
                "TREND_LOW_VOL", "LONDON", Money.ofCents(2000), "ftmo-2step", "ACTIVE", Map.of("spread", 0.00012)))).build());
        journal.append(decided + 100, symbol, fill(Fill.newBuilder().setDeal(n * 10).setPositionId(n)
                .setSymbol(symbol).setSide(Side.BUY).setEntry(DealEntry.ENTRY_IN).setVolume(1).setPrice(fill)
                .setCommission(-0.50).setTimeMsc(decided + 100).setSignalKey(key).setReason("signal")));
        journal.append(closeMsc, symbol, fill(Fill.newBuilder().setDeal(n * 10 + 1).setPositionId(n)
                .setSymbol(symbol).setSide(Side.SELL).setEntry(DealEntry.ENTRY_OUT).setVolume(1).setPrice(fill)
                .setProfit(profit).setCommission(-0.50).setTimeMsc(closeMsc).setSignalKey(key).setReason("tp")));
    }

    private static JournalRecord fill(Fill.Builder fill) {
        return JournalRecord.newBuilder().setFill(fill).build();
    }
}
