package com.vproptrader.sim.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.marketdata.mt5.Mt5TickCsv;
import com.vproptrader.proto.Tick;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticTicksTest {
    @TempDir
    Path dir;

    @Test
    void weekendTimesJumpToMonday0005_andWeekdayTimesStay_asTheCalendarSays() {
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 200_000; i++) {
            long msc = i < 100_000 ? SyntheticTicks.START_MSC + i * 61_237L // every minute of many weeks, in steps
                    : random.nextLong() % 4_000_000_000_000L; // any time either side of 1970
            var t = java.time.LocalDateTime.ofInstant(Instant.ofEpochMilli(msc), ZoneOffset.UTC);
            long expected = msc;
            if (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY) {
                expected = t.toLocalDate().plusDays(t.getDayOfWeek() == DayOfWeek.SATURDAY ? 2 : 1).atTime(0, 5)
                        .toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            assertThat(SyntheticTicks.advanceTime(msc)).as("%d", msc).isEqualTo(expected);
        }
    }

    @Test
    void sameSeed_writesTheSameFile_namedAsSynthetic() throws Exception {
        Path a = SyntheticTicks.write(dir.resolve("a"), 42, "EURUSD", 2_000);
        Path b = SyntheticTicks.write(dir.resolve("b"), 42, "EURUSD", 2_000);
        assertThat(a.getFileName().toString()).isEqualTo("synthetic-EURUSD-ticks-seed42.csv");
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(SyntheticTicks.write(dir.resolve("c"), 7, "EURUSD", 2_000)))
                .isNotEqualTo(Files.readAllBytes(a));
    }

    @Test
    void writtenCsv_readsBackAsTheGeneratedTicks_throughCarriedForwardFields() throws Exception {
        Path f = SyntheticTicks.write(dir, 42, "EURUSD", 5_000);
        List<Tick> generated = new ArrayList<>();
        new SyntheticTicks(42, "EURUSD", 5_000).forEachRemaining(generated::add);

        assertThat(Mt5TickCsv.readAll(f, "EURUSD")).isEqualTo(generated);
        assertThat(Files.readAllLines(f).stream().filter(l -> l.contains("\t\t\t\t"))).isNotEmpty();
    }

    @Test
    void ticksLookLikeEurusd_spreadSpacingAndWeekdays() {
        List<Tick> ticks = new ArrayList<>();
        new SyntheticTicks(42, "EURUSD", 20_000).forEachRemaining(ticks::add);
        for (int i = 0; i < ticks.size(); i++) {
            Tick t = ticks.get(i);
            long spreadPoints = Math.round((t.getAsk() - t.getBid()) * 100_000);
            assertThat(spreadPoints).isBetween(6L, 15L);
            DayOfWeek day = Instant.ofEpochMilli(t.getTimeMsc()).atOffset(ZoneOffset.UTC).getDayOfWeek();
            assertThat(day).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            if (i > 0) {
                assertThat(t.getTimeMsc() - ticks.get(i - 1).getTimeMsc()).isBetween(100L, 300L);
            }
        }
    }

    @Test
    void longRun_skipsTheWeekend() {
        Tick last = null;
        long weekendJumps = 0;
        for (SyntheticTicks s = new SyntheticTicks(1, "EURUSD", 2_500_000); s.hasNext(); ) {
            Tick t = s.next();
            if (last != null && t.getTimeMsc() - last.getTimeMsc() > 86_400_000L) {
                weekendJumps++;
            }
            last = t;
        }
        assertThat(weekendJumps).isGreaterThanOrEqualTo(1);
    }

    @Test
    void trendingStretches_existSoMomentumCanFire() {
        List<Tick> ticks = new ArrayList<>();
        new SyntheticTicks(42, "EURUSD", 20_000).forEachRemaining(ticks::add);
        long strongMoves = 0;
        for (int i = 20; i < ticks.size(); i++) {
            double move = (mid(ticks.get(i)) - mid(ticks.get(i - 20))) * 100_000;
            if (Math.abs(move) >= 15) {
                strongMoves++;
            }
        }
        assertThat(strongMoves).isGreaterThan(100);
    }

    private static double mid(Tick t) {
        return (t.getBid() + t.getAsk()) / 2;
    }
}
