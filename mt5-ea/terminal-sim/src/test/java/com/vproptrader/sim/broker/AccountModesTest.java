package com.vproptrader.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.MarginMode;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.TerminalEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Netting aggregates per symbol; hedging keeps a ticket per deal. */
class AccountModesTest {

    private static Desk desk(MarginMode mode) {
        Desk d = new Desk(BrokerConfig.defaults().withMarginMode(mode), Desk.tuesday());
        d.tick("EURUSD", 1.10000, 1.10010);
        return d;
    }

    @Test
    void netting_sameDirectionAddsToTheOnePosition_atTheVolumeWeightedPrice() {
        Desk d = desk(MarginMode.NETTING);
        long ticket = Desk.fill(d.send(d.signal("EURUSD", Side.BUY, 0.1))).getPositionId();
        d.tick("EURUSD", 1.10100, 1.10110);

        List<TerminalEvent> out = d.send(d.signal("EURUSD", Side.BUY, 0.3));

        Fill add = Desk.fill(out);
        assertThat(add.getEntry()).isEqualTo(DealEntry.ENTRY_IN);
        assertThat(add.getPositionId()).isEqualTo(ticket);
        Position p = Desk.lastPosition(out);
        assertThat(p.getTicket()).isEqualTo(ticket);
        assertThat(p.getVolume()).isEqualTo(0.4);
        assertThat(p.getOpenPrice()).isCloseTo((0.1 * 1.10010 + 0.3 * 1.10110) / 0.4, within(1e-9));
        assertThat(d.broker.openPositions()).isEqualTo(1);
        assertThat(out.get(out.size() - 1).getAccount().getMarginMode()).isEqualTo(MarginMode.NETTING);
    }

    @Test
    void netting_smallerOppositeDealReducesThePosition_withEntryOut() {
        Desk d = desk(MarginMode.NETTING);
        long ticket = Desk.fill(d.send(d.signal("EURUSD", Side.BUY, 0.5))).getPositionId();
        d.tick("EURUSD", 1.10110, 1.10120);

        List<TerminalEvent> out = d.send(d.signal("EURUSD", Side.SELL, 0.2));

        Fill reduce = Desk.fill(out);
        assertThat(reduce.getEntry()).isEqualTo(DealEntry.ENTRY_OUT);
        assertThat(reduce.getPositionId()).isEqualTo(ticket);
        assertThat(reduce.getProfit()).isEqualTo(20.0); // 100 points x 0.2 lot x $1
        assertThat(Desk.lastPosition(out).getVolume()).isEqualTo(0.3);
    }

    @Test
    void netting_largerOppositeDealReverses_withOneEntryInOutDeal_andKeepsTheTicket() {
        Desk d = desk(MarginMode.NETTING);
        long ticket = Desk.fill(d.send(d.signal("EURUSD", Side.BUY, 0.2))).getPositionId();
        d.tick("EURUSD", 1.09900, 1.09910);

        List<TerminalEvent> out = d.send(d.signal("EURUSD", Side.SELL, 0.5).setSl(1.10200));

        Fill reversal = Desk.fill(out);
        assertThat(reversal.getEntry()).isEqualTo(DealEntry.ENTRY_INOUT);
        assertThat(reversal.getSide()).isEqualTo(Side.SELL);
        assertThat(reversal.getVolume()).isEqualTo(0.5);
        assertThat(reversal.getPrice()).isEqualTo(1.09900);
        assertThat(reversal.getProfit()).isEqualTo(-22.0); // only the closed 0.2: (1.09900 - 1.10010) x 0.2 lot
        assertThat(reversal.getCommission()).isEqualTo(-1.25); // 0.5 lot x 2.5
        Position p = Desk.lastPosition(out);
        assertThat(p.getTicket()).isEqualTo(ticket);
        assertThat(p.getSide()).isEqualTo(Side.SELL);
        assertThat(p.getVolume()).isEqualTo(0.3);
        assertThat(p.getOpenPrice()).isEqualTo(1.09900);
        assertThat(p.getSl()).isEqualTo(1.10200);
        assertThat(p.getSignalKey()).isEqualTo(reversal.getSignalKey());
        assertThat(d.broker.openPositions()).isEqualTo(1);
    }

    @Test
    void netting_equalOppositeDealClosesThePosition() {
        Desk d = desk(MarginMode.NETTING);
        d.send(d.signal("EURUSD", Side.SELL, 0.3));

        List<TerminalEvent> out = d.send(d.signal("EURUSD", Side.BUY, 0.3));

        assertThat(Desk.fill(out).getEntry()).isEqualTo(DealEntry.ENTRY_OUT);
        assertThat(out).noneMatch(TerminalEvent::hasPosition);
        assertThat(d.broker.openPositions()).isZero();
    }

    @Test
    void hedging_oppositeSignalsOpenTwoTickets_eachClosedOnItsOwn() {
        Desk d = desk(MarginMode.HEDGING);
        Fill buy = Desk.fill(d.send(d.signal("EURUSD", Side.BUY, 0.2)));
        Fill sell = Desk.fill(d.send(d.signal("EURUSD", Side.SELL, 0.2)));

        assertThat(buy.getEntry()).isEqualTo(DealEntry.ENTRY_IN);
        assertThat(sell.getEntry()).isEqualTo(DealEntry.ENTRY_IN);
        assertThat(sell.getPositionId()).isNotEqualTo(buy.getPositionId());
        assertThat(d.broker.positions()).extracting(Position::getSide).containsExactly(Side.BUY, Side.SELL);
        assertThat(d.broker.hello("").getAccount().getMarginMode()).isEqualTo(MarginMode.HEDGING);

        Fill closeBuy = Desk.fill(d.close(buy.getPositionId(), 0));
        assertThat(closeBuy.getPositionId()).isEqualTo(buy.getPositionId());
        assertThat(d.broker.positions()).singleElement().satisfies(p -> assertThat(p.getTicket()).isEqualTo(sell.getPositionId()));
    }
}
