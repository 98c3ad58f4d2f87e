package com.vproptrader.host.navigator;

import com.vproptrader.host.govern.pack.RulePack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of the pack moves the forecast the way it should, and a path ending on a rule counts for that rule. */
class RuleEffectsTest {

    private static Forecast forecast(Map<String, Object> rules, OutcomePrior outcomes, Duration time) {
        NavigatorConfig config = NavigatorConfig.defaults().withPaths(1_500, 1).withRiskBasis(RiskBasis.INITIAL)
                .withPrior(outcomes);
        ChallengeNavigator navigator = NavigatorFixtures.navigator(config);
        RulePack pack = NavigatorFixtures.pack(rules);
        return navigator.forecast(navigator.source(NavigatorFixtures.fresh(pack, time), List.of()), 0.01);
    }

    private static Map<String, Object> rules(Object... kv) {
        Map<String, Object> m = new HashMap<>(Map.of("maxLossPct", 5.0, "profitTargetPct", 5.0));
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aTighterDailyFloorLowersThePassProbability() {
        // A fair game whose losses slip half a stop beyond it (1.5 R): a 1.2% daily floor is breached by any loss.
        OutcomePrior slippingCoin = new OutcomePrior(0.5, 1.5, 1.5, 6, 600, 60, 30, 1);
        Forecast loose = forecast(rules(), slippingCoin, Duration.ofDays(365));
        Forecast tight = forecast(rules("dailyLossPct", 1.2, "maxOpenRiskPct", 1.0, "maxRiskPerTradePct", 1.0), slippingCoin, Duration.ofDays(365));

        assertThat(tight.pass().high()).as("tight %s vs loose %s", tight.pass(), loose.pass())
                .isLessThan(loose.pass().low());
        assertThat(tight.mostLikelyFailure()).isEqualTo(AttemptEnd.DAILY_LOSS);
    }

    @Test
    void aLossThroughTheDailyFloorIsADailyLossBreach() {
        // Every trade loses 3 R (a gap far beyond the stop): the first one takes equity through the 2% daily floor.
        Forecast f = forecast(rules("dailyLossPct", 2.0, "maxLossPct", 10.0),
                new OutcomePrior(0.0, 1.0, 3.0, 4, 600, 60, 30, 1), Duration.ofDays(30));

        assertThat(f.end(AttemptEnd.DAILY_LOSS).hits()).isEqualTo(f.paths());
        assertThat(f.daysToPass().histogram()).isEmpty();
    }

    @Test
    void aLossThroughTheOverallFloorIsAMaxLossBreach() {
        Forecast f = forecast(rules("maxLossPct", 2.0), new OutcomePrior(0.0, 1.0, 3.0, 4, 600, 60, 30, 1),
                Duration.ofDays(30));

        assertThat(f.end(AttemptEnd.MAX_LOSS).hits()).isEqualTo(f.paths());
        assertThat(f.mostLikelyFailure()).isEqualTo(AttemptEnd.MAX_LOSS);
    }

    @Test
    void minimumTradingDaysTurnEarlyTargetsIntoTimeOutsWhenTheHostStopsOpeningAtTarget() {
        OutcomePrior strongEdge = NavigatorFixtures.coin(0.8, 1.0, 8);
        Forecast none = forecast(rules("profitTargetPct", 3.0, "dayQualifyingRiskPct", 0.0), strongEdge, Duration.ofDays(20));
        Forecast five = forecast(rules("profitTargetPct", 3.0, "minTradingDays", 5, "dayQualifyingRiskPct", 0.0),
                strongEdge, Duration.ofDays(20));

        assertThat(five.end(AttemptEnd.TIME_OUT).low()).isGreaterThan(none.end(AttemptEnd.TIME_OUT).high());
        assertThat(five.pass().high()).isLessThan(none.pass().low());
    }

    @Test
    void dayQualifyingTradesLetAnEarlyTargetPassOnTheMinimumDayWithTheTargetStillBanked() {
        // Eight trades a day at 80% wins of 1.3 R reach a 3% target on day 1, mostly a little beyond it (a target
        // hit to the cent leaves no margin to risk); five trading days are required. One small trade a day (at
        // most 0.05% of the initial balance, never more than the margin above the target) counts each missing
        // day, and whatever it does the balance stays at or above the target.
        OutcomePrior strongEdge = NavigatorFixtures.coin(0.8, 1.3, 8);
        Forecast blocked = forecast(rules("profitTargetPct", 3.0, "minTradingDays", 5, "dayQualifyingRiskPct", 0.0),
                strongEdge, Duration.ofDays(20));
        Forecast qualifying = forecast(rules("profitTargetPct", 3.0, "minTradingDays", 5, "dayQualifyingRiskPct", 0.05),
                strongEdge, Duration.ofDays(20));

        assertThat(qualifying.pass().low()).as("%s vs %s, time-outs %s", qualifying.pass(), blocked.pass(),
                        qualifying.end(AttemptEnd.TIME_OUT))
                .isGreaterThan(blocked.pass().high());
        assertThat(qualifying.daysToPass().p10()).isGreaterThanOrEqualTo(5);
        assertThat(qualifying.end(AttemptEnd.MAX_LOSS).hits() + qualifying.end(AttemptEnd.DAILY_LOSS).hits())
                .isLessThanOrEqualTo(blocked.end(AttemptEnd.MAX_LOSS).hits() + blocked.end(AttemptEnd.DAILY_LOSS).hits());
    }

    @Test
    void minimumTradingDaysDelayThePassWhenTradingGoesOnAfterTheTarget() {
        OutcomePrior strongEdge = NavigatorFixtures.coin(0.8, 1.0, 8);
        Forecast none = forecast(rules("profitTargetPct", 3.0, "stopOpeningAtTarget", false), strongEdge,
                Duration.ofDays(30));
        Forecast five = forecast(rules("profitTargetPct", 3.0, "stopOpeningAtTarget", false, "minTradingDays", 5),
                strongEdge, Duration.ofDays(30));

        assertThat(five.daysToPass().p10()).isGreaterThanOrEqualTo(5);
        assertThat(five.daysToPass().mean()).isGreaterThan(none.daysToPass().high());
    }

    @Test
    void noTradeForTheInactivityLimitEndsTheAttempt() {
        Forecast f = forecast(rules("inactivityDays", 10), new OutcomePrior(0.5, 1.0, 1.0, 0, 600, 60, 30, 1),
                Duration.ofDays(60));

        assertThat(f.end(AttemptEnd.INACTIVITY).hits()).isEqualTo(f.paths());
    }

    @Test
    void theBestDayShareBlocksAPassMadeMostlyInOneDay() {
        // Every trade wins 1 R; two a day pass the 50%-of-target day cap (1.5%), so day 1 makes 2% of the 3%.
        OutcomePrior alwaysWins = new OutcomePrior(1.0, 1.0, 1.0, 8, 600, 60, 30, 1);
        Forecast without = forecast(rules("profitTargetPct", 3.0), alwaysWins, Duration.ofDays(20));
        Forecast with = forecast(rules("profitTargetPct", 3.0, "bestDayMaxSharePct", 50.0), alwaysWins,
                Duration.ofDays(20));

        assertThat(without.pass().hits()).isEqualTo(without.paths());
        assertThat(with.pass().hits()).isZero();
        assertThat(with.mostLikelyFailure()).isEqualTo(AttemptEnd.TIME_OUT);
    }

    @Test
    void aTrailingOverallFloorLowersThePassProbability() {
        OutcomePrior fairCoin = NavigatorFixtures.coin(0.5, 1.0, 6);
        Forecast fixed = forecast(rules(), fairCoin, Duration.ofDays(365));
        Forecast trailing = forecast(rules("maxLossMode", "TRAILING", "maxLossTrailBasis", "BALANCE"), fairCoin,
                Duration.ofDays(365));

        assertThat(trailing.pass().high()).isLessThan(fixed.pass().low());
    }
}
