package com.vproptrader.host.memory;

import com.vproptrader.host.journal.Journal;
import com.vproptrader.proto.DayResetRecord;
import com.vproptrader.proto.JournalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host's stop while the long-term memory is still indexing (a flood of signals leaves it behind): the last
 * catch-up must not run beside the one in hand, on another thread, against the same indexer and store.
 */
class LongTermMemoryCloseTest {
    private static final long DAY = TimeUnit.DAYS.toMillis(1);
    private static final long BUSY_LONGER_THAN_CLOSE_WAITED_MS = 11_000;

    @Test
    void closingWhileTheIndexerIsBusyIndexesTheRestOnTheIndexersThreadOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.db");
        try (Journal journal = Journal.open(file)) {
            JournaledTrades trades = new JournaledTrades(journal);
            dayReset(journal, 0);
            journal.flush();

            LongTermMemory memory = new LongTermMemory(file);
            List<String> indexedOn = new CopyOnWriteArrayList<>();
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            memory.onDayClosed((start, end) -> {
                indexedOn.add(Thread.currentThread().getName());
                if (start == 0) { // the indexer is busy with the first day when the host stops
                    busy.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else {
                    release.countDown();
                }
            });
            memory.start();
            assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();
            trades.buy(1, DAY + 1_000, Map.of("z", 1.0), new JournaledTrades.Exit(1, 1.101, "tp"));
            dayReset(journal, DAY);
            journal.flush();

            CompletableFuture<Void> closed = CompletableFuture.runAsync(memory::close);
            // longer than close ever waited for a busy indexer (10 s) before it ran a second catch-up beside it
            release.await(BUSY_LONGER_THAN_CLOSE_WAITED_MS, TimeUnit.MILLISECONDS);
            release.countDown();
            closed.get(60, TimeUnit.SECONDS);

            assertThat(indexedOn).hasSize(2).allMatch("long-term-memory"::equals);
            assertThat(memory.store().trades(0, Long.MAX_VALUE, 0)).extracting(ClosedTrade::positionId).containsExactly(1L);
        }
    }

    private static void dayReset(Journal journal, long previousStart) {
        journal.append(previousStart + DAY, "", JournalRecord.newBuilder().setDayReset(DayResetRecord.newBuilder()
                .setPreviousStartMsc(previousStart).setNewStartMsc(previousStart + DAY)).build());
    }
}
