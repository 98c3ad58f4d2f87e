package com.vproptrader.host.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegimeBanditTest {

    /** Closed-trade counts the simulation writes and the bandit reads, like the memory's statistics. */
    private static final class Counts implements TradeEvidence {
        final Map<String, int[]> byKey = new HashMap<>();

        void record(String alpha, String regime, boolean won) {
            for (String key : List.of(alpha + "|" + regime + "|*", alpha + "|*|*")) {
                int[] c = byKey.computeIfAbsent(key, k -> new int[2]);
                c[won ? 0 : 1]++;
            }
        }

        @Override
        public Outcomes outcomes(String alpha, String regime, String symbol) {
            int[] c = byKey.getOrDefault(alpha + "|" + regime + "|" + symbol, new int[2]);
            return new Outcomes(c[0], c[1], Double.NaN, 0, Double.NaN, 0);
        }

        @Override
        public List<Result> recent(int max) {
            return List.of();
        }
    }

    @Test
    void posteriors_areTheBetaEachArmDrawsFrom_withTheirMeanAndTradeCount_andDrawNothing() {
        Counts counts = new Counts();
        for (int i = 0; i < 12; i++) {
            counts.record("momentum", "TREND_LOW_VOL", i < 9); // 9 wins, 3 losses in a trend
        }
        counts.record("momentum", "RANGE_LOW_VOL", false);
        Evidence evidence = new Evidence(10, 0.5);
        RegimeBandit bandit = new RegimeBandit(2, 1, evidence);
        var posteriors = bandit.posteriors(List.of("momentum", "breakout"), List.of("TREND_LOW_VOL", "RANGE_LOW_VOL"), counts);
        assertThat(posteriors.getMayTrade()).isEqualTo(2);
        assertThat(posteriors.getPriorStrength()).isEqualTo(10);
        assertThat(posteriors.getArmsList()).extracting(a -> a.getAlpha() + "|" + a.getRegime() + "|" + a.getTrades())
                .containsExactly("momentum|TREND_LOW_VOL|12", "momentum|RANGE_LOW_VOL|1", "breakout|TREND_LOW_VOL|0",
                        "breakout|RANGE_LOW_VOL|0");
        var trend = posteriors.getArms(0);
        // the alpha's own rate (9 of 13 toward 0.5 with n0 = 10) is the prior of its trend arm: (9 + 10 m) / (12 + 10)
        double alphaRate = (9 + 10 * 0.5) / (13 + 10.0);
        assertThat(trend.getA()).isCloseTo(9 + 10 * alphaRate, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(trend.getB()).isCloseTo(3 + 10 * (1 - alphaRate), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(trend.getMean()).isCloseTo(evidence.winProbability(counts, "momentum", "TREND_LOW_VOL", "*"),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(trend.getMean()).isGreaterThan(posteriors.getArms(1).getMean());
        assertThat(posteriors.getArms(2).getMean()).as("no trades: the prior win rate").isEqualTo(0.5);
    }

    @Test
    void thompsonSampling_concentratesOnTheBestArm() {
        // Three alphas in one regime with true win rates 0.40, 0.50, 0.62 (simulated, seeded); one may trade.
        Map<String, Double> truth = Map.of("a-weak", 0.40, "b-even", 0.50, "c-best", 0.62);
        RegimeBandit bandit = new RegimeBandit(1, 42, new Evidence(2, 0.5));
        Counts counts = new Counts();
        Random outcomes = new Random(7);
        Map<String, Integer> lastThousand = new HashMap<>();
        for (int round = 0; round < 4000; round++) {
            Set<String> allowed = bandit.allowed(List.of("a-weak", "b-even", "c-best"), "TREND_LOW_VOL", "EURUSD",
                    60_000L * round, counts);
            assertThat(allowed).hasSize(1);
            String arm = allowed.iterator().next();
            counts.record(arm, "TREND_LOW_VOL", outcomes.nextDouble() < truth.get(arm));
            if (round >= 3000) {
                lastThousand.merge(arm, 1, Integer::sum);
            }
        }
        assertThat(lastThousand.getOrDefault("c-best", 0)).isGreaterThan(850);
        assertThat(counts.outcomes("a-weak", "TREND_LOW_VOL", "*").count()).isLessThan(300);
    }

    @Test
    void sameSymbolAndTime_drawsTheSame_soReplayDecidesTheSame() {
        RegimeBandit bandit = new RegimeBandit(2, 42, Evidence.DEFAULT);
        List<String> alphas = List.of("a", "b", "c", "d", "e");

        Set<String> first = bandit.allowed(alphas, "RANGE_LOW_VOL", "GBPUSD", 123_456L, TradeEvidence.NONE);
        Set<String> again = bandit.allowed(alphas, "RANGE_LOW_VOL", "GBPUSD", 123_456L, TradeEvidence.NONE);

        assertThat(again).isEqualTo(first).hasSize(2);
    }

    @Test
    void withNoMoreAlphasThanMayTrade_allMayTrade() {
        assertThat(new RegimeBandit(4, 1, Evidence.DEFAULT).allowed(List.of("a", "b"), "R", "S", 0, TradeEvidence.NONE))
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void betaDraws_haveTheRightMean() {
        SplittableRandom rnd = new SplittableRandom(3);
        double sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += RegimeBandit.beta(rnd, 2, 6); // mean 0.25
        }
        assertThat(sum / 20_000).isBetween(0.24, 0.26);
        double small = 0;
        for (int i = 0; i < 20_000; i++) {
            small += RegimeBandit.beta(rnd, 0.5, 0.5); // mean 0.5, shape < 1 path
        }
        assertThat(small / 20_000).isBetween(0.49, 0.51);
    }
}
