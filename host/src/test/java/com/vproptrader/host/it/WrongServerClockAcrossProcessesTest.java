package com.vproptrader.host.it;

import com.vproptrader.proto.JournalKind;
import com.vproptrader.sim.TerminalSimMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stand-in reports its server clock's offset in every hello, as the EA does; a terminal whose broker runs on
 * another clock than the rule pack says is refused, naming both, and trades nothing. Host, gateway and stand-in
 * are separate processes over loopback; the host trades the FTMO pack (GMT+2/+3, EU dates).
 */
class WrongServerClockAcrossProcessesTest {

    @Test
    void aStandInOnUtcIsRefusedByAHostWhosePackSaysGmtPlus2_withBothClocksNamed(@TempDir Path dir) throws Exception {
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        Path journal = dir.resolve("journal.db");
        try (HostBehindGateway stack = HostBehindGateway.start(dir, plugins, 0);
             ChildProcess terminal = ChildProcess.start("terminal-sim", TerminalSimMain.class,
                     "--gateway-port", stack.gatewayPort(), "--synthetic-ticks", "2000", "--tps", "50", "--loop",
                     "--token", stack.token(), "--server-clock", "UTC")) {

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(JournalRows.rows(journal, JournalKind.KIND_HELLO_REFUSED)).as("host:\n%s\nterminal:\n%s",
                            stack.host().output(), terminal.output()).isNotEmpty());

            assertThat(JournalRows.rows(journal, JournalKind.KIND_HELLO_REFUSED).get(0).payload())
                    .contains("server clock is GMT+0", "GMT+2/+3 (EU DST)", "i.e. GMT+2");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(terminal.output()).as("the terminal is told why").contains("gateway error",
                            "the terminal's server clock is GMT+0 but rule pack ftmo-2step says GMT+2/+3 (EU DST)"));
            assertThat(JournalRows.rows(journal, JournalKind.KIND_HELLO)).as("no accepted hello").isEmpty();
            assertThat(JournalRows.rows(journal, JournalKind.KIND_SIGNAL)).as("nothing traded").isEmpty();
        }
    }
}
