package com.vproptrader.host.memory;

import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TradeTrackerTest {
    private final TradeTracker tracker = new TradeTracker();

    @Test
    void aPositionClosedInTwoPartsIsOneTradeWithTheAlphaAndRegimeOfItsSignal() {
        tracker.onSignal(entry("EURUSD-1-1", "alpha-momentum@1.2.0", "TREND_HIGH_VOL", 2000));

        assertThat(tracker.onFill(fill(1, DealEntry.ENTRY_IN, Side.BUY, 0.20, 1.10000, 0, -1.40, 1_000, "signal")))
                .isEmpty();
        assertThat(tracker.onFill(fill(2, DealEntry.ENTRY_OUT, Side.SELL, 0.10, 1.10300, 30.00, -0.70, 5_000, "tp")))
                .as("half closed at TP1: the position is still open").isEmpty();
        Optional<ClosedTrade> closed = tracker.onFill(
                fill(3, DealEntry.ENTRY_OUT, Side.SELL, 0.10, 1.10500, 50.00, -0.70, 9_000, "tp"));

        assertThat(closed).isPresent();
        ClosedTrade t = closed.get();
        assertThat(t.alpha()).isEqualTo("alpha-momentum");
        assertThat(t.alphaVersion()).isEqualTo("1.2.0");
        assertThat(t.regime()).isEqualTo("TREND_HIGH_VOL");
        assertThat(t.session()).isEqualTo("LONDON");
        assertThat(t.symbol()).isEqualTo("EURUSD");
        assertThat(t.side()).isEqualTo(Side.BUY);
        assertThat(t.signalKey()).isEqualTo("EURUSD-1-1");
        assertThat(t.volume()).isCloseTo(0.20, within(1e-12));
        assertThat(t.entryPrice()).isCloseTo(1.10000, within(1e-12));
        assertThat(t.exitPrice()).isCloseTo(1.10400, within(1e-12));
        assertThat(t.openTimeMsc()).isEqualTo(1_000);
        assertThat(t.closeTimeMsc()).isEqualTo(9_000);
        assertThat(t.holdingMs()).isEqualTo(8_000);
        assertThat(t.pnl()).isEqualTo(Money.ofCents(8000 - 140 - 70 - 70));
        assertThat(t.rMultiple()).isCloseTo(7720.0 / 2000, within(1e-12));
        assertThat(t.won()).isTrue();
        assertThat(t.exitReason()).isEqualTo("tp");
        assertThat(tracker.openCount()).isZero();
    }

    @Test
    void aPositionWithoutAKnownSignalIsAManualTradeWithoutRisk() {
        tracker.onFill(fill(1, DealEntry.ENTRY_IN, Side.SELL, 0.10, 1.2, 0, 0, 1_000, "signal"));
        ClosedTrade t = tracker.onFill(fill(2, DealEntry.ENTRY_OUT, Side.BUY, 0.10, 1.21, -100.10, 0, 2_000, "sl"))
                .orElseThrow();

        assertThat(t.alpha()).isEqualTo(TradeTracker.MANUAL);
        assertThat(t.regime()).isEqualTo(TradeTracker.UNKNOWN);
        assertThat(t.side()).isEqualTo(Side.SELL);
        assertThat(t.pnl()).isEqualTo(Money.ofCents(-10010));
        assertThat(t.rMultiple()).isNaN();
        assertThat(t.won()).isFalse();
    }

    @Test
    void positionsTheTerminalNoLongerHoldsAreForgotten() {
        tracker.onFill(fill(1, DealEntry.ENTRY_IN, Side.BUY, 0.10, 1.2, 0, 0, 1_000, "signal"));
        tracker.onHello(List.of());
        assertThat(tracker.openCount()).isZero();
    }

    @Test
    void aPositionHeldAtHelloIsAdoptedWithItsSnapshotAndClosedByItsExitFills() {
        tracker.onHello(List.of(Position.newBuilder().setTicket(77).setSymbol("EURUSD").setSide(Side.BUY)
                .setVolume(0.20).setOpenPrice(1.1).setOpenTimeMsc(500).setCommission(-1.40)
                .setSignalKey("EURUSD-1-1").build()));
        assertThat(tracker.onFill(fill(2, DealEntry.ENTRY_OUT, Side.SELL, 0.10, 1.101, 10.00, -0.70, 5_000, "tp")))
                .as("half of the adopted volume").isEmpty();
        ClosedTrade t = tracker.onFill(fill(3, DealEntry.ENTRY_OUT, Side.SELL, 0.10, 1.102, 20.00, -0.70, 6_000, "tp"))
                .orElseThrow();

        assertThat(t.openTimeMsc()).isEqualTo(500);
        assertThat(t.entryPrice()).isCloseTo(1.1, within(1e-12));
        assertThat(t.pnl()).isEqualTo(Money.ofCents(3000 - 140 - 140));
        assertThat(t.alpha()).isEqualTo(TradeTracker.MANUAL);
    }

    private static EntryContext entry(String key, String alpha, String regime, long riskCents) {
        Signal s = Signal.newBuilder().setSignalKey(key).setSymbol("EURUSD").setSide(Side.BUY).setVolume(0.2)
                .setAlpha(alpha).build();
        return new EntryContext(s, regime, "LONDON", Money.ofCents(riskCents), "ftmo-2step", "ACTIVE",
                Map.of("rsi_14", 55.0));
    }

    private static Fill fill(long deal, DealEntry entry, Side side, double volume, double price, double profit,
                             double commission, long timeMsc, String reason) {
        return Fill.newBuilder().setDeal(deal).setPositionId(77).setSymbol("EURUSD").setSide(side).setEntry(entry)
                .setVolume(volume).setPrice(price).setProfit(profit).setCommission(commission).setTimeMsc(timeMsc)
                .setSignalKey("EURUSD-1-1").setReason(reason).build();
    }
}
