package com.vproptrader.host.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceTest {
    private final Evidence evidence = new Evidence(20, 0.5);

    /** Evidence from a fixed table; "*" keys pool like the memory's statistics do. */
    static TradeEvidence table(Map<String, TradeEvidence.Outcomes> byKey) {
        return new TradeEvidence() {
            @Override
            public Outcomes outcomes(String alpha, String regime, String symbol) {
                return byKey.getOrDefault(alpha + "|" + regime + "|" + symbol, Outcomes.NONE);
            }

            @Override
            public java.util.List<Result> recent(int max) {
                return java.util.List.of();
            }
        };
    }

    @Test
    void withoutTrades_theWinProbabilityIsThePrior_andThePayoffIsTheStopPlans() {
        assertThat(evidence.winProbability(TradeEvidence.NONE, "alpha-breakout", "TREND_LOW_VOL", "EURUSD"))
                .isEqualTo(0.5);
        assertThat(evidence.payoff(TradeEvidence.NONE, "alpha-breakout", "TREND_LOW_VOL", "EURUSD", 1.95))
                .isCloseTo(1.95, within(1e-12));
    }

    @Test
    void winsOfTheKey_shrinkTowardTheAlphasOwnRate_handComputed() {
        TradeEvidence trades = table(Map.of(
                "alpha-breakout|*|*", new TradeEvidence.Outcomes(30, 10, Double.NaN, 0, Double.NaN, 0),
                "alpha-breakout|TREND_LOW_VOL|EURUSD", new TradeEvidence.Outcomes(8, 2, Double.NaN, 0, Double.NaN, 0)));

        // m_alpha = (30 + 20·0.5) / (40 + 20) = 40/60 = 2/3;  p = (8 + 20·2/3) / (10 + 20) = (8 + 13.333) / 30
        assertThat(evidence.winProbability(trades, "alpha-breakout", "TREND_LOW_VOL", "EURUSD"))
                .isCloseTo(21.333333333333332 / 30, within(1e-12));
    }

    @Test
    void payoff_movesFromTheStopPlanTowardRealisedWinsAndLosses_handComputed() {
        TradeEvidence trades = table(Map.of("a|R|S", new TradeEvidence.Outcomes(10, 10, 1.2, 10, 0.8, 10)));

        // W = (20·1.95 + 12) / 30 = 1.7;  L = (20 + 8) / 30 = 0.9333;  payoff = 1.7 / 0.9333 = 1.8214
        assertThat(evidence.payoff(trades, "a", "R", "S", 1.95)).isCloseTo(1.7 / (28.0 / 30), within(1e-12));
    }

    @Test
    void manyLosses_pullTheProbabilityBelowBreakEven() {
        TradeEvidence trades = table(Map.of(
                "a|*|*", new TradeEvidence.Outcomes(20, 80, Double.NaN, 0, Double.NaN, 0),
                "a|R|S", new TradeEvidence.Outcomes(5, 45, Double.NaN, 0, Double.NaN, 0)));

        assertThat(evidence.winProbability(trades, "a", "R", "S")).isLessThan(1 / (1 + 1.95));
    }
}
