package com.vproptrader.host.govern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof: over randomized market paths (trends, spikes, gaps through stops within the
 * allowance, slippage), an account run through our sizing and governors never breaches the firm's
 * daily or max loss. Number of paths: {@code -Dgovern.paths=N} (default 2,000); prints the figures.
 */
class GovernedPathsPropertyTest {

    @Property(seed = "20261125")
    @AddLifecycleHook(PathsFromSystemProperty.class)
    void no_path_breaches_the_firms_daily_or_max_loss(
            @ForAll("packs") String pack,
            @ForAll long seed,
            @ForAll @DoubleRange(min = -0.4, max = 0.4) double drift,
            @ForAll @DoubleRange(min = 0.3, max = 3.0) double volMultiplier,
            @ForAll @DoubleRange(min = 0.0, max = 0.05) double spikeProb,
            @ForAll @DoubleRange(min = 0.0, max = 0.03) double gapProb,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double slippage,
            @ForAll @IntRange(min = 2, max = 7) int days) {
        var result = new GovernedPathSimulation(new GovernedPathSimulation.Params(pack, seed, drift, volMultiplier,
                spikeProb, gapProb, slippage, days, true)).run();
        GovernedPathStats.GLOBAL.add(result);
        assertThat(result.breaches()).as("breaches on %s (min day headroom %.4f%%, max %.4f%%)",
                result.description(), result.minDayHeadroomPct(), result.minMaxHeadroomPct()).isZero();
    }

    /** The referee must be able to see a breach: the same loop without governors (3% risk a trade) breaches. */
    @net.jqwik.api.Example
    void the_referee_sees_breaches_when_governors_are_bypassed() {
        long breaches = 0;
        for (int i = 0; i < 100; i++) {
            breaches += new GovernedPathSimulation(new GovernedPathSimulation.Params("ftmo-1step", i, 0.1, 2.0, 0.02,
                    0.02, 1.0, 5, false)).run().breaches();
        }
        assertThat(breaches).isPositive();
    }

    @Provide
    Arbitrary<String> packs() {
        return Arbitraries.of("ftmo-2step", "ftmo-1step", "the5ers-high-stakes", "fundednext-stellar-2step");
    }
}
