package com.vproptrader.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.marketdata.quality.TickRejection;
import com.vproptrader.proto.Tick;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.data.SyntheticTicks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad row arriving while a position is open must not move money: the paper broker never sees it (no stop
 * filled at −1.00, no close at NaN, no fill at an hour-old price), so the balance and every fill in the
 * journal are exactly those of the same replay without the row.
 */
class BadRowsNeverMoveMoneyTest {
    private static final int TICKS = 6_000;

    @TempDir
    static Path dir;
    static Path plugins;
    static List<Tick> clean;
    static Replay.Result baseline;
    static List<String> baselineFills;
    /** Index of a tick after which a position is open. */
    static int openAt;

    @BeforeAll
    static void replayWithoutBadRows() throws Exception {
        plugins = PluginJars.installAll(dir.resolve("plugins"));
        clean = new ArrayList<>();
        new SyntheticTicks(42, "EURUSD", TICKS).forEachRemaining(clean::add);
        int[] index = {0};
        int[] firstOpen = {-1};
        baseline = Replay.run(config("baseline.db"), MarketSource.of(clean.iterator()), broker(), b -> {
            if (firstOpen[0] < 0 && b.openPositions() > 0 && index[0] > 200) {
                firstOpen[0] = index[0];
            }
            index[0]++;
        });
        openAt = firstOpen[0];
        baselineFills = fills(dir.resolve("baseline.db"));
        assertThat(openAt).as("the replay opens a position").isPositive();
        assertThat(baselineFills).as("the replay fills orders").isNotEmpty();
    }

    @Test
    void nanRow_leavesBalanceAndFillsUnchanged() throws Exception {
        assertUnchanged("nan", t -> t.toBuilder().setBid(Double.NaN).build(), TickRejection.NON_FINITE_PRICE);
    }

    @Test
    void negativePriceRow_leavesBalanceAndFillsUnchanged() throws Exception {
        assertUnchanged("negative", t -> t.toBuilder().setBid(-1.00).setAsk(-0.99).build(),
                TickRejection.NON_POSITIVE_PRICE);
    }

    @Test
    void zeroPriceRow_leavesBalanceAndFillsUnchanged() throws Exception {
        assertUnchanged("zero", t -> t.toBuilder().setBid(0).build(), TickRejection.NON_POSITIVE_PRICE);
    }

    @Test
    void crossedRow_leavesBalanceAndFillsUnchanged() throws Exception {
        assertUnchanged("crossed", t -> t.toBuilder().setBid(t.getBid() + 0.0200).setAsk(t.getAsk() - 0.0200).build(),
                TickRejection.CROSSED_QUOTE);
    }

    @Test
    void rowAnHourBackInTime_leavesBalanceAndFillsUnchanged() throws Exception {
        assertUnchanged("stale", t -> t.toBuilder().setTimeMsc(t.getTimeMsc() - 3_600_000)
                .setBid(t.getBid() - 0.0150).setAsk(t.getAsk() - 0.0150).build(), TickRejection.OUT_OF_ORDER);
    }

    @Test
    void duplicateRow_leavesBalanceAndFillsUnchanged() throws Exception {
        assertUnchanged("duplicate", t -> t, TickRejection.DUPLICATE);
    }

    @Test
    void absurdJumpRow_leavesBalanceAndFillsUnchanged() throws Exception {
        assertUnchanged("jump", t -> t.toBuilder().setBid(t.getBid() * 0.9).setAsk(t.getAsk() * 0.9).build(),
                TickRejection.ABSURD_JUMP);
    }

    /** Replays the clean ticks with {@code bad(tick)} inserted right after the tick that left a position open. */
    private static void assertUnchanged(String name, UnaryOperator<Tick> bad, TickRejection expected) throws Exception {
        List<Tick> withBadRow = new ArrayList<>(clean);
        withBadRow.add(openAt + 1, bad.apply(clean.get(openAt)));
        SimBroker broker = broker();
        int[] index = {0};
        boolean[] openWhenBadRowCame = {false};
        Replay.Result r = Replay.run(config(name + ".db"), MarketSource.of(withBadRow.iterator()), broker, b -> {
            if (index[0]++ == openAt) {
                openWhenBadRowCame[0] = b.openPositions() > 0;
            }
        });

        assertThat(openWhenBadRowCame[0]).as("a position is open when the bad row arrives").isTrue();
        assertThat(fills(dir.resolve(name + ".db"))).containsExactlyElementsOf(baselineFills);
        assertThat(r.balance()).isEqualTo(baseline.balance());
        assertThat(r.equity()).isEqualTo(baseline.equity());
        assertThat(r.refused().count(expected)).as("refused as " + expected).isEqualTo(1);
        assertThat(r.refused().total()).isEqualTo(1);
        assertThat(r.counters().getBadEvents()).as("the host refused the same row").isEqualTo(1);
    }

    private static HostConfig config(String journal) {
        return HostConfig.defaults().withPluginDir(plugins).withJournalFile(dir.resolve(journal));
    }

    private static SimBroker broker() {
        return new SimBroker("replay", "USD", 100_000, 100, SimBroker.eurusdLike("EURUSD"));
    }

    /** Every fill the journal recorded: event time and payload. */
    private static List<String> fills(Path journal) {
        return Jdbi.create("jdbc:sqlite:" + journal).withHandle(h -> h.createQuery(
                        "SELECT event_time_msc || ' ' || payload FROM journal WHERE kind = 'fill' ORDER BY seq")
                .mapTo(String.class).list());
    }
}
