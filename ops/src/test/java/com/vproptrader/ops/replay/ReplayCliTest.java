package com.vproptrader.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.host.it.PluginJars;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCliTest {
    @TempDir
    Path dir;
    String out;
    String err;

    @Test
    void everySubcommand_answersHelp() {
        for (String sub : new String[] {"run", "verify", "digest"}) {
            assertThat(cli(sub, "--help")).as(sub).isZero();
            assertThat(out).as(sub).contains("Usage: replay " + sub);
        }
    }

    @Test
    void theSpreadCap_setsTheSpreadFiltersCapForTheReplay() throws Exception {
        assertThat(cli("run", "--help")).isZero();
        assertThat(out).contains("--spread-cap=POINTS");
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        assertThat(cli("run", "--synthetic-ticks", "8000", "--plugins", plugins.toString(), "--journal",
                dir.resolve("default.db").toString())).isZero();
        assertThat(cli("run", "--synthetic-ticks", "8000", "--spread-cap", "0.5", "--plugins", plugins.toString(),
                "--journal", dir.resolve("tight.db").toString())).isZero();
        assertThat(spreadCapVetoes(dir.resolve("default.db"))).as("synthetic spreads are under the filter's own 30 points")
                .isEmpty();
        assertThat(spreadCapVetoes(dir.resolve("tight.db"))).as("a half-point cap vetoes every candidate's spread")
                .isNotEmpty().allMatch(v -> v.getDetail().contains("> cap 0.5"));
        assertThat(cli("run", "--spread-cap", "-1", "--plugins", plugins.toString(), "--journal",
                dir.resolve("bad.db").toString())).isEqualTo(ReplayMain.BAD_INPUT);
        assertThat(err).contains("spread cap must be a number of points >= 0");
    }

    private static java.util.List<com.vproptrader.proto.VetoRecord> spreadCapVetoes(Path journal) {
        return com.vproptrader.host.it.JournalRows.records(journal, com.vproptrader.proto.JournalKind.KIND_VETO).stream()
                .map(r -> r.getVeto()).filter(v -> v.getSource() == com.vproptrader.proto.VetoSource.VETO_FILTER
                        && v.getCode().startsWith("filter-spread") && v.getDetail().contains("> cap")).toList();
    }

    @Test
    void fromJournal_replaysASessionToTheSameDecisions_andRefusesOtherPluginsNamingTheRow() throws Exception {
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        String session = dir.resolve("session.db").toString();
        assertThat(cli("run", "--synthetic-ticks", "8000", "--plugins", plugins.toString(), "--journal", session)).isZero();

        assertThat(cli("run", "--from-journal", session, "--plugins", plugins.toString(), "--journal",
                dir.resolve("again.db").toString())).as(err).isZero();
        assertThat(out).containsPattern("replay: [1-9][0-9]* decision records identical to the live session's");

        Path fewer = Files.createDirectories(dir.resolve("fewer"));
        Files.copy(PluginJars.jar("alpha-momentum"), fewer.resolve("alpha-momentum.jar"));
        assertThat(cli("run", "--from-journal", session, "--plugins", fewer.toString(), "--journal",
                dir.resolve("other.db").toString())).isEqualTo(ReplayMain.BAD_INPUT);
        assertThat(err).contains("journal row ").contains("the live session ran plugins [").contains(" serves [alpha-momentum@");

        assertThat(cli("run", "--from-journal", session, "--plugins", plugins.toString(), "--journal", session))
                .as("the live journal is never overwritten").isEqualTo(ReplayMain.BAD_INPUT);
        assertThat(cli("run", "--from-journal", dir.resolve("none.db").toString(), "--plugins", plugins.toString(),
                "--journal", dir.resolve("x.db").toString())).isEqualTo(ReplayMain.BAD_INPUT);
        assertThat(err).contains("no journal");
    }

    @Test
    void anUnknownSymbol_isAClearError_notAReplayOfRefusedTicks() throws Exception {
        assertThat(cli("run", "--symbol", "BTCUSD", "--plugins", dir.toString(), "--journal",
                dir.resolve("j.db").toString())).isEqualTo(ReplayMain.BAD_INPUT);
        assertThat(err).contains("unknown symbol BTCUSD").contains("--symbol-spec");
        assertThat(Files.exists(dir.resolve("j.db"))).isFalse();
    }

    @Test
    void anUnknownRulePack_isAClearError() {
        assertThat(cli("run", "--rule-pack", "nosuch", "--plugins", dir.toString(), "--journal",
                dir.resolve("j.db").toString())).isEqualTo(ReplayMain.BAD_INPUT);
        assertThat(err).contains("rule pack 'nosuch' not found").doesNotContain("\tat ");
    }

    @Test
    void aSymbolSpecFile_makesAnyInstrumentReplayable() throws Exception {
        Path specs = dir.resolve("specs.json");
        Files.writeString(specs, """
                {"symbols": [{"symbol": "BTCUSD", "base": "BTC", "quote": "USD", "digits": 2, "contractSize": 1,
                  "tickSize": 0.01, "tickValue": 0.01, "volumeMin": 0.01, "volumeStep": 0.01, "volumeMax": 10}]}""");
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        assertThat(cli("run", "--symbol", "BTCUSD", "--symbol-spec", specs.toString(), "--synthetic-ticks", "500",
                "--plugins", plugins.toString(), "--journal", dir.resolve("btc.db").toString())).isZero();
        assertThat(out).contains("replay: ticks=500 ").contains("bad=0 ");
    }

    @Test
    void refusedRows_arePrintedPerReasonWithTheirLineNumbers() throws Exception {
        Path data = dir.resolve("ticks.csv");
        Files.writeString(data, "<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>\n"
                + "2024.01.02\t10:00:00.000\t1.10000\t1.10010\t\t\t6\n"
                + "2024.01.02\t10:00:01.000\t-1.00000\t-0.99990\t\t\t6\n"
                + "2024.01.02\t10:00:02.000\t1.10002\t1.10012\t\t\t6\n"
                + "2024.01.02\t10:00:03.000\t-1.00000\t-0.99990\t\t\t6\n"
                + "2024.01.02\t09:00:00.000\t1.10002\t1.10012\t\t\t6\n");
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        assertThat(cli("run", "--data", data.toString(), "--plugins", plugins.toString(), "--journal",
                dir.resolve("r.db").toString())).isZero();
        assertThat(out).contains("refused rows: NON_POSITIVE_PRICE 2 (lines 3, 5)")
                .contains("refused rows: OUT_OF_ORDER 1 (line 6)");
    }

    @Test
    void digestOfAMissingJournal_isAnError_andCreatesNothing() {
        Path missing = dir.resolve("missing.db");
        assertThat(cli("digest", missing.toString())).isEqualTo(ReplayMain.BAD_INPUT);
        assertThat(err).contains("no journal");
        assertThat(cli("verify", missing.toString())).isEqualTo(ReplayMain.BAD_INPUT);
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void verifyOfAnEditedJournal_exitsNonZeroNamingTheFirstBadRecord() throws Exception {
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));
        Path journal = dir.resolve("j.db");
        assertThat(cli("run", "--synthetic-ticks", "300", "--plugins", plugins.toString(), "--journal",
                journal.toString())).isZero();
        assertThat(cli("verify", journal.toString())).isZero();
        assertThat(out).contains("intact");

        long middle = Jdbi.create("jdbc:sqlite:" + journal).withHandle(h -> {
            long seq = h.createQuery("SELECT max(seq) / 2 FROM journal").mapTo(Long.class).one();
            h.execute("UPDATE journal SET payload = replace(payload, '1.', '2.') WHERE seq = ?", seq);
            return seq;
        });
        assertThat(middle).isGreaterThan(10);
        assertThat(cli("verify", journal.toString())).isEqualTo(ReplayMain.BAD_JOURNAL);
        assertThat(err).contains("first bad record: seq " + middle + " (");
        assertThat(cli("digest", journal.toString())).isEqualTo(ReplayMain.BAD_JOURNAL);
    }

    private int cli(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return new CommandLine(new ReplayMain()).execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }
}
