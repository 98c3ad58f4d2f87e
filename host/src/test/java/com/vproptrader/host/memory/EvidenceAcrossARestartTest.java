package com.vproptrader.host.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.journal.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceAcrossARestartTest {
    @Test
    void aHostWithTheInProcessWindow_startsFromTheClosedTradesOfItsEarlierRuns(@TempDir Path dir) throws Exception {
        Path journalFile = dir.resolve("j.db");
        try (Journal journal = Journal.open(journalFile)) { // what an earlier run journaled: two wins, one loss
            JournaledTrades j = new JournaledTrades(journal);
            j.buy(1, 1_000_000, Map.of(), new JournaledTrades.Exit(1, 1.1030, "tp"));
            j.buy(2, 2_000_000, Map.of(), new JournaledTrades.Exit(1, 1.1030, "tp"));
            j.buy(3, 3_000_000, Map.of(), new JournaledTrades.Exit(1, 1.0980, "sl"));
            journal.flush();
        }
        HostConfig config = HostConfig.defaults().withGrpcPort(0).withJournalFile(journalFile)
                .withPluginDir(Files.createDirectories(dir.resolve("plugins")));

        try (Host host = Host.start(config, MemoryConfig.inProcess())) {
            ShortTermMemory memory = host.engine().memory();

            assertThat(memory.recent(0)).extracting(ClosedTrade::positionId).containsExactly(1L, 2L, 3L);
            WindowStats stats = memory.stats(new StatsKey("alpha-momentum", "TREND_LOW_VOL", "EURUSD"));
            assertThat(stats.count()).isEqualTo(3);
            assertThat(stats.wins()).isEqualTo(2);
        }
    }
}
