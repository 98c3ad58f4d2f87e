package com.vproptrader.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vproptrader.marketdata.quality.TickRejection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySourceTest {
    @TempDir
    Path dir;

    @Test
    void badRowsOfTheFile_neverReachTheBrokerOrTheLink_andAreReportedByLine() throws Exception {
        Path f = dir.resolve("ticks.csv");
        Files.writeString(f, "<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>\n"
                + "2024.01.02\t10:00:00.000\t1.10000\t1.10010\t\t\t6\n"
                + "2024.01.02\t10:00:01.000\t-1.00000\t-0.99990\t\t\t6\n"   // line 3: a price of -1.00
                + "2024.01.02\t10:00:02.000\tNaN\t1.10010\t\t\t6\n"         // line 4
                + "2024.01.02\t10:00:03.000\t1.10020\t1.10000\t\t\t6\n"     // line 5: crossed
                + "2024.01.02\t09:00:00.000\t1.09000\t1.09010\t\t\t6\n"     // line 6: an hour back
                + "2024.01.02\t10:00:04.000\t1.10002\t1.10012\t\t\t6\n");

        List<Long> delivered = new ArrayList<>();
        try (ReplaySource source = ReplaySource.open(SimConfig.defaults().withDataFile(f).withSymbol("EURUSD"))) {
            source.forEachRemaining(step -> delivered.add(step.tick().getTimeMsc() % 86_400_000L / 1000));
            assertThat(source.refused().firstLines(TickRejection.NON_POSITIVE_PRICE)).containsExactly(3L);
            assertThat(source.refused().firstLines(TickRejection.NON_FINITE_PRICE)).containsExactly(4L);
            assertThat(source.refused().firstLines(TickRejection.CROSSED_QUOTE)).containsExactly(5L);
            assertThat(source.refused().firstLines(TickRejection.OUT_OF_ORDER)).containsExactly(6L);
            assertThat(source.refusedCount()).isEqualTo(4);
        }
        assertThat(delivered).containsExactly(36_000L, 36_004L);
    }

    @Test
    void aForwardClockJump_movesEveryLaterTickAndTheNextPassOfTheLoop_andABackwardOneIsRefused() throws Exception {
        Path f = dir.resolve("ticks.csv");
        Files.writeString(f, "<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>\n"
                + "2024.01.02\t10:00:00.000\t1.10000\t1.10010\t\t\t6\n"
                + "2024.01.02\t10:00:01.000\t1.10002\t1.10012\t\t\t6\n"
                + "2024.01.02\t10:00:02.000\t1.10004\t1.10014\t\t\t6\n");
        long day = 86_400_000L;
        List<Long> times = new ArrayList<>();
        try (ReplaySource source = ReplaySource.open(SimConfig.defaults().withDataFile(f).withSymbol("EURUSD").withLoop(true))) {
            times.add(source.next().tick().getTimeMsc());
            source.jumpClock(3 * day);
            for (int i = 0; i < 4; i++) {
                times.add(source.next().tick().getTimeMsc());
            }
            assertThatThrownBy(() -> source.jumpClock(-1_000)).hasMessageContaining("only jumps forward");
        }
        long t0 = times.get(0);
        // Every tick read after the jump is three days on, and the loop's next pass follows on from them.
        assertThat(times).containsExactly(t0, t0 + 3 * day + 1_000, t0 + 3 * day + 2_000, t0 + 3 * day + 3_000,
                t0 + 3 * day + 4_000);
    }

    @Test
    void aSymbolsOwnJumpLimit_letsItsGenuineBigMovesThrough_whereTheDefaultRefusesThem() throws Exception {
        StringBuilder rows = new StringBuilder("<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>\n");
        double bid = 40_000;
        for (int i = 0; i < 100; i++) {
            bid += i % 2 == 0 ? 8 : -8;
            rows.append(String.format(java.util.Locale.ROOT, "2024.01.02\t10:%02d:%02d.000\t%.2f\t%.2f\t\t\t6%n",
                    i / 60, i % 60, bid, bid + 10));
        }
        rows.append(String.format(java.util.Locale.ROOT, "2024.01.02\t10:02:00.000\t%.2f\t%.2f\t\t\t6%n",
                bid * 1.05, bid * 1.05 + 10)); // line 102: a genuine 5% tick
        Path f = dir.resolve("btc.csv");
        Files.writeString(f, rows.toString());
        Path limits = dir.resolve("validation.json");
        Files.writeString(limits, "{\"symbols\": {\"BTCUSD\": {\"jumpSigmas\": 40, \"minJumpReturn\": 0.08}}}");
        SimConfig base = SimConfig.defaults().withDataFile(f).withSymbol("BTCUSD");

        try (ReplaySource byDefault = ReplaySource.open(base)) {
            byDefault.forEachRemaining(step -> { });
            assertThat(byDefault.refused().firstLines(TickRejection.ABSURD_JUMP)).containsExactly(102L);
        }
        try (ReplaySource ownLimit = ReplaySource.open(base.withValidation(
                com.vproptrader.marketdata.quality.ValidationConfigFile.load(limits)))) {
            ownLimit.forEachRemaining(step -> { });
            assertThat(ownLimit.refusedCount()).isZero();
        }
    }
}
