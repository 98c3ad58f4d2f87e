package com.vproptrader.host.navigator;

import com.vproptrader.host.govern.pack.RulePack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With ±1 R outcomes, a fixed win rate, a fixed risk (1% of the initial balance) and only two barriers (the
 * profit target and a static overall floor), passing is the gambler's ruin: starting i steps above the floor
 * with the target N steps above it, P(pass) = (1 − (q/p)^i) / (1 − (q/p)^N), or i/N at p = ½. The engine runs
 * every path through the real governors and must land within its own 95% interval.
 */
class GamblersRuinTest {

    @ParameterizedTest(name = "win rate {0}, floor {1} R below, target {2} R above")
    @CsvSource({"0.50, 5, 5", "0.55, 5, 5", "0.45, 8, 4", "0.60, 3, 10", "0.50, 2, 6"})
    void passProbabilityIsTheGamblersRuinFormula(double p, int stepsToFloor, int stepsToTarget) {
        RulePack pack = NavigatorFixtures.pack(Map.of("maxLossPct", (double) stepsToFloor,
                "profitTargetPct", (double) stepsToTarget));
        NavigatorConfig config = NavigatorConfig.defaults().withPaths(4_000, 1).withRiskBasis(RiskBasis.INITIAL)
                .withPrior(NavigatorFixtures.coin(p, 1.0, 8));
        ChallengeNavigator navigator = NavigatorFixtures.navigator(config);

        Forecast f = navigator.forecast(navigator.source(NavigatorFixtures.fresh(pack, Duration.ofDays(3650)),
                List.of()), 0.01);

        double expected = ruin(p, stepsToFloor, stepsToFloor + stepsToTarget);
        assertThat(f.pass().covers(expected)).as("P(pass) %s vs closed form %.4f", f.pass(), expected).isTrue();
        assertThat(f.pass().hits() + f.end(AttemptEnd.MAX_LOSS).hits()).as("every path ends at a barrier")
                .isEqualTo(f.paths());
    }

    /** P(reach n before 0 | start at i) for steps +1 w.p. p, −1 w.p. 1 − p. */
    static double ruin(double p, int i, int n) {
        if (Math.abs(p - 0.5) < 1e-12) {
            return (double) i / n;
        }
        double r = (1 - p) / p;
        return (1 - Math.pow(r, i)) / (1 - Math.pow(r, n));
    }
}
