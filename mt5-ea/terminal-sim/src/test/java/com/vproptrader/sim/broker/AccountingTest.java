package com.vproptrader.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.proto.Account;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.TerminalEvent.EventCase;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stops and targets on ticks, swaps, equity, margin level and stop-out, and what the EA reports about them. */
class AccountingTest {

    private static Desk deskAt(BrokerConfig cfg, LocalDateTime start) {
        Desk d = new Desk(cfg, start);
        d.tickAt(start, "EURUSD", 1.10000, 1.10010);
        return d;
    }

    @Test
    void gapThroughTheStopLoss_fillsAtTheGapPrice_notAtTheStop() {
        Desk d = deskAt(BrokerConfig.defaults(), Desk.tuesday());
        d.send(d.signal("EURUSD", Side.BUY, 1.0).setSl(1.09900));

        List<TerminalEvent> out = d.tick("EURUSD", 1.09700, 1.09710);

        Fill sl = Desk.fill(out);
        assertThat(sl.getReason()).isEqualTo("sl");
        assertThat(sl.getPrice()).isEqualTo(1.09700);
        assertThat(sl.getProfit()).isEqualTo(-310.0); // 310 points past the entry, not the 110 the stop promised
        assertThat(out.get(out.size() - 1).getAccount().getBalance()).isEqualTo(100_000 - 310 - 2.5 - 2.5);
    }

    @Test
    void tp1ClosesHalf_thenStopMovesToBreakEven_thenTp2ClosesTheRest() {
        Desk d = deskAt(BrokerConfig.defaults().withBreakEvenAfterTp1(true).withBreakEvenOffsetPoints(2), Desk.tuesday());
        d.send(d.signal("EURUSD", Side.BUY, 0.3).setSl(1.09900).setTp1(1.10100).setTp2(1.10200));

        List<TerminalEvent> atTp1 = d.tick("EURUSD", 1.10100, 1.10110);

        assertThat(atTp1).extracting(TerminalEvent::getEventCase).containsExactly(EventCase.FILL, EventCase.POSITION,
                EventCase.ACCOUNT, EventCase.POSITION);
        assertThat(atTp1.get(0).getFill().getVolume()).isEqualTo(0.15);
        assertThat(atTp1.get(0).getFill().getReason()).isEqualTo("tp");
        assertThat(atTp1.get(1).getPosition().getSl()).isEqualTo(1.09900);
        assertThat(atTp1.get(3).getPosition().getSl()).isEqualTo(1.10012); // open 1.10010 + 2 points

        List<TerminalEvent> atTp2 = d.tick("EURUSD", 1.10205, 1.10215);
        assertThat(Desk.fill(atTp2).getReason()).isEqualTo("tp");
        assertThat(Desk.fill(atTp2).getVolume()).isEqualTo(0.15);
        assertThat(d.broker.openPositions()).isZero();
    }

    @Test
    void withoutBreakEven_tp1LeavesTheStopWhereItWas() {
        Desk d = deskAt(BrokerConfig.defaults(), Desk.tuesday());
        d.send(d.signal("EURUSD", Side.BUY, 0.3).setSl(1.09900).setTp1(1.10100).setTp2(1.10200));
        List<TerminalEvent> atTp1 = d.tick("EURUSD", 1.10100, 1.10110);
        assertThat(Desk.lastPosition(atTp1).getSl()).isEqualTo(1.09900);
    }

    @Test
    void rolloverFromWednesdayToThursday_chargesTripleSwap_otherWeekdaysOneNight() {
        Desk d = deskAt(BrokerConfig.defaults(), LocalDateTime.of(2024, 1, 2, 23, 0)); // Tuesday
        long ticket = Desk.fill(d.send(d.signal("EURUSD", Side.BUY, 1.0))).getPositionId();

        List<TerminalEvent> tueToWed = d.tickAt(LocalDateTime.of(2024, 1, 3, 0, 0, 1), "EURUSD", 1.10000, 1.10010);
        assertThat(d.broker.positions().get(0).getSwap()).isEqualTo(-6.9);
        assertThat(tueToWed).anyMatch(TerminalEvent::hasAccount);

        d.tickAt(LocalDateTime.of(2024, 1, 3, 23, 59, 59), "EURUSD", 1.10000, 1.10010);
        assertThat(d.broker.positions().get(0).getSwap()).isEqualTo(-6.9);
        d.tickAt(LocalDateTime.of(2024, 1, 4, 0, 0, 0), "EURUSD", 1.10000, 1.10010);
        assertThat(d.broker.positions().get(0).getSwap()).isCloseTo(-6.9 - 3 * 6.9, within(1e-9));
        double equityBefore = d.broker.equity();
        assertThat(equityBefore).isCloseTo(100_000 - 2.5 - 10 - 27.6, within(1e-6)); // commission, spread, swap

        Fill out = Desk.fill(d.close(ticket, 0));
        assertThat(out.getSwap()).isEqualTo(-27.6);
        assertThat(d.broker.balance()).isCloseTo(equityBefore - 2.5, within(1e-6));
    }

    @Test
    void aWeekendGap_chargesOnlyFridaysNight_andShortsEarnTheirPositiveSwap() {
        Desk d = deskAt(BrokerConfig.defaults(), LocalDateTime.of(2024, 1, 5, 22, 0)); // Friday
        d.send(d.signal("EURUSD", Side.SELL, 2.0));

        d.tickAt(LocalDateTime.of(2024, 1, 8, 0, 5), "EURUSD", 1.10000, 1.10010); // Monday

        assertThat(d.broker.positions().get(0).getSwap()).isEqualTo(2.4); // one night x 1.2 x 2 lots
    }

    @Test
    void equity_isMarkedToMarketOnEveryTick_evenWithoutAnAccountFrame() {
        Desk d = deskAt(BrokerConfig.defaults(), Desk.tuesday());
        d.send(d.signal("EURUSD", Side.BUY, 1.0));

        List<TerminalEvent> out = d.tick("EURUSD", 1.10200, 1.10210);

        assertThat(out).noneMatch(TerminalEvent::hasAccount); // less than a second since the last one
        assertThat(d.broker.equity()).isCloseTo(100_000 - 2.5 + 190, within(1e-6));
        assertThat(d.broker.freeMargin()).isCloseTo(d.broker.equity() - 1100.10, within(1e-6));
        d.time += 1_000;
        Account a = d.tick("EURUSD", 1.10300, 1.10310).get(0).getAccount();
        assertThat(a.getEquity()).isEqualTo(100_000 - 2.5 + 290);
        assertThat(a.getMargin()).isEqualTo(1100.1);
        assertThat(a.getFreeMargin()).isEqualTo(100_000 - 2.5 + 290 - 1100.1);
    }

    @Test
    void stopOut_closesPositionsWhenTheMarginLevelFallsBelowTheLevel_withReasonStopOut() {
        Desk d = deskAt(BrokerConfig.defaults().withInitialBalance(1_000).withStopOutLevelPct(50), Desk.tuesday());
        d.send(d.signal("EURUSD", Side.BUY, 0.8)); // margin 880.08, commission 2

        // equity 1000 - 2 - 488 = 510: margin level 58 %
        assertThat(d.tick("EURUSD", 1.09400, 1.09410)).noneMatch(TerminalEvent::hasFill);

        List<TerminalEvent> out = d.tick("EURUSD", 1.09300, 1.09310); // equity 430: 48.9 %

        Fill f = Desk.fill(out);
        assertThat(f.getReason()).isEqualTo("stop_out");
        assertThat(f.getPrice()).isEqualTo(1.09300);
        assertThat(f.getProfit()).isEqualTo(-568.0);
        assertThat(d.broker.openPositions()).isZero();
        assertThat(d.broker.balance()).isEqualTo(1_000 - 2 - 568 - 2);
    }

    @Test
    void stopOut_closesTheMostUnprofitablePositionFirst_andStopsOnceTheLevelIsBack() {
        Desk d = deskAt(BrokerConfig.defaults().withInitialBalance(2_000).withStopOutLevelPct(50), Desk.tuesday());
        d.tickAt(d.time, "GBPUSD", 1.27000, 1.27010);
        long eur = Desk.fill(d.send(d.signal("EURUSD", Side.BUY, 0.8))).getPositionId();   // margin 880.08
        long gbp = Desk.fill(d.send(d.signal("GBPUSD", Side.BUY, 0.1))).getPositionId();   // margin 127.01

        List<TerminalEvent> out = d.tick("EURUSD", 1.08100, 1.08110); // EURUSD -1528: equity 468.75, margin 1007.09: 46.5 %

        assertThat(Desk.fills(out)).singleElement().satisfies(f -> {
            assertThat(f.getPositionId()).isEqualTo(eur);
            assertThat(f.getReason()).isEqualTo("stop_out");
        });
        assertThat(d.broker.positions()).extracting(Position::getTicket).containsExactly(gbp);
    }

    @Test
    void reconnectSnapshot_carriesEveryOpenPositionWithStopsProfitAndSwap_andTheMarkedAccount() {
        Desk d = deskAt(BrokerConfig.defaults(), LocalDateTime.of(2024, 1, 2, 23, 0));
        d.send(d.signal("EURUSD", Side.BUY, 1.0).setSl(1.09500).setTp2(1.11000));
        d.send(d.signal("EURUSD", Side.SELL, 0.5).setSl(1.10500));
        d.tickAt(LocalDateTime.of(2024, 1, 3, 0, 0, 1), "EURUSD", 1.10100, 1.10110);

        Hello hello = d.broker.hello("tok");

        assertThat(hello.getServerTimeMsc()).isEqualTo(d.time);
        assertThat(hello.getSymbolsList()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(hello.getPositionsList()).hasSize(2);
        Position buy = hello.getPositions(0);
        assertThat(buy.getSl()).isEqualTo(1.09500);
        assertThat(buy.getTp()).isEqualTo(1.11000);
        assertThat(buy.getProfit()).isEqualTo(90.0);
        assertThat(buy.getSwap()).isEqualTo(-6.9);
        assertThat(buy.getCommission()).isEqualTo(-2.5);
        Position sell = hello.getPositions(1);
        assertThat(sell.getProfit()).isEqualTo(-55.0);
        assertThat(sell.getSwap()).isEqualTo(0.6);
        assertThat(hello.getAccount().getEquity()).isEqualTo(Math.round((100_000 - 2.5 - 1.25 + 90 - 55 - 6.9 + 0.6) * 100) / 100.0);
    }

    @Test
    void everyFill_isFollowedByAnAccountFrame() {
        Desk d = deskAt(BrokerConfig.defaults(), Desk.tuesday());
        d.send(d.signal("EURUSD", Side.BUY, 0.1));
        d.send(d.signal("EURUSD", Side.SELL, 0.1));

        List<TerminalEvent> out = d.broker.onCommand(com.vproptrader.proto.HostCommand.newBuilder()
                .setFlatten(com.vproptrader.proto.Flatten.newBuilder()).build());

        assertThat(out).extracting(TerminalEvent::getEventCase).containsExactly(EventCase.FILL, EventCase.ACCOUNT,
                EventCase.FILL, EventCase.ACCOUNT);
    }
}
