package com.vproptrader.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.Fill;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.Modify;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.TerminalEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Market orders: slippage, latency, volume and stops validation, money, market hours. */
class ExecutionTest {

    private static Desk desk(BrokerConfig cfg) {
        Desk d = new Desk(cfg, Desk.tuesday());
        d.tick("EURUSD", 1.10000, 1.10010);
        return d;
    }

    @Test
    void adverseSlippage_buysAboveTheAsk_sellsBelowTheBid_neverBeyondTheConfiguredPoints() {
        Desk d = desk(BrokerConfig.defaults().withSlippagePoints(5).withSlippageAdverseOnly(true).withSeed(7));
        List<Double> buys = new ArrayList<>();
        List<Double> sells = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            buys.add(Desk.fill(d.send(d.signal("EURUSD", Side.BUY, 0.01))).getPrice());
            sells.add(Desk.fill(d.send(d.signal("EURUSD", Side.SELL, 0.01))).getPrice());
        }
        assertThat(buys).allMatch(p -> p >= 1.10010 && p <= 1.10015 + 1e-9).anyMatch(p -> p > 1.10010);
        assertThat(sells).allMatch(p -> p <= 1.10000 && p >= 1.09995 - 1e-9).anyMatch(p -> p < 1.10000);
        assertThat(buys).allMatch(p -> Math.abs(p * 1e5 - Math.rint(p * 1e5)) < 1e-6); // on the symbol's digits
    }

    @Test
    void twoWaySlippage_sometimesFillsBetterThanTheQuote() {
        Desk d = desk(BrokerConfig.defaults().withSlippagePoints(3).withSlippageAdverseOnly(false).withSeed(7));
        List<Double> buys = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            buys.add(Desk.fill(d.send(d.signal("EURUSD", Side.BUY, 0.01))).getPrice());
        }
        assertThat(buys).anyMatch(p -> p < 1.10010).anyMatch(p -> p > 1.10010);
    }

    @Test
    void sameSeedAndSameInputs_giveIdenticalFrames_anotherSeedDoesNot() {
        BrokerConfig cfg = BrokerConfig.defaults().withSlippagePoints(10).withLatencyMsc(150).withSeed(1234);
        assertThat(session(cfg)).isEqualTo(session(cfg));
        assertThat(session(cfg.withSeed(99))).isNotEqualTo(session(cfg));
    }

    private static List<TerminalEvent> session(BrokerConfig cfg) {
        Desk d = desk(cfg);
        List<TerminalEvent> all = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            all.addAll(d.send(d.signal("EURUSD", n % 3 == 0 ? Side.SELL : Side.BUY, 0.1)
                    .setSl(n % 3 == 0 ? 1.10300 : 1.09700)));
            double mid = 1.10000 + 0.0001 * Math.sin(n);
            all.addAll(d.tick("EURUSD", mid, mid + 0.0001));
            all.addAll(d.tick("EURUSD", mid, mid + 0.0001));
        }
        all.add(TerminalEvent.newBuilder().setHello(d.broker.hello("x")).build());
        return all;
    }

    @Test
    void withLatency_aSignalFillsOnTheFirstTickAtOrAfterSentTimePlusLatency_atThatTicksPrice() {
        Desk d = desk(BrokerConfig.defaults().withLatencyMsc(250));
        long sent = d.time;

        assertThat(d.send(d.signal("EURUSD", Side.BUY, 0.1))).isEmpty();
        assertThat(d.broker.pendingOrders()).isEqualTo(1);
        assertThat(d.tickAt(sent + 100, "EURUSD", 1.10020, 1.10030)).noneMatch(TerminalEvent::hasFill);
        assertThat(d.tickAt(sent + 200, "GBPUSD", 1.27000, 1.27010)).noneMatch(TerminalEvent::hasFill);

        List<TerminalEvent> out = d.tickAt(sent + 250, "EURUSD", 1.10040, 1.10050);

        Fill f = Desk.fill(out);
        assertThat(f.getPrice()).isEqualTo(1.10050);
        assertThat(f.getTimeMsc()).isEqualTo(sent + 250);
        assertThat(out).extracting(TerminalEvent::getEventCase).containsExactly(TerminalEvent.EventCase.FILL,
                TerminalEvent.EventCase.POSITION, TerminalEvent.EventCase.ACCOUNT);
        assertThat(d.broker.pendingOrders()).isZero();
    }

    @Test
    void withLatency_aSignalWhoseExpiryPassesInFlight_isRejectedWhenItArrives() {
        Desk d = desk(BrokerConfig.defaults().withLatencyMsc(500));
        d.send(d.signal("EURUSD", Side.BUY, 0.1).setExpiryMsc(d.time + 300));

        List<TerminalEvent> out = d.tickAt(d.time + 600, "EURUSD", 1.10000, 1.10010);

        assertThat(out.get(0).getReject().getRetcode()).isEqualTo(Retcode.INVALID_EXPIRATION);
        assertThat(d.broker.openPositions()).isZero();
    }

    @Test
    void volume_isRoundedOffFloatingNoise_andOffStepBelowMinOrAboveMaxIsInvalid() {
        Desk d = desk(BrokerConfig.defaults());
        assertThat(Desk.fill(d.send(d.signal("EURUSD", Side.BUY, 0.1 + 0.2))).getVolume()).isEqualTo(0.3);
        assertThat(Desk.retcode(d.send(d.signal("EURUSD", Side.BUY, 0.015)))).isEqualTo(Retcode.INVALID_VOLUME);
        assertThat(Desk.retcode(d.send(d.signal("EURUSD", Side.BUY, 0.001)))).isEqualTo(Retcode.INVALID_VOLUME);
        assertThat(Desk.retcode(d.send(d.signal("EURUSD", Side.BUY, 150)))).isEqualTo(Retcode.INVALID_VOLUME);
        assertThat(Desk.retcode(d.send(d.signal("EURUSD", Side.BUY, 0)))).isEqualTo(Retcode.INVALID_VOLUME);
    }

    @Test
    void stopsInsideTheStopsLevel_areInvalid_onTheirEdgeAreAccepted() {
        Desk d = desk(BrokerConfig.defaults());
        d.tick("XAUUSD", 2050.00, 2050.30); // stops level 10 points = 0.10

        assertThat(Desk.retcode(d.send(d.signal("XAUUSD", Side.BUY, 0.1).setSl(2049.95)))).isEqualTo(Retcode.INVALID_STOPS);
        assertThat(Desk.retcode(d.send(d.signal("XAUUSD", Side.SELL, 0.1).setTp2(2050.25)))).isEqualTo(Retcode.INVALID_STOPS);
        long ticket = Desk.fill(d.send(d.signal("XAUUSD", Side.BUY, 0.1).setSl(2049.90).setTp2(2050.10))).getPositionId();
        List<TerminalEvent> mod = d.broker.onCommand(HostCommand.newBuilder()
                .setModify(Modify.newBuilder().setTicket(ticket).setSl(2049.99)).build());
        assertThat(Desk.retcode(mod)).isEqualTo(Retcode.INVALID_STOPS);
    }

    @Test
    void stopsAreRoundedToTheSymbolsDigits() {
        Desk d = desk(BrokerConfig.defaults());
        d.send(d.signal("EURUSD", Side.BUY, 0.1).setSl(1.0990049).setTp2(1.1020051));
        assertThat(d.broker.positions().get(0).getSl()).isEqualTo(1.09900);
        assertThat(d.broker.positions().get(0).getTp()).isEqualTo(1.10201);
    }

    @Test
    void noMoney_whenTheOrdersMarginExceedsFreeMargin_andNothingIsOpened() {
        Desk d = desk(BrokerConfig.defaults().withInitialBalance(1_000));
        // 1 lot: 100 000 x 1.10010 / 100 = 1100.10 USD of margin, free margin 1000
        assertThat(Desk.retcode(d.send(d.signal("EURUSD", Side.BUY, 1.0)))).isEqualTo(Retcode.NO_MONEY);
        assertThat(d.broker.openPositions()).isZero();
        assertThat(Desk.fill(d.send(d.signal("EURUSD", Side.BUY, 0.5))).getVolume()).isEqualTo(0.5);
    }

    @Test
    void marketClosed_forASymbolWithoutAnyQuoteYet() {
        Desk d = desk(BrokerConfig.defaults());
        assertThat(Desk.retcode(d.send(d.signal("GBPUSD", Side.BUY, 0.1)))).isEqualTo(Retcode.MARKET_CLOSED);
        assertThat(Desk.retcode(d.send(d.signal("NZDCAD", Side.BUY, 0.1)))).isEqualTo(Retcode.INVALID);
    }

    @Test
    void commission_isChargedPerLotOnEachSide() {
        Desk d = desk(BrokerConfig.defaults());
        Fill in = Desk.fill(d.send(d.signal("EURUSD", Side.BUY, 2.0)));
        d.tick("EURUSD", 1.10110, 1.10120);
        Fill out = Desk.fill(d.close(in.getPositionId(), 0));

        assertThat(in.getCommission()).isEqualTo(-5.0);
        assertThat(out.getCommission()).isEqualTo(-5.0);
        assertThat(out.getProfit()).isEqualTo(200.0);
        assertThat(d.broker.balance()).isEqualTo(100_000 + 200 - 10);
    }
}
