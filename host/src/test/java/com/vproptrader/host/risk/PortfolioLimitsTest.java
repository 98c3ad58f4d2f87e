package com.vproptrader.host.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PortfolioLimitsTest {
    private final PortfolioLimits limits = new PortfolioLimits(0.03, 0.7, 60);
    private static final double NAN = Double.NaN;

    @Test
    void aFirstPosition_withinTheEs95Budget_passes() {
        // one position, daily money vol 500 on 100k: parametric ES95 = 2.0627 · 500 = 1031 < 3000
        assertThat(limits.check(new double[] {1e6}, new double[0][0], new double[] {500}, new double[][] {{1}}, 100_000))
                .isEmpty();
    }

    @Test
    void aBookWhoseEs95ExceedsTheBudget_isRefused_parametricWhileReturnsAreShort() {
        var r = limits.check(new double[] {1e6, 1e6}, new double[0][0], new double[] {1000, 1000},
                new double[][] {{1, NAN}, {NAN, 1}}, 100_000);

        // unknown correlation counts as 1: σ = 2000, ES95 = 4125 > 3000
        assertThat(r).hasValueSatisfying(x -> {
            assertThat(x.code()).isEqualTo("es95");
            assertThat(x.detail()).contains("parametric");
        });
    }

    @Test
    void historicalEs95_seesAFatTailTheNormalModelMisses() {
        // 100 M1 returns: 95 quiet (±1 bp) and 5 crashes of −30 bp; exposure 1e6 money per unit log return
        double[] r = new double[100];
        for (int t = 0; t < 100; t++) {
            r[t] = t % 20 == 0 ? -0.003 : (t % 2 == 0 ? 1e-4 : -1e-4);
        }
        // worst 5 scenarios: each −3000 a minute → ×√1440 ≈ 113,842 a day: refused
        var r1 = limits.check(new double[] {1e6}, new double[][] {r}, new double[] {500}, new double[][] {{1}}, 100_000);

        assertThat(r1).hasValueSatisfying(x -> assertThat(x.detail()).contains("historical over 100 M1 returns"));
    }

    @Test
    void correlationWithTheBook_handComputed() {
        // book: one long with vol 300; new long with vol 200; ρ = 0.8 → corr(new, book) = +1·300·0.8/300 = 0.8
        double rho = PortfolioLimits.correlationWithBook(new double[] {300, 200}, new double[][] {{1, 0.8}, {0.8, 1}});
        assertThat(rho).isCloseTo(0.8, within(1e-12));
        // the same trade short hedges the book: −0.8
        assertThat(PortfolioLimits.correlationWithBook(new double[] {300, -200}, new double[][] {{1, 0.8}, {0.8, 1}}))
                .isCloseTo(-0.8, within(1e-12));
    }

    @Test
    void aTradeThatDoublesABetAlreadyOn_isRefused_aHedgeIsNot() {
        double[][] c = {{1, 0.85}, {0.85, 1}};
        assertThat(limits.check(new double[] {1e5, 1e5}, new double[0][0], new double[] {300, 200}, c, 100_000))
                .hasValueSatisfying(x -> assertThat(x.code()).isEqualTo("correlation"));
        assertThat(limits.check(new double[] {1e5, -1e5}, new double[0][0], new double[] {300, -200}, c, 100_000))
                .isEmpty();
    }

    @Test
    void unknownCorrelations_doNotRefuseOnCorrelation() {
        assertThat(PortfolioLimits.correlationWithBook(new double[] {300, 200}, new double[][] {{1, NAN}, {NAN, 1}}))
                .isZero();
    }
}
