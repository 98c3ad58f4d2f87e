package com.vproptrader.ops.replay;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.host.memory.JournalIndexer;
import com.vproptrader.host.memory.TradeStore;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.data.SyntheticTicks;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The long-term store is a function of the journal: indexed in pieces across a restart or rebuilt at once, the same. */
class LongTermStoreRebuildTest {
    private static final List<String> TABLES = List.of("trades", "fills", "entries", "entry_features", "decisions",
            "versions");

    @Test
    void aStoreIndexedAcrossARestartEqualsOneRebuiltFromTheJournalAndHoldsTheLoopsClosedTrades(@TempDir Path dir)
            throws Exception {
        Path journal = dir.resolve("j.db");
        HostConfig config = HostConfig.defaults().withPluginDir(PluginJars.installAll(dir.resolve("plugins")))
                .withJournalFile(journal);
        SimBroker broker = new SimBroker("replay", "USD", 100_000, 100, SimBroker.eurusdLike("EURUSD"));
        Replay.Result result = Replay.run(config, MarketSource.of(new SyntheticTicks(42, "EURUSD", 6_000)), broker);
        long lastSeq = Jdbi.create("jdbc:sqlite:" + journal).withHandle(h ->
                h.createQuery("SELECT max(seq) FROM journal").mapTo(Long.class).one());

        TradeStore live = TradeStore.open(dir.resolve("live-memory.db"));
        new JournalIndexer(journal, live).catchUpTo(lastSeq / 2); // the host stops half-way ...
        new JournalIndexer(journal, live).catchUp();               // ... and a new process carries on
        TradeStore rebuilt = TradeStore.open(dir.resolve("rebuilt-memory.db"));
        new JournalIndexer(journal, rebuilt).catchUp();

        assertThat(live.indexedSeq()).isEqualTo(rebuilt.indexedSeq()).isPositive();
        for (String table : TABLES) {
            assertThat(rebuilt.rows(table)).as(table).isNotEmpty();
            assertThat(live.rows(table)).as(table).containsExactlyElementsOf(rebuilt.rows(table));
        }
        assertThat(rebuilt.allTrades()).as("the event loop's own closed trades")
                .containsExactlyInAnyOrderElementsOf(result.closedTrades());
        String signalKey = rebuilt.allTrades().get(rebuilt.allTrades().size() - 1).signalKey();
        assertThat(rebuilt.entryFeatures(signalKey)).as("features at entry").containsKey("spread");
        assertThat(rebuilt.rows("versions")).extracting(r -> r.get("component")).contains("alpha", "rule_pack");
    }
}
