package com.vproptrader.host.risk;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast paths of the money arithmetic give exactly what the general decimal arithmetic gives. */
class ExactDecimalArithmeticTest {

    @Test
    void a_price_printed_with_a_few_decimals_reads_back_as_that_decimal() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            int scale = rng.nextInt(0, 9);
            long unscaled = rng.nextLong(1, 1_000_000_000_000L);
            BigDecimal printed = BigDecimal.valueOf(unscaled, scale).stripTrailingZeros();
            double d = printed.doubleValue();
            BigDecimal read = ShortestDecimal.of(d);
            assertEquals(0, read.compareTo(printed), () -> printed + " read back as " + read);
            assertEquals(0, read.compareTo(BigDecimal.valueOf(d)), () -> printed + ": " + read + " vs " + BigDecimal.valueOf(d));
            assertEquals(0, ShortestDecimal.of(-d).compareTo(printed.negate()));
        }
    }

    @Test
    void any_double_reads_back_as_a_decimal_that_rounds_to_it() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 200_000; i++) {
            double d = Double.longBitsToDouble(rng.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            assertEquals(d, ShortestDecimal.of(d).doubleValue());
        }
        assertEquals(0, ShortestDecimal.of(0.1 + 0.2).compareTo(new BigDecimal("0.30000000000000004")));
        assertEquals(0, ShortestDecimal.of(0.0).signum());
        assertEquals(0, ShortestDecimal.of(97349.99).compareTo(new BigDecimal("97349.99")));
    }

    @Test
    void a_percentage_of_a_balance_rounds_exactly_like_the_decimal_arithmetic() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            BigDecimal pct = BigDecimal.valueOf(rng.nextLong(-100_000, 100_000), rng.nextInt(0, 5));
            Money base = Money.ofCents(rng.nextLong(-2_000_000_000L, 2_000_000_000L));
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                Money slow = Money.of(base.toBigDecimal().multiply(pct).movePointLeft(2), mode);
                assertEquals(slow, Money.percentOf(pct, base, mode), () -> pct + "% of " + base + " " + mode);
            }
        }
        // Outside the long fast path the decimal arithmetic answers.
        Money big = Money.ofCents(9_000_000_000_000L);
        assertEquals(Money.ofCents(90_000_000_000L), Money.percentOf(BigDecimal.ONE, big, RoundingMode.FLOOR));
        assertTrue(Money.percentOf(new BigDecimal("33.3333333333"), Money.ofCents(100), RoundingMode.CEILING)
                .equals(Money.ofCents(34)));
    }

    @Test
    void the_estimate_per_price_unit_agrees_with_the_exact_move_and_refuses_what_it_does() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] ticks = {0.00001, 0.001, 0.01, 0.25, 1};
        for (int i = 0; i < 20_000; i++) {
            double tick = ticks[rng.nextInt(ticks.length)];
            double tickValue = rng.nextInt(1, 100_000) / 100.0;
            double move = rng.nextInt(1, 100_000) * tick;
            double exact = PriceMove.value(1, 100 + move, 100, tick, tickValue).doubleValue();
            double estimate = move * PriceMove.perLotPerPriceUnit(tick, tickValue);
            assertEquals(exact, estimate, Math.abs(exact) * 1e-9, () -> move + " at " + tick + " / " + tickValue);
        }
        for (double[] bad : new double[][] {{0, 1}, {0.01, 0}, {Double.NaN, 1}, {-0.01, 1}}) {
            assertThrows(IllegalArgumentException.class, () -> PriceMove.perLotPerPriceUnit(bad[0], bad[1]));
            assertThrows(IllegalArgumentException.class, () -> PriceMove.value(1, 1.1, 1.0, bad[0], bad[1]));
        }
    }
}
