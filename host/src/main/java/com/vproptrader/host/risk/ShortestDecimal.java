package com.vproptrader.host.risk;

import java.math.BigDecimal;

/**
 * The shortest decimal that reads back as a given double: how a price or balance that MT5 printed with a few
 * decimals is turned back into that exact decimal (97349.99 stays 97349.99, not 97349.98999999999...).
 *
 * <p>Same value as {@link BigDecimal#valueOf(double)} for prices and amounts, without printing the double to a
 * string and parsing it again (the governors do this for every price of every check). For scale s = 0, 1, 2, ...
 * the nearest integer m to d·10^s is tried; m / 10^s is computed exactly rounded (m and 10^s are exact doubles),
 * so it equals d exactly when the decimal m·10^-s rounds to d. Below 10^15 digits such a decimal is unique at its
 * scale, so the first scale that reads back gives the shortest form. Larger or non-finite values take the slow,
 * general path. The same few doubles come again and again (tick sizes, tick values, volumes, a price checked by
 * several governors), so answers are kept in a small direct-mapped table shared by all threads: an entry is
 * immutable, so a thread reads either a whole entry or an older one, and a miss only costs the conversion.
 */
public final class ShortestDecimal {
    private static final double[] POW10 = new double[16];
    private static final long LIMIT = 1_000_000_000_000_000L; // 10^15: unique shortest form below it
    private static final int TABLE_BITS = 10;
    private static final Entry[] TABLE = new Entry[1 << TABLE_BITS];

    static {
        double p = 1;
        for (int s = 0; s < POW10.length; s++) {
            POW10[s] = p;
            p *= 10;
        }
    }

    private ShortestDecimal() {
    }

    public static BigDecimal of(double d) {
        long bits = Double.doubleToRawLongBits(d);
        int slot = (int) ((bits ^ (bits >>> 29)) * 0x9E3779B97F4A7C15L >>> (64 - TABLE_BITS));
        Entry e = TABLE[slot];
        if (e != null && e.bits == bits) {
            return e.value;
        }
        BigDecimal value = convert(d);
        TABLE[slot] = new Entry(bits, value);
        return value;
    }

    private record Entry(long bits, BigDecimal value) {
    }

    private static BigDecimal convert(double d) {
        if (d != 0 && Math.abs(d) < LIMIT && Math.abs(d) >= 1e-6) {
            for (int s = 0; s < POW10.length; s++) {
                double scaled = d * POW10[s];
                if (Math.abs(scaled) >= LIMIT) {
                    break;
                }
                long m = Math.round(scaled);
                if (m / POW10[s] == d) {
                    return BigDecimal.valueOf(m, s);
                }
            }
        }
        return BigDecimal.valueOf(d);
    }
}
