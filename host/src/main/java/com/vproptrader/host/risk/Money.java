package com.vproptrader.host.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of account currency held as whole cents, so every limit check is an exact integer
 * comparison. Conversions from decimal always name their rounding: losses round toward more loss,
 * allowances toward less, so rounding can only make a governor stricter, never looser.
 */
public final class Money implements Comparable<Money> {
    public static final Money ZERO = new Money(0);
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
            10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L,
            100_000_000_000_000_000L};

    private final long cents;

    private Money(long cents) {
        this.cents = cents;
    }

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    /** Exact decimal amount rounded to the cent with the given rule. */
    public static Money of(BigDecimal amount, RoundingMode rounding) {
        return new Money(amount.setScale(2, rounding).movePointRight(2).longValueExact());
    }

    /**
     * A double as reported by MT5 (balance, equity): read through its shortest decimal form
     * ({@link ShortestDecimal}), so 97349.99 is 9734999 cents, not 9734998.
     */
    public static Money of(double amount, RoundingMode rounding) {
        return of(ShortestDecimal.of(amount), rounding);
    }

    /** {@code pct} percent of {@code base}, rounded with the given rule. */
    public static Money percentOf(BigDecimal pct, Money base, RoundingMode rounding) {
        // pct % of a number of cents is cents × unscaled(pct) / 10^(scale(pct) + 2) cents: exact in longs when it
        // fits (the governors ask this on every check).
        if (pct.scale() >= 0 && pct.scale() + 2 < POW10.length && pct.precision() < 10 && Math.abs(base.cents) < (1L << 31)
                && (rounding == RoundingMode.FLOOR || rounding == RoundingMode.CEILING)) {
            long product = base.cents * pct.unscaledValue().longValue(); // below 2^31 · 10^9 < 2^62
            long divisor = POW10[pct.scale() + 2];
            long cents = rounding == RoundingMode.FLOOR ? Math.floorDiv(product, divisor) : -Math.floorDiv(-product, divisor);
            return new Money(cents);
        }
        return of(base.toBigDecimal().multiply(pct).movePointLeft(2), rounding); // exact, and no division
    }

    public long cents() {
        return cents;
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(cents, 2);
    }

    /** For display and for the simulation only; never for limit checks. */
    public double toDouble() {
        return cents / 100.0;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public Money negated() {
        return new Money(Math.negateExact(cents));
    }

    public Money max(Money other) {
        return cents >= other.cents ? this : other;
    }

    public Money min(Money other) {
        return cents <= other.cents ? this : other;
    }

    public boolean isLessThan(Money other) {
        return cents < other.cents;
    }

    public boolean isAtLeast(Money other) {
        return cents >= other.cents;
    }

    public boolean isNegative() {
        return cents < 0;
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(cents, o.cents);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.cents == cents;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(cents);
    }

    @Override
    public String toString() {
        return toBigDecimal().toPlainString();
    }
}
