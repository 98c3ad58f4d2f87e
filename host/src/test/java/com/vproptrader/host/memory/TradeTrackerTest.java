package com.vproptrader.host.memory;

import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TradeTrackerTest {
    private final TradeTracker tracker = new TradeTracker();

    @Test
    void aPositionClosedInTwoPartsIsOneTradeWithTheAlphaAndRegimeOfItsSignal() {
        tracker.onSignal(entry("EURUSD-1-1", "alpha-momentum@1.2.0", "TREND_HIGH_VOL", 2000));

        assertThat(tracker.onFill(fill(1, DealEntry.ENTRY_IN, Side.BUY, 0.20, 1.10000, 0, -1.40, 1_000, "signal"), false))
                .isEmpty();
        assertThat(tracker.onFill(fill(2, DealEntry.ENTRY_OUT, Side.SELL, 0.10, 1.10300, 30.00, -0.70, 5_000, "tp"), false))
                .as("half closed at TP1: the position is still open").isEmpty();
        Optional<ClosedTrade> closed = tracker.onFill(
                fill(3, DealEntry.ENTRY_OUT, Side.SELL, 0.10, 1.10500, 50.00, -0.70, 9_000, "tp"), true);

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
        tracker.onFill(fill(1, DealEntry.ENTRY_IN, Side.SELL, 0.10, 1.2, 0, 0, 1_000, "signal"), false);
        ClosedTrade t = tracker.onFill(fill(2, DealEntry.ENTRY_OUT, Side.BUY, 0.10, 1.21, -100.10, 0, 2_000, "sl"), true)
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
        tracker.onFill(fill(1, DealEntry.ENTRY_IN, Side.BUY, 0.10, 1.2, 0, 0, 1_000, "signal"), false);
        tracker.retainOpen(java.util.Set.of());
        assertThat(tracker.openCount()).isZero();
    }

    private static EntryContext entry(String key, String alpha, String regime, long riskCents) {
        Signal s = Signal.newBuilder().setSignalKey(key).setSymbol("EURUSD").setSide(Side.BUY).setVolume(0.2)
                .setAlpha(alpha).build();
        return new EntryContext(s, regime, "LONDON", Money.ofCents(riskCents), Map.of("rsi_14", 55.0));
    }

    private static Fill fill(long deal, DealEntry entry, Side side, double volume, double price, double profit,
                             double commission, long timeMsc, String reason) {
        return Fill.newBuilder().setDeal(deal).setPositionId(77).setSymbol("EURUSD").setSide(side).setEntry(entry)
                .setVolume(volume).setPrice(price).setProfit(profit).setCommission(commission).setTimeMsc(timeMsc)
                .setSignalKey("EURUSD-1-1").setReason(reason).build();
    }
}
