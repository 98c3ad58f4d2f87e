package com.vproptrader.host.engine;

import com.vproptrader.proto.FillSource;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.ReconcileRecord;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.govern.SqliteGovernorStore;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.proto.Account;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.TerminalEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When the terminal reconnects, its snapshot wins and every difference with the host's view is journaled. */
class ReconnectReconciliationTest {
    private static final SymbolSpec EURUSD = SymbolSpec.newBuilder().setSymbol("EURUSD").setDigits(5)
            .setContractSize(100_000).setTickSize(0.00001).setTickValue(1).setVolumeMin(0.01).setVolumeStep(0.01)
            .setVolumeMax(100).build();

    @Test
    void positionsClosedOrOpenedWhileDisconnectedAreJournaledAndTheTerminalsSnapshotWins(@TempDir Path dir)
            throws Exception {
        HostConfig config = HostConfig.defaults().withPluginDir(Files.createDirectories(dir.resolve("plugins")))
                .withJournalFile(dir.resolve("j.db"));
        try (Journal journal = Journal.open(config.journalFile());
             PluginHost plugins = new PluginHost(config.pluginDir(), config.pluginCallBudget());
             AccountEngine engine = new AccountEngine(config, plugins, journal, Clock.eventTime())) {
            Recording first = new Recording();
            assertThat(engine.connect(first, hello(List.of()))).isEmpty();
            engine.onEvent(first, TerminalEvent.newBuilder().setSeq(2).setFill(Fill.newBuilder().setDeal(1)
                    .setPositionId(101).setSymbol("EURUSD").setSide(Side.BUY).setEntry(DealEntry.ENTRY_IN)
                    .setVolume(0.10).setPrice(1.1).setTimeMsc(1_000)).build());
            engine.disconnected(first);

            Position openedByHand = Position.newBuilder().setTicket(202).setSymbol("EURUSD").setSide(Side.SELL)
                    .setVolume(0.20).setOpenPrice(1.2).build();
            assertThat(engine.connect(new Recording(), hello(List.of(openedByHand)))).isEmpty();
            journal.flush();

            List<ReconcileRecord> notes = journal.read(JournalKind.KIND_RECONCILE).stream()
                    .map(e -> e.record().getReconcile()).toList();
            assertThat(notes).hasSize(2);
            assertThat(notes.get(0).getChange()).isEqualTo("closed while disconnected");
            assertThat(notes.get(0).getPosition().getTicket()).isEqualTo(101);
            assertThat(notes.get(1).getChange()).isEqualTo("adopted from terminal");
            assertThat(notes.get(1).getPosition().getTicket()).isEqualTo(202);
            assertThat(engine.snapshot().getPositionsList()).containsExactly(openedByHand);
        }
    }

    @Test
    void aFillReplayedAfterAReconnectIsAppliedOnce_byDealTicket(@TempDir Path dir) throws Exception {
        HostConfig config = HostConfig.defaults().withPluginDir(Files.createDirectories(dir.resolve("plugins")))
                .withJournalFile(dir.resolve("j.db"));
        try (Journal journal = Journal.open(config.journalFile());
             PluginHost plugins = new PluginHost(config.pluginDir(), config.pluginCallBudget());
             AccountEngine engine = new AccountEngine(config, plugins, journal, Clock.eventTime())) {
            Fill fill = Fill.newBuilder().setDeal(7).setPositionId(101).setSymbol("EURUSD").setSide(Side.BUY)
                    .setEntry(DealEntry.ENTRY_IN).setVolume(0.10).setPrice(1.1).setTimeMsc(1_000).build();
            Recording first = new Recording();
            assertThat(engine.connect(first, hello(List.of()))).isEmpty();
            engine.onEvent(first, TerminalEvent.newBuilder().setSeq(2).setFill(fill).build());
            engine.disconnected(first);
            // the EA cannot know the host got it before the link dropped: it replays the deal
            Recording second = new Recording();
            assertThat(engine.connect(second, hello(List.of()))).isEmpty();
            engine.onEvent(second, TerminalEvent.newBuilder().setSeq(2).setFill(fill).build());
            journal.flush();

            assertThat(journal.read(JournalKind.KIND_FILL)).hasSize(1);
        }
    }

    @Test
    void dealsLostWhenTheHostDiedAreJournaledOnceFromTheTerminalsHistory_andTheSameHistoryAgainAddsNothing(
            @TempDir Path dir) throws Exception {
        HostConfig config = HostConfig.defaults().withPluginDir(Files.createDirectories(dir.resolve("plugins")))
                .withJournalFile(dir.resolve("j.db"));
        Fill heard = deal(5, 100, DealEntry.ENTRY_IN, Side.BUY, 0.10, 0, 1_000);
        Fill lostOnTheLink = deal(6, 101, DealEntry.ENTRY_IN, Side.BUY, 0.10, 0, 1_100);
        Fill openedWhileDown = deal(7, 102, DealEntry.ENTRY_IN, Side.SELL, 0.20, 0, 1_500);
        Fill closedWhileDown = deal(8, 102, DealEntry.ENTRY_OUT, Side.BUY, 0.20, -12.5, 1_600);
        Position held100 = Position.newBuilder().setTicket(100).setSymbol("EURUSD").setSide(Side.BUY).setVolume(0.10)
                .setOpenPrice(1.1).setOpenTimeMsc(1_000).build();
        Position held101 = held100.toBuilder().setTicket(101).setOpenTimeMsc(1_100).build();
        Hello afterRestart = hello(List.of(held100, held101)).toBuilder()
                .addAllRecentDeals(List.of(heard, lostOnTheLink, openedWhileDown, closedWhileDown)).build();
        try (PluginHost plugins = new PluginHost(config.pluginDir(), config.pluginCallBudget())) {
            try (Journal journal = Journal.open(config.journalFile());
                 AccountEngine engine = new AccountEngine(config, plugins, journal, Clock.eventTime())) {
                Recording first = new Recording();
                assertThat(engine.connect(first, hello(List.of()))).isEmpty();
                engine.onEvent(first, TerminalEvent.newBuilder().setSeq(2).setFill(heard).build());
                engine.snapshot();   // the fill was applied; deal 6 never reaches the host before it dies
            }
            try (Journal journal = Journal.open(config.journalFile());
                 AccountEngine restarted = new AccountEngine(config, plugins, journal, Clock.eventTime())) {
                Recording link = new Recording();
                assertThat(restarted.connect(link, afterRestart)).isEmpty();
                // the EA's replay of a fill it is not sure was heard: journaled by the host that died, applied already
                restarted.onEvent(link, TerminalEvent.newBuilder().setSeq(2).setFill(heard).build());
                restarted.disconnected(link);
                assertThat(restarted.connect(new Recording(), afterRestart)).isEmpty();   // the same history again
                assertThat(restarted.snapshot().getPositionsList()).containsExactly(held100, held101);
                journal.flush();

                List<JournalRecord> fills = journal.read(JournalKind.KIND_FILL).stream().map(e -> e.record()).toList();
                assertThat(fills).extracting(r -> r.getFill().getDeal()).containsExactly(5L, 6L, 7L, 8L);
                assertThat(fills).extracting(JournalRecord::getFillSource).containsExactly(FillSource.FILL_SOURCE_LIVE,
                        FillSource.FILL_SOURCE_TERMINAL_HISTORY, FillSource.FILL_SOURCE_TERMINAL_HISTORY,
                        FillSource.FILL_SOURCE_TERMINAL_HISTORY);
                // the position opened and closed while the host was down is a closed trade; the adopted ones are not
                assertThat(restarted.memory().recent(0)).extracting(t -> t.positionId()).containsExactly(102L);
            }
            try (Journal journal = Journal.open(config.journalFile());
                 AccountEngine again = new AccountEngine(config, plugins, journal, Clock.eventTime())) {
                assertThat(again.connect(new Recording(), afterRestart)).isEmpty();
                again.snapshot();
                journal.flush();
                assertThat(journal.read(JournalKind.KIND_FILL)).hasSize(4);
            }
        }
        try (SqliteGovernorStore governors = new SqliteGovernorStore(config.stateFile(), "acc")) {
            assertThat(governors.load().orElseThrow().consecutiveLosses()).as("the loss closed while down, counted once")
                    .isEqualTo(1);
        }
    }

    private static Fill deal(long ticket, long position, DealEntry entry, Side side, double volume, double profit,
                             long timeMsc) {
        return Fill.newBuilder().setDeal(ticket).setOrder(ticket).setPositionId(position).setSymbol("EURUSD")
                .setSide(side).setEntry(entry).setVolume(volume).setPrice(1.1).setProfit(profit).setTimeMsc(timeMsc)
                .build();
    }

    @Test
    void heartbeatsReachTheTerminalFromTheAccountLoop_asHostCommands(@TempDir Path dir) throws Exception {
        HostConfig config = HostConfig.defaults().withPluginDir(Files.createDirectories(dir.resolve("plugins")))
                .withJournalFile(dir.resolve("j.db"));
        try (Journal journal = Journal.open(config.journalFile());
             PluginHost plugins = new PluginHost(config.pluginDir(), config.pluginCallBudget());
             AccountEngine engine = new AccountEngine(config, plugins, journal, Clock.eventTime())) {
            engine.heartbeat();   // no terminal yet: nothing to send, nothing fails
            Recording terminal = new Recording();
            assertThat(engine.connect(terminal, hello(List.of()))).isEmpty();
            engine.heartbeat();
            engine.snapshot();    // the loop has run everything queued before it
            List<HostCommand> sent = List.copyOf(terminal.sent);
            assertThat(sent).extracting(HostCommand::hasConfig).first().isEqualTo(true);
            HostCommand beat = sent.get(sent.size() - 1);
            assertThat(beat.hasHeartbeat()).isTrue();
            assertThat(beat.getSeq()).isGreaterThan(sent.get(0).getSeq());
        }
    }

    private static Hello hello(List<Position> positions) {
        return Hello.newBuilder().setAccountId("acc").setServerTimeMsc(2_000).addSymbols(EURUSD)
                .setAccount(Account.newBuilder().setAccountId("acc").setBalance(100_000).setEquity(100_000))
                .addAllPositions(positions).build();
    }

    private static final class Recording implements TerminalSession {
        final List<HostCommand> sent = new ArrayList<>();

        @Override
        public void send(HostCommand command) {
            sent.add(command);
        }

        @Override
        public void close(String reason) {
        }
    }
}
