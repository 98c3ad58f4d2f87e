package com.vproptrader.host.memory;

import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarTradesTest {
    private static final int FEATURES = 24;

    @Test
    void theApproximateNeighboursRecallAtLeastNinetyPercentOfTheExactOnes() {
        Random rnd = new Random(7);
        List<ClosedTrade> trades = new ArrayList<>();
        List<Map<String, Double>> features = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            trades.add(trade(i, rnd.nextInt(400) - 150));
            features.add(randomFeatures(rnd));
        }
        SimilarTrades index = SimilarTrades.of(new SimilarTrades.Sample(trades, features));

        int k = 10;
        int found = 0;
        for (int q = 0; q < 200; q++) {
            Map<String, Double> query = randomFeatures(rnd);
            Set<Long> exact = ids(index.exactNearest(query, k));
            List<SimilarTrades.Neighbor> approx = index.nearest(query, k);
            assertThat(approx).hasSize(k);
            found += (int) approx.stream().filter(n -> exact.contains(n.trade().positionId())).count();
        }
        double recall = found / (200.0 * k);
        assertThat(recall).as("recall@10 against exact search").isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void aStoredTradesOwnFeaturesFindItFirstWithItsOutcome() {
        Random rnd = new Random(11);
        List<ClosedTrade> trades = new ArrayList<>();
        List<Map<String, Double>> features = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            trades.add(trade(i, i % 3 == 0 ? -100 : 250));
            features.add(randomFeatures(rnd));
        }
        SimilarTrades index = SimilarTrades.of(new SimilarTrades.Sample(trades, features));

        SimilarTrades.Neighbor nearest = index.nearest(features.get(42), 5).get(0);
        assertThat(nearest.trade().positionId()).isEqualTo(42);
        assertThat(nearest.distance()).isZero();
        assertThat(nearest.trade().pnl()).isEqualTo(Money.ofCents(-100));
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(StoreBackend.class)
    void theIndexIsBuiltFromTheStoreAndRebuiltWhenTheStoreHasNewTrades(StoreBackend backend, @TempDir Path dir) {
        Path journalFile = dir.resolve("j.db");
        TradeStore store = backend.open(dir);
        try (Journal journal = Journal.open(journalFile)) {
            JournaledTrades j = new JournaledTrades(journal);
            j.buy(1, 1_000_000, Map.of("rsi_14", 30.0, "spread", 0.0001), new JournaledTrades.Exit(1, 1.103, "tp"));
            j.buy(2, 2_000_000, Map.of("rsi_14", 70.0, "spread", 0.0003), new JournaledTrades.Exit(1, 1.098, "sl"));
            journal.flush();
            JournalIndexer indexer = new JournalIndexer(journalFile, store);
            indexer.catchUp();
            SimilarTrades index = SimilarTrades.of(store);
            assertThat(index.size()).isEqualTo(2);
            assertThat(index.isStale(store)).isFalse();

            j.buy(3, 3_000_000, Map.of("rsi_14", 69.0, "spread", 0.0003), new JournaledTrades.Exit(1, 1.1, "close"));
            journal.flush();
            indexer.catchUp();
            assertThat(index.isStale(store)).isTrue();
            SimilarTrades rebuilt = SimilarTrades.of(store);
            assertThat(rebuilt.nearest(Map.of("rsi_14", 69.5, "spread", 0.0003), 2))
                    .extracting(n -> n.trade().positionId()).containsExactlyInAnyOrder(2L, 3L);
        }
    }

    private static Set<Long> ids(List<SimilarTrades.Neighbor> neighbours) {
        Set<Long> out = new HashSet<>();
        neighbours.forEach(n -> out.add(n.trade().positionId()));
        return out;
    }

    static Map<String, Double> randomFeatures(Random rnd) {
        Map<String, Double> f = new HashMap<>();
        for (int j = 0; j < FEATURES; j++) {
            f.put("f" + j, rnd.nextGaussian() * (j + 1));
        }
        return f;
    }

    static ClosedTrade trade(long id, long pnlCents) {
        return new ClosedTrade(id, "k" + id, "alpha-momentum", "1.0.0", "TREND_LOW_VOL", "LONDON", "EURUSD", Side.BUY,
                0.1, 1.1, 1.1, id * 1000, id * 1000 + 500, Money.ofCents(pnlCents), Money.ofCents(100), "tp");
    }
}
