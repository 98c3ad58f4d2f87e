package com.vproptrader.ops.replay;

import com.vproptrader.proto.VetoSource;
import com.vproptrader.host.it.JournalRows;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.sim.broker.BrokerConfig;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.data.SyntheticTicks;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Governor 5 end to end: a restricted USD event from the calendar file stops trading around it in the full loop. */
class NewsEmbargoReplayTest {

    @Test
    void noSignalIsSentInsideTheNewsWindowAndOpenPositionsAreClosedBeforeIt(@TempDir Path dir) throws Exception {
        // First the same ticks without news: pick a position that is open long enough to straddle the pre-close.
        HostConfig quiet = config(dir.resolve("quiet"), null);
        replay(quiet);
        // FTMO 2-Step: a +-2 min window, and positions closed from 5 min before it (triggered stops count).
        // The news goes where a position is open at the pre-close.
        // the longest closed one, held at least 10 s: ticks come 100-300 ms apart, so its middle has ticks on both sides
        Trade straddling = trades(quiet).stream().filter(t -> t.exit() != Long.MAX_VALUE)
                .max(java.util.Comparator.comparingLong(t -> t.exit() - t.entry()))
                .filter(t -> t.exit() - t.entry() >= 10_000)
                .orElseThrow(() -> new AssertionError("the synthetic data has no position held 10 s: " + trades(quiet)));
        long preCloseStart = (straddling.entry() + straddling.exit()) / 2;
        long windowStart = preCloseStart + 300_000;
        long newsServerMsc = windowStart + 120_000;
        long windowEnd = newsServerMsc + 120_000;
        // FTMO servers run GMT+2 in January: server time minus two hours is UTC.
        Instant news = Instant.ofEpochMilli(newsServerMsc).minusSeconds(2 * 3600);
        Path calendar = Files.writeString(Files.createDirectories(dir.resolve("news")).resolve("calendar.json"),
                "{\"news\":[{\"time\":\"" + news + "\",\"currency\":\"USD\",\"impact\":\"HIGH\",\"symbols\":[]}]}");
        HostConfig config = config(dir.resolve("news"), calendar);
        replay(config);

        Jdbi journal = Jdbi.create("jdbc:sqlite:" + config.journalFile());
        List<Long> signalTimes = signalTimes(config);
        assertThat(signalTimes).as("trading before the event").anyMatch(t -> t < preCloseStart);
        assertThat(signalTimes).as("no signal from the pre-close to the end of the window")
                .noneMatch(t -> t >= preCloseStart && t <= windowEnd);
        long newsVetoes = JournalRows.records(config.journalFile(), JournalKind.KIND_VETO).stream()
                .filter(r -> r.getVeto().getSource() == VetoSource.VETO_GOVERNOR && r.getVeto().getCode().startsWith("NEWS_"))
                .count();
        assertThat(newsVetoes).as("candidates vetoed for the news").isPositive();

        List<Long> newsCloses = JournalRows.rows(config.journalFile(), JournalKind.KIND_CLOSE).stream()
                .filter(e -> e.record().getClose().getReason().contains("NEWS")).map(e -> e.eventTimeMsc()).toList();
        assertThat(newsCloses).as("the governors close the open position in the pre-close, before the window")
                .isNotEmpty().allMatch(t -> t >= preCloseStart && t < windowStart);
        Trade closed = trades(config).stream().filter(t -> t.position() == straddling.position()).findFirst().orElseThrow();
        assertThat(closed.entry()).as("the same entry as without news").isEqualTo(straddling.entry());
        assertThat(closed.exit()).as("closed before the window instead of at its own exit")
                .isGreaterThanOrEqualTo(preCloseStart).isLessThan(windowStart);
        assertThat(trades(config)).as("no position is open inside the window")
                .noneMatch(t -> t.entry() <= windowEnd && t.exit() >= windowStart);
    }

    private record Trade(long position, long entry, long exit) {
    }

    private static List<Long> signalTimes(HostConfig config) {
        return Jdbi.create("jdbc:sqlite:" + config.journalFile()).withHandle(h -> h.createQuery(
                "SELECT event_time_msc FROM journal WHERE kind = 'signal' ORDER BY seq").mapTo(Long.class).list());
    }

    private static HostConfig config(Path dir, Path calendar) throws Exception {
        HostConfig config = HostConfig.defaults().withPluginDir(PluginJars.installAll(dir.resolve("plugins")))
                .withJournalFile(dir.resolve("journal.db"));
        return calendar == null ? config : config.withCalendarFile(calendar);
    }

    private static void replay(HostConfig config) throws Exception {
        Replay.run(config, MarketSource.of(new SyntheticTicks(42, "EURUSD", 30_000)),
                new SimBroker(BrokerConfig.defaults().withAccountId("news")));
    }

    /** Positions from the journal's fills: entry and last exit time (Long.MAX_VALUE while still open). */
    private static List<Trade> trades(HostConfig config) {
        Map<Long, long[]> byPosition = new LinkedHashMap<>();
        for (var record : JournalRows.records(config.journalFile(), JournalKind.KIND_FILL)) {
            Fill fill = record.getFill();
            long[] times = byPosition.computeIfAbsent(fill.getPositionId(), p -> new long[] {0, Long.MAX_VALUE});
            if (fill.getEntry() == DealEntry.ENTRY_IN) {
                times[0] = fill.getTimeMsc();
            } else {
                times[1] = fill.getTimeMsc();
            }
        }
        List<Trade> out = new ArrayList<>();
        byPosition.forEach((position, t) -> out.add(new Trade(position, t[0], t[1])));
        return out;
    }
}
