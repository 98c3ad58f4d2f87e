package com.vproptrader.host.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.host.memory.ClosedTrade;
import com.vproptrader.host.memory.InProcessMemory;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Side;
import org.junit.jupiter.api.Test;

/** The evidence the sizing and the bandit read comes from the account's short-term memory, nowhere else. */
class MemoryEvidenceTest {
    private static final Evidence TWENTY = new Evidence(20, 0.5);

    private static ClosedTrade trade(long id, String alpha, String regime, long pnlCents) {
        return new ClosedTrade(id, "k" + id, alpha, "1.0.0", regime, "LONDON", "EURUSD", Side.BUY, 0.1, 1.1, 1.1,
                id * 60_000, id * 60_000 + 30_000, Money.ofCents(pnlCents), Money.ofCents(1000), "tp");
    }

    @Test
    void closedTradesInMemory_moveTheWinProbabilityAndThePayoff_fromTheirPriors() {
        try (InProcessMemory memory = new InProcessMemory()) {
            MemoryEvidence evidence = new MemoryEvidence(memory);
            assertThat(TWENTY.winProbability(evidence, "alpha-breakout", "TREND_LOW_VOL", "EURUSD"))
                    .isEqualTo(0.5);
            for (int i = 0; i < 10; i++) { // 8 wins of +1.5 R and 2 losses of −1 R
                memory.record(trade(i, "alpha-breakout", "TREND_LOW_VOL", i < 8 ? 1500 : -1000));
            }

            // alpha level: (8 + 20·0.5) / 30 = 0.6;  key: (8 + 20·0.6) / 30 = 0.6667
            assertThat(TWENTY.winProbability(evidence, "alpha-breakout", "TREND_LOW_VOL", "EURUSD"))
                    .isCloseTo(20.0 / 30, within(1e-12));
            // W = (20·1.95 + 8·1.5) / 28;  L = (20 + 2·1) / 22 = 1
            assertThat(TWENTY.payoff(evidence, "alpha-breakout", "TREND_LOW_VOL", "EURUSD", 1.95))
                    .isCloseTo((39 + 12) / 28.0, within(1e-12));
            assertThat(evidence.recent(3)).extracting(TradeEvidence.Result::r).containsExactly(1.5, -1.0, -1.0);
        }
    }
}
