package com.vproptrader.host.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.learn.CandidateFeatures;
import com.vproptrader.host.learn.LabeledEntry;
import com.vproptrader.host.learn.ModelSchema;
import com.vproptrader.host.learn.TrainingRows;
import com.vproptrader.host.memory.EntryContext;
import com.vproptrader.host.memory.EntryRecords;
import com.vproptrader.host.memory.JournalIndexer;
import com.vproptrader.host.memory.MemoryConfig;
import com.vproptrader.host.memory.SimilarTrades;
import com.vproptrader.host.memory.StoreBackend;
import com.vproptrader.host.memory.TradeStore;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.AdminServiceGrpc;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SimilarTradesRequest;
import com.vproptrader.proto.TradeLogRequest;
import com.vproptrader.proto.TradeRecord;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class DecisionInTheTradeLogTest {
    private static final long T0 = 1_704_200_000_000L;
    private static final EntryContext.Decision GRADED = new EntryContext.Decision(0.72, "A", 0.61, "model-tp1@3",
            List.of("alpha-momentum@1.0.0", "filter-spread@1.2.0", "model-tp1@3"), 0.8);

    /**
     * Three trades one after the other: #1 (rsi 70) won, #2 (rsi 30) lost, #3 (rsi 68) decided after both closed,
     * graded A with Q* 0.72 and a model probability of 0.61.
     */
    private static Path journalOfThreeTrades(Path dir) {
        Path file = dir.resolve("j.db");
        try (Journal journal = Journal.open(file)) {
            journal.append(T0, "", JournalRecord.newBuilder().setHello(Hello.newBuilder().setAccountId("a")).build());
            trade(journal, 1, T0, Map.of("rsi_14", 70.0, "atr_14", 0.0010), EntryContext.Decision.UNKNOWN, 30.00);
            trade(journal, 2, T0 + 600_000, Map.of("rsi_14", 30.0, "atr_14", 0.0012), EntryContext.Decision.UNKNOWN,
                    -20.00);
            trade(journal, 3, T0 + 1_200_000, Map.of("rsi_14", 68.0, "atr_14", 0.0010), GRADED, 10.00);
            journal.flush();
        }
        return file;
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(StoreBackend.class)
    void theTradeLogShowsTheDecisionThatOpenedEachTrade_andHowItsNearestEarlierTradesEnded(StoreBackend backend, @TempDir Path dir) {
        TradeStore store = backend.open(dir);
        new JournalIndexer(journalOfThreeTrades(dir), store).catchUp();
        AccountReports reports = new AccountReports(store, new DailyDigests(store, null, 100_000), 100_000,
                Optional::empty);

        List<TradeRecord> log = reports.tradeLog(TradeLogRequest.getDefaultInstance()).getTradesList();

        TradeRecord third = log.get(2);
        assertThat(third.getQ()).isEqualTo(0.72);
        assertThat(third.getGrade()).isEqualTo("A");
        assertThat(third.getModelProbability()).isEqualTo(0.61);
        assertThat(third.getModelVersion()).isEqualTo("model-tp1@3");
        assertThat(third.getPluginVersionsList())
                .containsExactly("alpha-momentum@1.0.0", "filter-spread@1.2.0", "model-tp1@3");
        assertThat(third.getSimilarCount()).as("the two trades closed before it was decided").isEqualTo(2);
        assertThat(third.getSimilarWinRate()).isCloseTo(0.5, within(1e-12));
        TradeRecord first = log.get(0);
        assertThat(first.getSimilarCount()).as("nothing had closed before the first").isZero();
        assertThat(first.getSimilarWinRate()).isNaN();
        assertThat(first.getQ()).as("an entry row without a grade").isNaN();
        assertThat(first.getModelProbability()).isNaN();
        assertThat(store.rows("versions")).anySatisfy(v -> assertThat(v).containsEntry("component", "plugin")
                .containsEntry("name", "model-tp1").containsEntry("version", "3"));
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(StoreBackend.class)
    void similarTradesOfAStoredTrade_leaveItOut_andACandidatesFeaturesFindTheNearestFirst(StoreBackend backend, @TempDir Path dir) {
        TradeStore store = backend.open(dir);
        new JournalIndexer(journalOfThreeTrades(dir), store).catchUp();
        SimilarTrades index = SimilarTrades.of(store);
        AccountReports reports = new AccountReports(store, new DailyDigests(store, null, 100_000), 100_000,
                () -> Optional.of(index));

        var ofThird = reports.similarTrades(SimilarTradesRequest.newBuilder().setSignalKey(key(3, T0 + 1_200_000))
                .setK(2).build());
        assertThat(ofThird.getNearestList()).extracting(t -> t.getPositionId()).containsExactly(1L, 2L);
        assertThat(ofThird.getNearest(0).getWon()).isTrue();
        assertThat(ofThird.getNearest(0).getPnl()).isEqualTo("29.00");
        assertThat(ofThird.getWinRate()).isEqualTo(0.5);
        assertThat(ofThird.getIndexed()).isEqualTo(3);

        var candidate = reports.similarTrades(SimilarTradesRequest.newBuilder()
                .putFeatures("rsi_14", 31.0).putFeatures("atr_14", 0.0012).setK(1).build());
        assertThat(candidate.getNearestList()).extracting(t -> t.getPositionId()).containsExactly(2L);
        assertThat(candidate.getNearest(0).getWon()).isFalse();

        assertThatThrownBy(() -> reports.similarTrades(SimilarTradesRequest.newBuilder().setSignalKey("nope").build()))
                .hasMessageContaining("no entry features stored for signal nope");
        assertThatThrownBy(() -> reports.similarTrades(SimilarTradesRequest.getDefaultInstance()))
                .hasMessageContaining("signal_key or the candidate's features");
    }

    @Test
    void adminServiceAnswersSimilarTradesOverGrpc_andRefusesAnUnknownTrade(@TempDir Path dir) throws Exception {
        HostConfig config = HostConfig.defaults().withGrpcPort(0).withJournalFile(journalOfThreeTrades(dir))
                .withPluginDir(Files.createDirectories(dir.resolve("plugins")));
        try (Host host = Host.start(config, MemoryConfig.inProcess())) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", host.grpcPort()).usePlaintext().build();
            try {
                var admin = AdminServiceGrpc.newBlockingStub(channel);
                long deadline = System.nanoTime() + 20_000_000_000L; // the index is built on the memory's thread
                while (host.longTermMemory().similarTrades().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }

                var reply = admin.getSimilarTrades(SimilarTradesRequest.newBuilder()
                        .setSignalKey(key(3, T0 + 1_200_000)).build());

                assertThat(reply.getNearestList()).extracting(t -> t.getPositionId()).containsExactly(1L, 2L);
                assertThat(admin.getTradeLog(TradeLogRequest.getDefaultInstance()).getTrades(2).getGrade())
                        .isEqualTo("A");
                assertThatThrownBy(() -> admin.getSimilarTrades(SimilarTradesRequest.newBuilder()
                        .setSignalKey("nope").build())).isInstanceOf(StatusRuntimeException.class)
                        .hasMessageContaining("INVALID_ARGUMENT");
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(StoreBackend.class)
    void theLearnersTrainingRowsAreTheTradesWhoseEntryHoldsEverySchemaValue_inSchemaOrder(StoreBackend backend, @TempDir Path dir) {
        TradeStore store = backend.open(dir);
        new JournalIndexer(journalOfThreeTrades(dir), store).catchUp();
        ModelSchema schema = ModelSchema.of("rsi_14", "atr_14", CandidateFeatures.SIDE, CandidateFeatures.ALPHA_STRENGTH);

        List<LabeledEntry> rows = TrainingRows.from(store, schema);

        // the first two entries were journaled without the lead alpha's strength: not rows a model could score
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.features()).containsExactly(68.0, 0.0010, 1.0, 0.8);
            assertThat(r.tp1First()).as("closed at the entry price, short of TP1").isFalse();
            assertThat(r.entryMs()).isEqualTo(T0 + 1_200_000 + 100);
            assertThat(r.labelKnownMs()).isEqualTo(T0 + 1_200_000 + 120_000);
        });
    }

    private static String key(long n, long decided) {
        return "EURUSD-" + decided + "-" + n;
    }

    /** Decided at {@code decided}, filled 100 ms later, closed 2 minutes after the decision with {@code profit}. */
    private static void trade(Journal journal, long n, long decided, Map<String, Double> features,
                              EntryContext.Decision decision, double profit) {
        String key = key(n, decided);
        Signal signal = Signal.newBuilder().setSignalKey(key).setSymbol("EURUSD").setSide(Side.BUY).setVolume(1)
                .setReferencePrice(1.1).setSl(1.098).setTp1(1.103).setTp2(1.1048).setAlpha("alpha-momentum@1.0.0")
                .setDecidedOnTickMsc(decided).build();
        journal.append(decided, "EURUSD", JournalRecord.newBuilder().setSignal(signal).build());
        journal.append(decided, "EURUSD", JournalRecord.newBuilder().setEntry(EntryRecords.of(new EntryContext(signal,
                "TREND_LOW_VOL", "LONDON", Money.ofCents(2000), "ftmo-2step", "ACTIVE", features, decision))).build());
        journal.append(decided + 100, "EURUSD", JournalRecord.newBuilder().setFill(Fill.newBuilder().setDeal(n * 10)
                .setPositionId(n).setSymbol("EURUSD").setSide(Side.BUY).setEntry(DealEntry.ENTRY_IN).setVolume(1)
                .setPrice(1.1).setTimeMsc(decided + 100).setSignalKey(key).setReason("signal")).build());
        journal.append(decided + 120_000, "EURUSD", JournalRecord.newBuilder().setFill(Fill.newBuilder()
                .setDeal(n * 10 + 1).setPositionId(n).setSymbol("EURUSD").setSide(Side.SELL)
                .setEntry(DealEntry.ENTRY_OUT).setVolume(1).setPrice(1.1).setProfit(profit).setCommission(-1.00)
                .setTimeMsc(decided + 120_000).setSignalKey(key).setReason(profit > 0 ? "tp" : "sl")).build());
    }
}
