package com.vproptrader.host.memory;

import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The similar-trade sample the indexer keeps in memory is the store's own query, trade for trade and feature for
 * feature: for decisions before, at and after each close, with closes stored out of time order, and for decisions
 * reaching back past the trades it holds.
 */
class RecentTradesTest {

    @Test
    void everySampleIsWhatTheStoreItselfWouldGive(@TempDir Path dir) {
        try (TradeStore store = TradeStore.open(dir.resolve("journal-memory.db"))) {
            RecentTrades recent = new RecentTrades(5);
            Random random = new Random(7);
            store.write(0, h -> assertThat(recent.closedBefore(h, Long.MAX_VALUE, 3).trades()).isEmpty());
            for (int i = 1; i <= 40; i++) {
                long seq = i;
                long close = 10_000L * i + random.nextInt(30_000) - 15_000; // not in the order they are stored
                String key = i % 7 == 0 ? "" : "k" + i; // hand trades have no signal and no features
                ClosedTrade trade = new ClosedTrade(i, key, "alpha-momentum", "1.0.0", "TREND_LOW_VOL", "LONDON", "EURUSD",
                        Side.BUY, 0.1, 1.1, 1.1, close - 5_000, close, Money.ofCents(random.nextInt(2_000) - 1_000),
                        Money.ofCents(500), "tp");
                double f1 = random.nextGaussian();
                double f2 = random.nextGaussian();
                store.write(seq, h -> {
                    if (!key.isEmpty()) {
                        h.execute("INSERT INTO entry_features (signal_key, name, value) VALUES (?,?,?)", key, "f1", f1);
                        h.execute("INSERT INTO entry_features (signal_key, name, value) VALUES (?,?,?)", key, "f2", f2);
                    }
                    try (StoreRows.Chunk w = new StoreRows.Chunk(h)) {
                        StoreRows.trade(w, seq, trade);
                    }
                    recent.stored(h, trade.positionId());
                    for (long decided : new long[] {close - 20_000, close, close + 1, Long.MAX_VALUE}) {
                        assertThat(recent.closedBefore(h, decided, 3)).as("decided at %d after trade %d", decided, seq)
                                .isEqualTo(StoreRows.closedBefore(h, decided, 3));
                    }
                });
            }
        }
    }
}
