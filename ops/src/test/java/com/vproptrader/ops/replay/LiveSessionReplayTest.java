package com.vproptrader.ops.replay;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.it.ChildProcess;
import com.vproptrader.host.it.HostBehindGateway;
import com.vproptrader.host.it.JournalRows;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.journal.JournalEntry;
import com.vproptrader.host.journal.JournalVerifier;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.sim.TerminalSimMain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A live session (host, gateway and terminal stand-in as separate processes over loopback) replayed from its
 * journal in this process: every decision record comes out byte for byte, and a live input changed in the
 * journal (one round trip's latency) makes the comparison fail at the first decision it changes.
 */
class LiveSessionReplayTest {
    @TempDir
    static Path dir;
    static Path plugins;
    static Path live;

    @BeforeAll
    static void runALiveSession() throws Exception {
        plugins = PluginJars.installAll(dir.resolve("plugins"));
        Path liveDir = dir.resolve("live");
        live = liveDir.resolve("journal.db");
        try (HostBehindGateway stack = HostBehindGateway.start(liveDir, plugins, 0);
             ChildProcess terminal = ChildProcess.start("terminal-sim", TerminalSimMain.class,
                     "--gateway-port", stack.gatewayPort(), "--synthetic-ticks", "20000", "--tps", "300", "--loop",
                     "--token", stack.token())) {
            await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(JournalRows.fillKeys(live)).as("fills of the live session; host:\n%s\nterminal:\n%s",
                            stack.host().output(), terminal.output()).isNotEmpty());
        } // the host is stopped (SIGTERM): its journal is flushed and closed
        assertThat(JournalVerifier.verify(live).intact()).isTrue();
    }

    private HostConfig replayInto(String name) {
        return HostConfig.defaults().withPluginDir(plugins).withJournalFile(dir.resolve(name));
    }

    @Test
    void theLiveSessionReplayedFromItsJournal_makesEveryDecisionByteForByte() throws Exception {
        List<JournalRecord> fills = JournalRows.records(live, JournalKind.KIND_FILL);
        assertThat(fills).as("inbound records carry the loop clock the latency rules read")
                .allMatch(r -> r.getLoopNanos() != 0);
        assertThat(JournalRows.rows(live, JournalKind.KIND_SESSION)).as("config and plugin versions journaled").isNotEmpty();

        SessionReplay.Result r = SessionReplay.run(replayInto("again.db"), live);

        System.out.println("live session replayed: " + r.decisions() + " decision records compared");
        assertThat(r.firstDifference()).as("first differing decision record").isEmpty();
        assertThat(r.decisions()).as("decision records compared").isGreaterThan(10);
        assertThat(JournalRows.rows(dir.resolve("again.db"), JournalKind.KIND_SIGNAL))
                .extracting(JournalEntry::payload)
                .containsExactlyElementsOf(JournalRows.rows(live, JournalKind.KIND_SIGNAL).stream()
                        .map(JournalEntry::payload).toList());
    }

    @Test
    void oneRoundTripTwoSecondsSlower_changesADecision_andTheComparisonNamesTheFirstOne() throws Exception {
        // The same session, except that the fill answering the first signal reached the loop 2 s later (and
        // everything after it too): a different latency sample, written as a valid journal.
        Path slower = dir.resolve("slower.db");
        long firstFillSeq = JournalRows.rows(live, JournalKind.KIND_FILL).stream()
                .filter(e -> !e.record().getFill().getSignalKey().isEmpty()).findFirst().orElseThrow().seq();
        try (Journal in = Journal.open(live); Journal out = Journal.open(slower)) {
            for (JournalEntry row : in.readAll()) {
                JournalRecord r = row.record();
                if (row.seq() >= firstFillSeq && r.getLoopNanos() != 0) {
                    r = r.toBuilder().setLoopNanos(r.getLoopNanos() + 2_000_000_000L).build();
                }
                out.append(row.eventTimeMsc(), row.symbol(), r);
            }
            out.flush();
        }

        SessionReplay.Result r = SessionReplay.run(replayInto("again-slower.db"), slower);

        assertThat(r.firstDifference()).as("the replay of the changed input differs").isPresent();
        assertThat(r.firstDifference().get()).startsWith("decision record ").contains("live seq ").contains("replay ");
        assertThat(r.firstDifference().get()).as("the slow round trip pauses trading").contains("pause");
    }
}
