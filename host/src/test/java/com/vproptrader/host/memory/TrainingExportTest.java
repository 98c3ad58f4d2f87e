package com.vproptrader.host.memory;

import com.vproptrader.host.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingExportTest {
    @ParameterizedTest(name = "on {0}")
    @EnumSource(StoreBackend.class)
    void eachTradeIsARowOfItsEntryFeaturesWithTheLabelsItsFillsSettledAndWhenTheyBecameKnown(StoreBackend backend, @TempDir Path dir)
            throws Exception {
        Path journalFile = dir.resolve("j.db");
        try (Journal journal = Journal.open(journalFile)) {
            JournaledTrades j = new JournaledTrades(journal);
            j.buy(1, 1_000_000, Map.of("rsi_14", 55.0), new JournaledTrades.Exit(0.5, 1.1030, "tp"),
                    new JournaledTrades.Exit(0.5, 1.1048, "tp"));
            j.buy(2, 2_000_000, Map.of("rsi_14", 45.0, "spread", 0.0002), new JournaledTrades.Exit(0.5, 1.1031, "tp"),
                    new JournaledTrades.Exit(0.5, 1.1000, "close"));
            j.buy(3, 3_000_000, Map.of(), new JournaledTrades.Exit(1, 1.0980, "sl"));
            journal.flush();
        }
        TradeStore store = backend.open(dir);
        new JournalIndexer(journalFile, store).catchUp();

        Path csv = dir.resolve("training.csv");
        assertThat(TrainingExport.writeCsv(store, csv)).isEqualTo(3);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("position_id,signal_key,alpha,regime,session,symbol,side,known_at_msc,"
                + "holding_ms,tp1_hit,tp2_hit,sl_hit,r_multiple,pnl,rsi_14,spread");
        assertThat(lines.get(1)).startsWith("1,EURUSD-1000000-1,alpha-momentum,TREND_LOW_VOL,LONDON,EURUSD,BUY,1120000,"
                + "119900,1,1,0,").endsWith(",390.00,55.0,");
        assertThat(lines.get(2)).contains(",2120000,119900,1,0,0,").endsWith(",45.0,2.0E-4");
        assertThat(lines.get(3)).contains(",3060000,59900,0,0,1,-1.0,-200.00,");
    }
}
