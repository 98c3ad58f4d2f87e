package com.vproptrader.ops.replay;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.host.it.JournalRows;
import com.vproptrader.host.journal.InputRuns;
import com.vproptrader.host.journal.JournalEntry;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.Tick;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.data.SyntheticTicks;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayDeterminismTest {
    private static final int TICKS = 6_000;

    @Test
    void replayingTheSameTicksTwiceGivesByteIdenticalJournals(@TempDir Path dir) throws Exception {
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        Replay.Result first = replay(plugins, dir.resolve("a.db"), ticks());
        Replay.Result second = replay(plugins, dir.resolve("b.db"), ticks());

        assertThat(first.counters().getSignals()).as("a replay that decides nothing proves nothing").isPositive();
        assertThat(first.counters().getFills()).isPositive();
        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(rows(dir.resolve("b.db"))).containsExactlyElementsOf(rows(dir.resolve("a.db")));
    }

    @Test
    void aReplaysJournal_replayedAsASession_makesEveryDecisionByteForByte(@TempDir Path dir) throws Exception {
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        Path journal = dir.resolve("replay.db");
        Replay.Result replay = replay(plugins, journal, ticks());
        assertThat(replay.counters().getSignals()).isPositive();
        assertThat(JournalRows.rows(journal, JournalKind.KIND_INPUT_RUN)).as("ticks packed in input runs").isNotEmpty();
        assertThat(JournalRows.rows(journal, JournalKind.KIND_TICK)).as("no tick left a row of its own").isEmpty();

        SessionReplay.Result again = SessionReplay.run(
                HostConfig.defaults().withPluginDir(plugins).withJournalFile(dir.resolve("again.db")), journal);

        assertThat(again.firstDifference()).as("first differing decision record").isEmpty();
        assertThat(again.decisions()).isGreaterThan(10);
    }

    @Test
    void alteringTicksAfterTNeverChangesADecisionMadeAtOrBeforeT(@TempDir Path dir) throws Exception {
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        List<Tick> original = ticks();
        long t = original.get(TICKS / 2).getTimeMsc();
        List<Tick> altered = new ArrayList<>();
        for (Tick tick : original) {
            // After T the market crashes 300 points: every later decision may change, none before.
            altered.add(tick.getTimeMsc() <= t ? tick
                    : tick.toBuilder().setBid(tick.getBid() - 0.003).setAsk(tick.getAsk() - 0.003).build());
        }
        replay(plugins, dir.resolve("original.db"), original);
        replay(plugins, dir.resolve("altered.db"), altered);

        List<String> before = rowsUpTo(dir.resolve("original.db"), t);
        assertThat(before.stream().filter(e -> e.contains("|signal|"))).as("decisions before T").isNotEmpty();
        assertThat(rowsUpTo(dir.resolve("altered.db"), t)).containsExactlyElementsOf(before);
        assertThat(rows(dir.resolve("altered.db"))).as("the alteration is visible after T")
                .isNotEqualTo(rows(dir.resolve("original.db")));
    }

    private static List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        new SyntheticTicks(42, "EURUSD", TICKS).forEachRemaining(ticks::add);
        return ticks;
    }

    private static Replay.Result replay(Path plugins, Path journal, List<Tick> ticks) throws Exception {
        HostConfig config = HostConfig.defaults().withPluginDir(plugins).withJournalFile(journal);
        SimBroker broker = new SimBroker("replay", "USD", 100_000, 100, SimBroker.eurusdLike("EURUSD"));
        return Replay.run(config, MarketSource.of(ticks.iterator()), broker);
    }

    private static List<String> rows(Path journal) {
        return rowsUpTo(journal, Long.MAX_VALUE);
    }

    /**
     * Rows in journal order, input runs unpacked, up to the first row about an event later than {@code t}; without
     * seq and hash, which a run that reaches past {@code t} changes.
     */
    private static List<String> rowsUpTo(Path journal, long t) {
        List<JournalEntry> all = Jdbi.create("jdbc:sqlite:" + journal).withHandle(h -> h.createQuery(
                        "SELECT seq, event_time_msc, kind, symbol, payload, hash FROM journal ORDER BY seq")
                .map((rs, ctx) -> new JournalEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list());
        List<String> prefix = new ArrayList<>();
        for (JournalEntry e : all.stream().flatMap(row -> InputRuns.unpack(row).stream()).toList()) {
            if (e.eventTimeMsc() > t) {
                break;
            }
            prefix.add(e.eventTimeMsc() + "|" + e.kind() + "|" + e.symbol() + "|" + e.payload());
        }
        return prefix;
    }
}
