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
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

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
     * ({@link BigDecimal#valueOf(double)}), so 97349.99 is 9734999 cents, not 9734998.
     */
    public static Money of(double amount, RoundingMode rounding) {
        return of(BigDecimal.valueOf(amount), rounding);
    }

    /** {@code pct} percent of {@code base}, rounded with the given rule. */
    public static Money percentOf(BigDecimal pct, Money base, RoundingMode rounding) {
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
