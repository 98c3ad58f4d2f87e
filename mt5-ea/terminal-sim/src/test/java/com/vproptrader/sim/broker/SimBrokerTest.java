package com.vproptrader.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.proto.Close;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Flatten;
import com.vproptrader.proto.Halt;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.Modify;
import com.vproptrader.proto.Reject;
import com.vproptrader.proto.Resume;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.Tick;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimBrokerTest {
    private static final long T0 = 1_704_153_600_000L;
    private SimBroker broker;
    private long time = T0;

    @BeforeEach
    void account() {
        broker = new SimBroker("sim-1", "USD", 100_000, 100, SimBroker.eurusdLike("EURUSD"));
        tick(1.10000, 1.10010);
    }

    @Test
    void buySignal_fillsAtAsk_thenReportsPositionAndAccount() {
        List<TerminalEvent> out = command(signal("k1", Side.BUY, 0.10, 0, 0));

        assertThat(out).extracting(TerminalEvent::getEventCase).containsExactly(
                TerminalEvent.EventCase.FILL, TerminalEvent.EventCase.POSITION, TerminalEvent.EventCase.ACCOUNT);
        Fill f = out.get(0).getFill();
        assertThat(f.getPrice()).isEqualTo(1.10010);
        assertThat(f.getEntry()).isEqualTo(DealEntry.ENTRY_IN);
        assertThat(f.getSide()).isEqualTo(Side.BUY);
        assertThat(f.getSignalKey()).isEqualTo("k1");
        assertThat(f.getPositionId()).isEqualTo(f.getOrder()).isPositive();
        assertThat(f.getDeal()).isPositive();
        assertThat(f.getReason()).isEqualTo("signal");
        assertThat(out.get(1).getPosition().getTicket()).isEqualTo(f.getPositionId());
        // Bought at the ask, marked at the bid: down one spread (10 points x 0.1 lot x $1 per point per lot).
        assertThat(out.get(2).getAccount().getEquity()).isEqualTo(99_999.0);
        assertThat(out.get(2).getAccount().getMargin()).isCloseTo(110.01, within(0.001)); // 0.1 lot x 100000 x 1.10010 / 100
    }

    @Test
    void sellSignal_fillsAtBid() {
        Fill f = command(signal("k1", Side.SELL, 0.5, 0, 0)).get(0).getFill();
        assertThat(f.getPrice()).isEqualTo(1.10000);
        assertThat(f.getSide()).isEqualTo(Side.SELL);
    }

    @Test
    void buyStopLoss_closesWhenBidCrossesIt_atThatTicksBid_withLossFromTickValue() {
        command(signal("k1", Side.BUY, 0.10, 1.09900, 1.10200));
        assertThat(tick(1.09950, 1.09960)).noneMatch(TerminalEvent::hasFill);

        List<TerminalEvent> out = tick(1.09895, 1.09905);

        Fill exit = out.get(0).getFill();
        assertThat(exit.getEntry()).isEqualTo(DealEntry.ENTRY_OUT);
        assertThat(exit.getSide()).isEqualTo(Side.SELL);
        assertThat(exit.getReason()).isEqualTo("sl");
        assertThat(exit.getPrice()).isEqualTo(1.09895);
        assertThat(exit.getProfit()).isEqualTo(-11.5); // (1.09895 - 1.10010) / 0.00001 * $1 * 0.1
        assertThat(out.get(out.size() - 1).getAccount().getBalance()).isEqualTo(99_988.5);
        assertThat(broker.openPositions()).isZero();
    }

    @Test
    void sellTakeProfit_closesWhenAskFallsToIt() {
        command(signal("k1", Side.SELL, 1.0, 1.10300, 1.09800));
        List<TerminalEvent> out = tick(1.09790, 1.09800);
        Fill exit = out.get(0).getFill();
        assertThat(exit.getReason()).isEqualTo("tp");
        assertThat(exit.getSide()).isEqualTo(Side.BUY);
        assertThat(exit.getPrice()).isEqualTo(1.09800);
        assertThat(exit.getProfit()).isEqualTo(200.0);
        assertThat(broker.balance()).isEqualTo(100_200.0);
    }

    @Test
    void twoTargets_closeHalfAtTp1_restAtTp2() {
        command(HostCommand.newBuilder().setSignal(Signal.newBuilder().setSignalKey("k1").setSymbol("EURUSD")
                .setSide(Side.BUY).setVolume(0.3).setTp1(1.10100).setTp2(1.10200)).build());

        List<TerminalEvent> first = tick(1.10100, 1.10110);
        assertThat(first.get(0).getFill().getVolume()).isEqualTo(0.15);
        assertThat(first.get(0).getFill().getReason()).isEqualTo("tp");
        assertThat(first.get(1).getPosition().getVolume()).isCloseTo(0.15, within(1e-9));

        List<TerminalEvent> second = tick(1.10200, 1.10210);
        assertThat(second.get(0).getFill().getReason()).isEqualTo("tp");
        assertThat(second.get(0).getFill().getVolume()).isCloseTo(0.15, within(1e-9));
        assertThat(broker.openPositions()).isZero();
    }

    @Test
    void sameSignalKeyTwice_executesOnce_andRejectsTheRepeatWith10025() {
        command(signal("k1", Side.BUY, 0.1, 0, 0));
        List<TerminalEvent> out = command(signal("k1", Side.BUY, 0.1, 0, 0));
        assertThat(out).singleElement().satisfies(e -> {
            Reject r = e.getReject();
            assertThat(r.getRetcode()).isEqualTo(Retcode.DUPLICATE);
            assertThat(r.getSignalKey()).isEqualTo("k1");
            assertThat(r.getMessage()).startsWith("DUPLICATE_ORDER");
        });
        assertThat(broker.openPositions()).isEqualTo(1);
    }

    @Test
    void refusals_carryMt5Retcodes() {
        assertThat(reject(signal("a", Side.BUY, 0.015, 0, 0))).isEqualTo(Retcode.INVALID_VOLUME);
        assertThat(reject(signal("b", Side.BUY, 0.1, 1.10005, 0))).isEqualTo(Retcode.INVALID_STOPS);
        assertThat(reject(signal("c", Side.SELL, 0.1, 0, 1.10020))).isEqualTo(Retcode.INVALID_STOPS);
        assertThat(reject(signal("d", Side.BUY, 100, 0, 0))).isEqualTo(Retcode.NO_MONEY);
        assertThat(reject(HostCommand.newBuilder().setSignal(Signal.newBuilder().setSignalKey("e").setSymbol("GBPUSD")
                .setSide(Side.BUY).setVolume(0.1)).build())).isEqualTo(Retcode.INVALID);
        assertThat(reject(HostCommand.newBuilder().setSignal(Signal.newBuilder().setSignalKey("f").setSymbol("EURUSD")
                .setSide(Side.BUY).setVolume(0.1).setExpiryMsc(time - 1)).build())).isEqualTo(Retcode.INVALID_EXPIRATION);
    }

    @Test
    void halt_blocksNewSignals_butClosingStillWorks_untilResume() {
        long ticket = command(signal("k1", Side.BUY, 0.1, 0, 0)).get(0).getFill().getPositionId();
        command(HostCommand.newBuilder().setHalt(Halt.newBuilder().setReason("daily loss")).build());

        assertThat(reject(signal("k2", Side.BUY, 0.1, 0, 0))).isEqualTo(Retcode.CLIENT_DISABLES_AT);
        List<TerminalEvent> closed = command(HostCommand.newBuilder().setClose(Close.newBuilder().setTicket(ticket)).build());
        assertThat(closed.get(0).getFill().getReason()).isEqualTo("close");

        command(HostCommand.newBuilder().setResume(Resume.newBuilder()).build());
        assertThat(command(signal("k3", Side.BUY, 0.1, 0, 0)).get(0).hasFill()).isTrue();
    }

    @Test
    void partialClose_leavesTheRest_andUnknownTicketIsRejected() {
        long ticket = command(signal("k1", Side.SELL, 0.5, 0, 0)).get(0).getFill().getPositionId();
        List<TerminalEvent> out = command(HostCommand.newBuilder()
                .setClose(Close.newBuilder().setTicket(ticket).setVolume(0.2)).build());
        assertThat(out.get(0).getFill().getVolume()).isEqualTo(0.2);
        assertThat(out.get(1).getPosition().getVolume()).isCloseTo(0.3, within(1e-9));

        assertThat(reject(HostCommand.newBuilder().setClose(Close.newBuilder().setTicket(42)).build()))
                .isEqualTo(Retcode.POSITION_CLOSED);
    }

    @Test
    void flatten_closesEverything_andModify_movesStops() {
        long t1 = command(signal("k1", Side.BUY, 0.1, 0, 0)).get(0).getFill().getPositionId();
        command(signal("k2", Side.SELL, 0.2, 0, 0));
        List<TerminalEvent> mod = command(HostCommand.newBuilder().setModify(Modify.newBuilder().setTicket(t1)
                .setSl(1.09950).setTp(1.10100)).build());
        assertThat(mod.get(0).getPosition().getSl()).isEqualTo(1.09950);

        List<TerminalEvent> out = command(HostCommand.newBuilder().setFlatten(Flatten.newBuilder()).build());
        assertThat(out.stream().filter(TerminalEvent::hasFill).map(e -> e.getFill().getReason()))
                .containsExactly("flatten", "flatten");
        assertThat(out.get(out.size() - 1).hasAccount()).isTrue();
        assertThat(broker.openPositions()).isZero();
    }

    @Test
    void accountIsReportedAtLeastOncePerSecondOfServerTime() {
        time += 1_000;
        assertThat(tick(1.1, 1.1001)).anyMatch(TerminalEvent::hasAccount);
        time -= 500;
        assertThat(tick(1.1, 1.1001)).noneMatch(TerminalEvent::hasAccount);
    }

    @Test
    void helloSnapshot_carriesAccountSpecAndOpenPositions() {
        command(signal("k1", Side.BUY, 0.1, 1.099, 0));
        var hello = broker.hello("tok");
        assertThat(hello.getToken()).isEqualTo("tok");
        assertThat(hello.getSymbols(0).getTickValue()).isEqualTo(1.0);
        assertThat(hello.getPositionsList()).singleElement().satisfies(p -> {
            assertThat(p.getSl()).isEqualTo(1.099);
            assertThat(p.getSignalKey()).isEqualTo("k1");
        });
        assertThat(hello.getAccount().getBalance()).isEqualTo(100_000);
    }

    @Test
    void helloCarriesTheDealsSinceThePreviousServerDay_oldestFirst_asTheyWereReported() {
        List<Fill> reported = new java.util.ArrayList<>(Desk.fills(command(signal("k1", Side.BUY, 0.1, 0, 0))));
        long ticket = reported.get(0).getPositionId();
        reported.addAll(Desk.fills(command(HostCommand.newBuilder().setClose(Close.newBuilder().setTicket(ticket)).build())));
        reported.addAll(Desk.fills(command(signal("k2", Side.SELL, 0.2, 0, 0))));

        assertThat(broker.hello("tok").getRecentDealsList()).containsExactlyElementsOf(reported).hasSize(3);

        time += 2 * 86_400_000L;   // two server days later only the newer deal is recent
        tick(1.10000, 1.10010);
        List<Fill> later = Desk.fills(command(signal("k3", Side.BUY, 0.1, 0, 0)));
        assertThat(broker.hello("tok").getRecentDealsList()).containsExactlyElementsOf(later);
    }

    private int reject(HostCommand c) {
        List<TerminalEvent> out = command(c);
        assertThat(out).singleElement().matches(TerminalEvent::hasReject);
        return out.get(0).getReject().getRetcode();
    }

    private static HostCommand signal(String key, Side side, double volume, double sl, double tp) {
        return HostCommand.newBuilder().setSignal(Signal.newBuilder().setSignalKey(key).setSymbol("EURUSD")
                .setSide(side).setVolume(volume).setSl(sl).setTp2(tp)).build();
    }

    private List<TerminalEvent> command(HostCommand c) {
        return broker.onCommand(c);
    }

    private List<TerminalEvent> tick(double bid, double ask) {
        time += 100;
        return broker.onTick(Tick.newBuilder().setSymbol("EURUSD").setTimeMsc(time).setBid(bid).setAsk(ask).build());
    }
}
