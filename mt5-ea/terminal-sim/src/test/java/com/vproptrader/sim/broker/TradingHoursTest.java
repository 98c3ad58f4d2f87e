package com.vproptrader.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.Modify;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.SymbolTradeMode;
import com.vproptrader.proto.TerminalEvent;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stand-in refuses what MT5's trade server refuses: outside the symbol's sessions, against its trade mode, inside its freeze level. */
class TradingHoursTest {

    @Test
    void anIndexCfd_refusesNewPositionsInItsDailyBreak_andTakesThemAgainAfterIt() {
        Desk d = new Desk(BrokerConfig.defaults(), LocalDateTime.of(2024, 1, 2, 23, 20)); // Tuesday, in US30's 23:15-23:30 break
        d.tickAt(d.time, "US30", 37_500.0, 37_502.0);

        assertThat(Desk.retcode(d.send(d.signal("US30", Side.BUY, 1.0)))).isEqualTo(Retcode.MARKET_CLOSED);

        d.tickAt(LocalDateTime.of(2024, 1, 2, 23, 31), "US30", 37_500.0, 37_502.0);
        assertThat(Desk.fills(d.send(d.signal("US30", Side.BUY, 1.0)))).hasSize(1);
    }

    @Test
    void gold_isClosedOverItsRollOverPause_whileFxTrades() {
        Desk d = new Desk(BrokerConfig.defaults(), LocalDateTime.of(2024, 1, 3, 0, 30)); // Wednesday 00:30
        d.tickAt(d.time, "XAUUSD", 2_050.00, 2_050.30);
        d.tick("EURUSD", 1.10000, 1.10010);

        assertThat(Desk.retcode(d.send(d.signal("XAUUSD", Side.SELL, 0.10)))).isEqualTo(Retcode.MARKET_CLOSED);
        assertThat(Desk.fills(d.send(d.signal("EURUSD", Side.SELL, 0.10)))).hasSize(1);
    }

    @Test
    void theTradeMode_decidesWhichSideMayOpen() {
        SymbolSpec longOnly = SymbolSpecs.builtIn().get("USDJPY").orElseThrow().spec().toBuilder()
                .setTradeMode(SymbolTradeMode.TRADE_MODE_LONG_ONLY).build();
        SymbolSpec closeOnly = SymbolSpecs.builtIn().get("XAUUSD").orElseThrow().spec().toBuilder()
                .setTradeMode(SymbolTradeMode.TRADE_MODE_CLOSE_ONLY).build();
        Desk d = new Desk(BrokerConfig.defaults().withSymbols(SymbolSpecs.of(Instrument.fixed(longOnly),
                Instrument.fixed(closeOnly))), Desk.tuesday());
        d.tick("USDJPY", 141.500, 141.510);
        d.tick("XAUUSD", 2_050.00, 2_050.30);

        assertThat(Desk.retcode(d.send(d.signal("USDJPY", Side.SELL, 0.10)))).isEqualTo(Retcode.LONG_ONLY);
        assertThat(Desk.fills(d.send(d.signal("USDJPY", Side.BUY, 0.10)))).hasSize(1);
        assertThat(Desk.retcode(d.send(d.signal("XAUUSD", Side.BUY, 0.10)))).isEqualTo(Retcode.CLOSE_ONLY);
    }

    @Test
    void aStopCannotBeMovedWhileThePriceIsWithinTheFreezeLevelOfIt() {
        Desk d = new Desk(BrokerConfig.defaults(), Desk.tuesday()); // XAUUSD: freeze level 5 points = 0.05
        d.tick("XAUUSD", 2_050.00, 2_050.30);
        long ticket = Desk.fill(d.send(d.signal("XAUUSD", Side.BUY, 0.10).setSl(2_049.00).setTp2(2_052.00)))
                .getPositionId();

        d.tick("XAUUSD", 2_049.04, 2_049.34); // bid 0.04 above the stop: frozen
        assertThat(Desk.retcode(modify(d, ticket, 2_048.50, 2_052.00))).isEqualTo(Retcode.FROZEN);

        d.tick("XAUUSD", 2_049.50, 2_049.80); // 0.50 away: free again
        assertThat(Desk.lastPosition(modify(d, ticket, 2_048.50, 2_052.00)).getSl()).isEqualTo(2_048.50);
    }

    private static List<TerminalEvent> modify(Desk d, long ticket, double sl, double tp) {
        return d.broker.onCommand(HostCommand.newBuilder().setModify(Modify.newBuilder().setTicket(ticket).setSl(sl)
                .setTp(tp)).build());
    }
}
