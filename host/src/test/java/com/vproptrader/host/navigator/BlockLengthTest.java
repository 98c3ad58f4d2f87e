package com.vproptrader.host.navigator;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Politis-White picks short blocks for independent days and long ones for persistent days. */
class BlockLengthTest {

    private static double[] ar1(double phi, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        double prev = 0;
        for (int i = 0; i < n; i++) {
            double gauss = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
            prev = phi * prev + gauss;
            x[i] = prev;
        }
        return x;
    }

    @Test
    void independentDaysGetShortBlocksAndPersistentDaysLongOnes() {
        double independent = BlockLength.of(ar1(0.0, 500, 1));
        double persistent = BlockLength.of(ar1(0.8, 500, 1));

        assertThat(independent).isBetween(1.0, 3.0);
        assertThat(persistent).isGreaterThan(5.0).isGreaterThan(3 * independent);
    }

    @Test
    void tooFewOrConstantDaysFallBackToSingleDays() {
        assertThat(BlockLength.of(new double[]{1, -1})).isEqualTo(1.0);
        assertThat(BlockLength.of(new double[]{2, 2, 2, 2, 2, 2})).isEqualTo(1.0);
    }
}
