package com.vproptrader.host.engine;

import com.vproptrader.proto.JournalKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.journal.JournalEntry;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.proto.Account;
import com.vproptrader.proto.Heartbeat;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.Reject;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.TerminalEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live, on the wall clock, rows the terminal did not time-stamp (a reject, a disconnect) and the admin "last
 * event" carry the newest event time, never the wall clock shifted by a rounded broker offset (which stamped a
 * reject minutes before the signal it answered).
 */
class EventTimeStampsTest {
    /** 2024-01-02 10:07:31.250 server time: minutes off any quarter hour of the wall clock. */
    private static final long T = 1_704_190_051_250L;

    @Test
    void aRejectAndADisconnect_areStampedWithTheNewestEventTime_andSoIsTheAdminLastEvent(@TempDir Path dir)
            throws Exception {
        HostConfig config = HostConfig.defaults().withPluginDir(Files.createDirectories(dir.resolve("plugins")))
                .withJournalFile(dir.resolve("j.db"));
        try (Journal journal = Journal.open(config.journalFile());
             PluginHost plugins = new PluginHost(config.pluginDir(), config.pluginCallBudget());
             AccountEngine engine = new AccountEngine(config, plugins, journal, Clock.wall())) {
            TerminalSession terminal = new TerminalSession() {
                @Override
                public void send(HostCommand command) {
                }

                @Override
                public void close(String reason) {
                }
            };
            assertThat(engine.connect(terminal, Hello.newBuilder().setAccountId("acc").setServerTimeMsc(T)
                    .addSymbols(SymbolSpec.newBuilder().setSymbol("EURUSD").setDigits(5).setTickSize(0.00001)
                            .setTickValue(1).setContractSize(100_000).setVolumeMin(0.01).setVolumeStep(0.01)
                            .setVolumeMax(100))
                    .setAccount(Account.newBuilder().setAccountId("acc").setBalance(100_000).setEquity(100_000))
                    .build())).isEmpty();
            engine.onEvent(terminal, TerminalEvent.newBuilder().setSeq(2)
                    .setHeartbeat(Heartbeat.newBuilder().setTimeMsc(T + 1_000)).build());
            engine.onEvent(terminal, TerminalEvent.newBuilder().setSeq(3)
                    .setReject(Reject.newBuilder().setSignalKey("k-1").setRetcode(10019)).build());
            assertThat(engine.snapshot().getStatus().getLastEventServerTimeMsc()).isEqualTo(T + 1_000);
            engine.disconnected(terminal);
            engine.snapshot(); // the loop has handled the disconnect
            journal.flush();

            assertThat(journal.read(JournalKind.KIND_REJECT)).extracting(JournalEntry::eventTimeMsc).containsExactly(T + 1_000);
            assertThat(journal.read(JournalKind.KIND_DISCONNECT)).extracting(JournalEntry::eventTimeMsc).containsExactly(T + 1_000);
        }
    }
}
