package com.vproptrader.ops.replay;

import com.vproptrader.host.time.ServerClock;

import com.vproptrader.marketdata.mt5.CsvMappingFile;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.marketdata.mt5.GenericCsv;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.marketdata.mt5.Mt5TickCsv;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.proto.Tick;
import com.vproptrader.sim.broker.BrokerConfig;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.data.SyntheticTicks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same ticks written as an MT5 "Export ticks" file and as a generic CSV in UTC with its own column names
 * (read through a JSON header mapping) give the same decisions: one ingest path, whatever the file.
 */
class OneIngestPathTest {
    private static final int TICKS = 5_000;

    @Test
    void anMt5ExportAndAMappedGenericCsvOfTheSameTicksGiveTheSameJournal(@TempDir Path dir) throws Exception {
        Path mt5 = SyntheticTicks.write(dir, 42, "EURUSD", TICKS);
        List<String> lines = new ArrayList<>(List.of("utc_ms;instrument;best_bid;best_ask;changed"));
        SyntheticTicks ticks = new SyntheticTicks(42, "EURUSD", TICKS);
        while (ticks.hasNext()) {
            Tick t = ticks.next();
            long utc = t.getTimeMsc() - 2 * 3_600_000L; // broker server time is GMT+2 in January
            lines.add(utc + ";" + t.getSymbol() + ";" + t.getBid() + ";" + t.getAsk() + ";" + t.getFlags());
        }
        Path generic = Files.write(dir.resolve("ticks-utc.csv"), lines);
        Path mapping = Files.writeString(dir.resolve("mapping.json"), """
                {"delimiter": ";", "timestampColumn": "utc_ms", "timestampFormat": "epoch_ms", "zone": "UTC",
                 "symbolColumn": "instrument", "columns": {"bid": "best_bid", "ask": "best_ask", "flags": "changed"}}""");
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));

        Replay.Result fromMt5;
        try (MarketSource<Tick> source = Mt5TickCsv.open(mt5, "EURUSD")) {
            fromMt5 = replay(plugins, dir.resolve("mt5.db"), source);
        }
        Replay.Result fromGeneric;
        try (MarketSource<Tick> source = GenericCsv.ticks(Files.newBufferedReader(generic),
                CsvMappingFile.load(mapping), ServerClock.NY_CLOSE::toServerMsc)) {
            fromGeneric = replay(plugins, dir.resolve("generic.db"), source);
        }

        assertThat(fromMt5.counters().getTicks()).isEqualTo(TICKS);
        assertThat(fromMt5.counters().getSignals()).isPositive();
        assertThat(fromGeneric.counters()).isEqualTo(fromMt5.counters());
        assertThat(fromGeneric.digest()).isEqualTo(fromMt5.digest());
    }

    private static Replay.Result replay(Path plugins, Path journal, MarketSource<Tick> ticks) throws Exception {
        HostConfig config = HostConfig.defaults().withPluginDir(plugins).withJournalFile(journal);
        return Replay.run(config, ticks, new SimBroker(BrokerConfig.defaults().withAccountId("ingest")));
    }
}
