package com.vproptrader.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {
    private static void printsAsTheFormatter(double x) {
        for (int digits = 0; digits <= 3; digits++) {
            assertThat(Decimals.fixed(new StringBuilder(), x, digits).toString()).as("%s to %d decimals", x, digits)
                    .isEqualTo(String.format(Locale.ROOT, "%." + digits + "f", x));
            assertThat(Decimals.signed(new StringBuilder(), x, digits).toString()).as("%s to %d decimals, signed", x, digits)
                    .isEqualTo(String.format(Locale.ROOT, "%+." + digits + "f", x));
        }
    }

    @Test
    void tiesAndEdges_printAsStringFormat() {
        for (double x : new double[] {0, -0.0, 0.005, 0.015, 0.125, 1.005, 2.675, -2.675, -0.004, -0.0049, 0.0004,
                0.00999, 9.995, 99.95, 0.5, 1.5, 2.5, -0.5, 1e-300, 4.9e-324, 1e7, 12345678.95, 1e22, 1.7976931348623157e308,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            printsAsTheFormatter(x);
        }
    }

    @Test
    void randomValuesOfEveryScale_printAsStringFormat() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            printsAsTheFormatter(switch (i % 4) {
                case 0 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-6, 12));
                case 1 -> (random.nextInt(-2_000_000, 2_000_000)) / 2000.0; // many exact and near ties
                case 2 -> Math.round((random.nextDouble() - 0.5) * 1e6) / 1000.0 + 0.0005;
                default -> Double.longBitsToDouble(random.nextLong());
            });
        }
    }
}
