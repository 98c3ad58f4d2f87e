package com.vproptrader.host.risk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What a price move is worth on a position: {@code volume × |from − to| / tickSize × tickValue}.
 * Computed in decimal from the doubles' shortest decimal forms (prices have at most {@code digits}
 * decimals, so the tick count is exact in practice; the one division runs to 34 significant digits).
 * The C++ harness does the same in double and rounds to a millionth before rounding to the cent.
 */
public final class PriceMove {
    private PriceMove() {
    }

    /** Money value of the move, unrounded. */
    public static BigDecimal value(double volume, double from, double to, double tickSize, double tickValue) {
        requireTick(tickSize, tickValue);
        BigDecimal distance = ShortestDecimal.of(from).subtract(ShortestDecimal.of(to)).abs();
        BigDecimal tick = ShortestDecimal.of(tickSize);
        // Tick sizes are almost always a power of ten (0.00001, 0.01): then dividing is an exact shift.
        BigDecimal ticks = tick.unscaledValue().equals(BigInteger.ONE)
                ? distance.movePointRight(tick.scale())
                : distance.divide(tick, MathContext.DECIMAL128);
        return ticks.multiply(ShortestDecimal.of(tickValue)).multiply(ShortestDecimal.of(volume));
    }

    /**
     * What one lot gains or loses per unit of price, in double: for estimates (a volatility, a notional), never for
     * money that is kept or compared with a limit (those go through {@link #value}).
     */
    public static double perLotPerPriceUnit(double tickSize, double tickValue) {
        requireTick(tickSize, tickValue);
        return tickValue / tickSize;
    }

    private static void requireTick(double tickSize, double tickValue) {
        if (!(tickSize > 0) || !(tickValue > 0)) {
            throw new IllegalArgumentException("tickSize and tickValue must be > 0, got " + tickSize + ", " + tickValue);
        }
    }

    /** A loss: rounded up to the cent, so the estimate is never smaller than the truth. */
    public static Money loss(double volume, double from, double to, double tickSize, double tickValue) {
        return Money.of(value(volume, from, to, tickSize, tickValue), RoundingMode.CEILING);
    }

    /** A price distance times a fraction, as a loss (used for the gap allowance beyond a stop). */
    public static Money lossOfFraction(BigDecimal fraction, double volume, double from, double to,
                                       double tickSize, double tickValue) {
        return Money.of(value(volume, from, to, tickSize, tickValue).multiply(fraction), RoundingMode.CEILING);
    }
}
