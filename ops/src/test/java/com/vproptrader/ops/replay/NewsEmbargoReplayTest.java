package com.vproptrader.ops.replay;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.sim.broker.BrokerConfig;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.data.SyntheticTicks;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Governor 5 end to end: a restricted USD event from the calendar file stops trading around it in the full loop. */
class NewsEmbargoReplayTest {

    @Test
    void noSignalIsSentInsideTheNewsWindowAndOpenPositionsAreClosedBeforeIt(@TempDir Path dir) throws Exception {
        // FTMO servers run GMT+2 in January: 10:45 server time is 08:45 UTC.
        long newsServerMsc = LocalDateTime.of(2024, 1, 2, 10, 45).toInstant(ZoneOffset.UTC).toEpochMilli();
        Instant news = Instant.ofEpochMilli(newsServerMsc).minusSeconds(2 * 3600);
        Path calendar = Files.writeString(dir.resolve("calendar.json"),
                "{\"news\":[{\"time\":\"" + news + "\",\"currency\":\"USD\",\"impact\":\"HIGH\",\"symbols\":[]}]}");
        HostConfig config = HostConfig.defaults().withPluginDir(PluginJars.installAll(dir.resolve("plugins")))
                .withJournalFile(dir.resolve("journal.db")).withCalendarFile(calendar);

        Replay.run(config, MarketSource.of(new SyntheticTicks(42, "EURUSD", 8_000)),
                new SimBroker(BrokerConfig.defaults().withAccountId("news")));

        Jdbi journal = Jdbi.create("jdbc:sqlite:" + config.journalFile());
        long windowStart = newsServerMsc - 120_000;
        long windowEnd = newsServerMsc + 120_000;
        List<Long> signalTimes = journal.withHandle(h -> h.createQuery(
                "SELECT event_time_msc FROM journal WHERE kind = 'signal' ORDER BY seq").mapTo(Long.class).list());
        assertThat(signalTimes).as("trading before and after the event").anyMatch(t -> t < windowStart)
                .anyMatch(t -> t > windowEnd);
        assertThat(signalTimes).as("no signal inside the +-2 min window").noneMatch(t -> t >= windowStart && t <= windowEnd);
        int newsVetoes = journal.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM journal WHERE kind = 'veto' AND payload LIKE 'governor: NEWS_%'")
                .mapTo(Integer.class).one());
        assertThat(newsVetoes).as("candidates vetoed for the news").isPositive();
    }
}
