package com.vproptrader.host.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlphaWeightsTest {
    private static final long HOUR = 3_600_000L;
    private final WeightRule rule = new WeightRule(0.1, 0.05, 0.2, 3.0, 50, HOUR);

    @TempDir
    Path dir;

    private static TradeEvidence.Result r(String alpha, int hour, double rMultiple) {
        return new TradeEvidence.Result(alpha, hour * HOUR + 1, rMultiple);
    }

    @Test
    void sharpe_isMeanOverSampleSd_handComputed() {
        AlphaWeights w = new AlphaWeights(rule);
        List<TradeEvidence.Result> recent = List.of(r("a", 0, 1), r("b", 0, -1), r("a", 1, 2), r("a", 2, 3));

        // a: R 1, 2, 3 → mean 2, sample sd 1 → Sharpe 2; b has one R → none yet
        assertThat(w.sharpe("a", recent)).isCloseTo(2.0, within(1e-12));
        assertThat(w.sharpe("b", recent)).isNaN();
    }

    @Test
    void correlationWithTheRest_perHourBucket_handComputed() {
        AlphaWeights w = new AlphaWeights(rule);
        // buckets: h0 a=1 rest=2; h1 a=2 rest=4; h2 a=3 rest=6 → perfectly correlated
        List<TradeEvidence.Result> recent = List.of(r("a", 0, 1), r("b", 0, 2), r("a", 1, 2), r("c", 1, 4),
                r("a", 2, 3), r("b", 2, 6));

        assertThat(w.correlationWithTheRest("a", recent)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aWinningAlpha_gainsWeight_andALosingOne_loses_andTheyAreSavedAndReloaded() {
        SqliteWeightStore store = new SqliteWeightStore(dir.resolve("state.db"), "1001");
        AlphaWeights w = new AlphaWeights(rule);
        w.attach(store);
        List<TradeEvidence.Result> recent = List.of(r("good", 0, 1.5), r("bad", 0, -1), r("good", 5, 1.0),
                r("bad", 9, -0.8), r("good", 13, 2.0), r("bad", 17, -1.2));

        w.onClosedTrade(Set.of("good", "bad", "idle"), recent);

        assertThat(w.weight("good")).isGreaterThan(1.0);
        assertThat(w.weight("bad")).isLessThan(1.0);
        double mean = (w.weight("good") + w.weight("bad") + w.weight("idle")) / 3;
        assertThat(mean).isCloseTo(1.0, within(1e-12));
        store.close();

        SqliteWeightStore reopened = new SqliteWeightStore(dir.resolve("state.db"), "1001");
        AlphaWeights restarted = new AlphaWeights(rule);
        restarted.attach(reopened);
        assertThat(restarted.snapshot()).isEqualTo(w.snapshot());
        reopened.close();
    }
}
