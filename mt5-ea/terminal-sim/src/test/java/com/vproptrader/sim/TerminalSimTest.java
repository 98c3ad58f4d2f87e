package com.vproptrader.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vproptrader.gateway.Gateway;
import com.vproptrader.gateway.RecordingHost;
import com.vproptrader.gateway.GatewayConfig;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.MarginMode;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.TerminalEvent.EventCase;
import com.vproptrader.proto.Tick;
import com.vproptrader.sim.broker.BrokerConfig;
import com.vproptrader.sim.broker.Retcode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in against a real gateway and a recording host over real sockets: the whole wire. */
class TerminalSimTest {
    private RecordingHost host;
    private Gateway gateway;
    private TerminalSim sim;
    private long seq;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        // Generous: these runs share two cores with whole-stack builds; nothing here asserts timing.
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        host = RecordingHost.start();
        gateway = Gateway.start(GatewayConfig.defaults().withListenPort(0).withHostTarget(host.target()));
    }

    @AfterEach
    void stop() throws Exception {
        if (sim != null) {
            sim.close();
        }
        gateway.close();
        host.close();
        Awaitility.reset();
    }

    private SimConfig config() {
        return SimConfig.defaults().withGatewayPort(gateway.port()).withAccountId("sim-7").withToken("t0k")
                .withMaxBackoff(Duration.ofMillis(300));
    }

    @Test
    void replayAsFastAsPossible_deliversEveryTickAfterAFullHello() throws Exception {
        sim = TerminalSim.start(config().withSyntheticTicks(3_000));

        assertThat(sim.awaitReplayDone(Duration.ofSeconds(30))).isTrue();
        await().until(() -> host.events(EventCase.TICK).size() == 3_000);

        Hello hello = host.events.get(0).getHello();
        assertThat(hello.getAccountId()).isEqualTo("sim-7");
        assertThat(hello.getToken()).isEqualTo("t0k");
        assertThat(hello.getAccount().getBalance()).isEqualTo(100_000);
        assertThat(hello.getAccount().getLeverage()).isEqualTo(100);
        assertThat(hello.getSymbols(0)).satisfies(s -> {
            assertThat(s.getDigits()).isEqualTo(5);
            assertThat(s.getContractSize()).isEqualTo(100_000);
            assertThat(s.getTickSize()).isEqualTo(0.00001);
            assertThat(s.getVolumeMin()).isEqualTo(0.01);
        });
        assertThat(host.events).extracting(TerminalEvent::getSeq).isSorted().doesNotHaveDuplicates();
        assertThat(host.events(EventCase.ACCOUNT)).isNotEmpty();
        assertThat(sim.stats().ticksSent()).isEqualTo(3_000);
        assertThat(gateway.stats().errors()).isEmpty();
    }

    @Test
    void marketSignal_isFilledAtTheCurrentAsk_andReportedWithFillThenAccount() throws Exception {
        sim = TerminalSim.start(config().withTicksPerSecond(500).withLoop(true));
        await().until(() -> host.events(EventCase.TICK).size() >= 50);

        host.send(signal("sig-1", Side.BUY, 0.2, 0, 0));

        Fill fill = awaitFill(f -> f.getEntry() == DealEntry.ENTRY_IN);
        assertThat(fill.getSignalKey()).isEqualTo("sig-1");
        assertThat(fill.getPrice()).isEqualTo(tickBefore(fill).getAsk());
        assertThat(fill.getVolume()).isEqualTo(0.2);
        int at = indexOf(fill);
        List<TerminalEvent> all = List.copyOf(host.events); // the replay keeps appending: look at a snapshot
        assertThat(all.subList(at, all.size())).extracting(TerminalEvent::getEventCase)
                .contains(EventCase.ACCOUNT);
        await().until(() -> sim.stats().fillsSent() == 1 && sim.stats().signalsReceived() == 1);
    }

    @Test
    void sellWithTightStops_isClosedBySlOrTp_withProfitFromTickValue() throws Exception {
        sim = TerminalSim.start(config().withTicksPerSecond(2_000).withLoop(true));
        await().until(() -> host.events(EventCase.TICK).size() >= 20);
        Tick now = lastTick();

        host.send(signal("sig-2", Side.SELL, 0.5, now.getAsk() + 0.00030, now.getBid() - 0.00030));

        Fill in = awaitFill(f -> f.getEntry() == DealEntry.ENTRY_IN);
        Fill out = awaitFill(f -> f.getEntry() == DealEntry.ENTRY_OUT);
        assertThat(out.getReason()).isIn("sl", "tp");
        assertThat(out.getSide()).isEqualTo(Side.BUY);
        assertThat(out.getPositionId()).isEqualTo(in.getPositionId());
        assertThat(out.getPrice()).isEqualTo(tickBefore(out).getAsk());
        double expected = Math.round((in.getPrice() - out.getPrice()) / 0.00001 * 1.0 * 0.5 * 100) / 100.0;
        assertThat(out.getProfit()).isEqualTo(expected);
        assertThat(out.getProfit() > 0).isEqualTo(out.getReason().equals("tp"));
    }

    @Test
    void repeatedSignalKey_isRejectedWith10025_andExecutedOnlyOnce() throws Exception {
        sim = TerminalSim.start(config().withTicksPerSecond(500).withLoop(true));
        await().until(() -> host.events(EventCase.TICK).size() >= 10);

        host.send(signal("sig-3", Side.BUY, 0.1, 0, 0));
        host.send(signal("sig-3", Side.BUY, 0.1, 0, 0));

        await().until(() -> host.events(EventCase.REJECT).size() == 1);
        assertThat(host.events(EventCase.REJECT).get(0).getReject().getRetcode()).isEqualTo(Retcode.DUPLICATE);
        assertThat(host.events(EventCase.FILL)).hasSize(1);
    }

    @Test
    void afterTheHostLinkDrops_theSimReconnects_andHelloCarriesItsOpenPosition() throws Exception {
        sim = TerminalSim.start(config().withTicksPerSecond(200).withLoop(true));
        await().until(() -> host.events(EventCase.TICK).size() >= 10);
        host.send(signal("sig-4", Side.BUY, 0.1, 0, 0));
        Fill in = awaitFill(f -> f.getEntry() == DealEntry.ENTRY_IN);

        host.failStreams();

        await().until(() -> host.events(EventCase.HELLO).size() == 2);
        Hello again = host.events(EventCase.HELLO).get(1).getHello();
        assertThat(again.getPositionsList()).singleElement().satisfies(p -> {
            assertThat(p.getTicket()).isEqualTo(in.getPositionId());
            assertThat(p.getSignalKey()).isEqualTo("sig-4");
        });
        // The gateway's host_unavailable frame may be lost: it closes the socket while our ticks are unread,
        // and the reset can discard the frame before we read it. The reconnect is what matters here.
        await().until(() -> sim.stats().connects() >= 2);
        int ticksBefore = host.events(EventCase.TICK).size();
        await().until(() -> host.events(EventCase.TICK).size() > ticksBefore);
    }

    @Test
    void brokerConfig_reachesTheWire_nettingHelloAndLatentFillOnALaterTick() throws Exception {
        sim = TerminalSim.start(config().withTicksPerSecond(500).withLoop(true)
                .withBroker(BrokerConfig.defaults().withMarginMode(MarginMode.NETTING).withLatencyMsc(300)));
        await().until(() -> host.events(EventCase.TICK).size() >= 10);
        Hello hello = host.events(EventCase.HELLO).get(0).getHello();
        assertThat(hello.getAccount().getMarginMode()).isEqualTo(MarginMode.NETTING);
        assertThat(hello.getSymbolsList()).singleElement().satisfies(s -> {
            assertThat(s.getSymbol()).isEqualTo("EURUSD");
            assertThat(s.getCommissionPerLot()).isEqualTo(2.5); // from the built-in specs
        });
        long sentAround = lastTick().getTimeMsc();

        host.send(signal("sig-9", Side.BUY, 0.1, 0, 0));

        Fill fill = awaitFill(f -> f.getEntry() == DealEntry.ENTRY_IN);
        assertThat(fill.getTimeMsc()).isGreaterThanOrEqualTo(sentAround + 300);
        assertThat(fill.getPrice()).isEqualTo(tickBefore(fill).getAsk());
        assertThat(tickBefore(fill).getTimeMsc()).isEqualTo(fill.getTimeMsc());
    }

    @Test
    void barExport_isReplayedAsTicksAndBars() throws Exception {
        Path bars = dir.resolve("EURUSD_M1.csv");
        Files.writeString(bars, "<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>\n"
                + "2024.01.02\t00:00:00\t1.10381\t1.10420\t1.10370\t1.10410\t87\t0\t9\n"
                + "2024.01.02\t00:01:00\t1.10410\t1.10415\t1.10360\t1.10365\t64\t0\t8\n");
        sim = TerminalSim.start(config().withDataFile(bars));

        assertThat(sim.awaitReplayDone(Duration.ofSeconds(30))).isTrue();
        await().until(() -> host.events(EventCase.BAR).size() == 2);
        assertThat(host.events(EventCase.TICK)).hasSize(8);
        assertThat(host.events(EventCase.BAR).get(1).getBar().getClose()).isEqualTo(1.10365);
    }

    private HostCommand signal(String key, Side side, double volume, double sl, double tp) {
        return HostCommand.newBuilder().setSeq(++seq).setSignal(Signal.newBuilder().setSignalKey(key)
                .setSymbol("EURUSD").setSide(side).setVolume(volume).setSl(sl).setTp2(tp)).build();
    }

    private Fill awaitFill(java.util.function.Predicate<Fill> p) {
        return await().until(() -> host.events(EventCase.FILL).stream().map(TerminalEvent::getFill).filter(p)
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private int indexOf(Fill f) {
        List<TerminalEvent> all = List.copyOf(host.events);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).hasFill() && all.get(i).getFill().equals(f)) {
                return i;
            }
        }
        throw new AssertionError("fill not recorded");
    }

    /** The quote the broker filled against: the last tick frame before the fill frame. */
    private Tick tickBefore(Fill f) {
        List<TerminalEvent> all = List.copyOf(host.events);
        for (int i = indexOf(f); i >= 0; i--) {
            if (all.get(i).hasTick()) {
                return all.get(i).getTick();
            }
        }
        throw new AssertionError("no tick before the fill");
    }

    private Tick lastTick() {
        List<TerminalEvent> ticks = host.events(EventCase.TICK);
        return ticks.get(ticks.size() - 1).getTick();
    }
}
