package com.vproptrader.ops.replay;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.host.macro.fred.FredObservation;
import com.vproptrader.host.macro.fred.FredStore;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.sim.broker.BrokerConfig;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.data.SyntheticTicks;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The macro config end to end in a replay, offline: a ForexFactory export drives the news embargo, a stored
 * FRED vintage and an archived headline reach the features (journalled as they become known), nothing fetched.
 */
class MacroReplayTest {

    @Test
    void importedCalendarStopsTradingAroundTheReleaseAndStoredFactsArriveWhenKnown(@TempDir Path dir) throws Exception {
        // Synthetic ticks start 2024-01-02 10:30 server time (GMT+2) = 08:30 UTC; the release is at 08:45 UTC.
        Files.writeString(dir.resolve("ff_calendar_thisweek.json"), """
                [{"title":"JOLTS Job Openings","country":"USD","date":"2024-01-02T03:45:00-05:00","impact":"High","forecast":"","previous":""},
                 {"title":"Bank Holiday","country":"JPY","date":"2024-01-02T00:00:00-05:00","impact":"Holiday","forecast":"","previous":""}]
                """);
        Files.writeString(dir.resolve("usd.rss"), """
                <?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
                <item><title>US jobs growth beats expectations</title><guid>h1</guid>
                <pubDate>Tue, 02 Jan 2024 08:35:00 GMT</pubDate></item></channel></rss>
                """);
        Files.writeString(dir.resolve("macro.json"), """
                {"fred": {"series": ["DGS10"]},
                 "calendar": {"sources": ["ff_calendar_thisweek.json"]},
                 "sentiment": {"feeds": [{"name": "us", "url": "usd.rss", "currency": "USD"}]}}
                """);
        try (FredStore store = new FredStore(dir.resolve("macro.db"))) { // published 29 Dec: known 30 Dec 06:00 UTC
            store.save("DGS10", List.of(new FredObservation("DGS10", LocalDate.of(2023, 12, 28), LocalDate.of(2023, 12, 29),
                    LocalDate.of(9999, 12, 31), OptionalDouble.of(3.84))), Instant.parse("2023-12-30T00:00:00Z"));
        }
        HostConfig config = HostConfig.defaults().withPluginDir(PluginJars.installAll(dir.resolve("plugins")))
                .withJournalFile(dir.resolve("journal.db")).withMacroFile(dir.resolve("macro.json"));

        Replay.run(config, MarketSource.of(new SyntheticTicks(42, "EURUSD", 8_000)),
                new SimBroker(BrokerConfig.defaults().withAccountId("macro")));

        Jdbi journal = Jdbi.create("jdbc:sqlite:" + config.journalFile());
        long releaseServerMsc = Instant.parse("2024-01-02T10:45:00Z").toEpochMilli(); // GMT+2 server clock
        List<Long> signals = journal.withHandle(h -> h.createQuery(
                "SELECT event_time_msc FROM journal WHERE kind = 'signal' ORDER BY seq").mapTo(Long.class).list());
        assertThat(signals).as("trading before and after the release").anyMatch(t -> t < releaseServerMsc - 120_000)
                .anyMatch(t -> t > releaseServerMsc + 120_000);
        assertThat(signals).as("no signal in the ±2 min window").noneMatch(t -> Math.abs(t - releaseServerMsc) <= 120_000);

        List<com.vproptrader.host.journal.JournalEntry> macro = com.vproptrader.host.it.JournalRows.rows(
                config.journalFile(), com.vproptrader.proto.JournalKind.KIND_MACRO);
        assertThat(macro).hasSize(2);
        assertThat(macro.get(0).record().getMacro().getText()).startsWith("macro_DGS10 3.84 for 2023-12-28");
        assertThat(macro.get(0).eventTimeMsc()).as("known before the replay starts: on its first tick")
                .isBetween(SyntheticTicks.START_MSC, SyntheticTicks.START_MSC + 1_000);
        assertThat(macro.get(1).record().getMacro().getText()).contains("headline USD").contains("US jobs growth beats expectations");
        long headlineServerMsc = Instant.parse("2024-01-02T10:35:00Z").toEpochMilli();
        assertThat(macro.get(1).eventTimeMsc()).as("on the first tick at or after it was known")
                .isBetween(headlineServerMsc, headlineServerMsc + 60_000);
    }
}
