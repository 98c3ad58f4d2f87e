package com.vproptrader.host.navigator;

import com.vproptrader.host.time.ServerClock;

import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.memory.ClosedTrade;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Side;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Memory's closed trades become R outcomes with the share of the balance each risked when it opened. */
class MemoryOutcomesTest {
    private static final ServerClock ZONE = RulePackLoader.bundled("ftmo-2step").serverTimeZone();

    private static ClosedTrade trade(long id, long open, long close, long pnlCents, long riskCents) {
        return new ClosedTrade(id, "k" + id, "alpha-momentum", "1.0.0", "TREND", "LONDON", "EURUSD", Side.BUY, 1,
                1.1, 1.1, open, close, Money.ofCents(pnlCents), Money.ofCents(riskCents), "tp");
    }

    @Test
    void eachTradeRisksAShareOfTheBalanceRebuiltFromTheResultsClosedAfterItOpened() {
        // Balance now 10,150: trade 1 (+300) closed before trade 2 opened; trade 2 (-150) closed last.
        List<ClosedTrade> memory = List.of(
                trade(2, 3_000, 4_000, -150_00, 150_00),
                trade(1, 1_000, 2_000, 300_00, 200_00),
                trade(3, 3_500, 9_000, 50_00, 0)); // no stop: no R; also closed after the state

        List<TradeOutcome> out = MemoryOutcomes.from(memory, 5_000, ZONE, Money.ofCents(10_150_00));

        assertThat(out).hasSize(2);
        TradeOutcome first = out.get(0);
        assertThat(first.rMultiple()).isEqualTo(1.5);
        assertThat(first.riskFraction()).isEqualTo(200.0 / 10_000); // 10,150 − 300 − (−150)
        TradeOutcome second = out.get(1);
        assertThat(second.rMultiple()).isEqualTo(-1.0);
        assertThat(second.riskFraction()).isEqualTo(150.0 / 10_300); // 10,150 + 150
        assertThat(second.opened()).isEqualTo(ZONE.fromServerMillis(3_000));
    }
}
