package com.vproptrader.plugin.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers in reason texts, exactly as {@code String.format(Locale.ROOT, "%.Nf")} and {@code "%+.Nf"} print them,
 * several times faster: the JDK's formatter parses its pattern and builds the locale's symbols on every call,
 * which shows on a path that runs every tick. The formatter rounds the shortest decimal form of the double
 * ({@link Double#toString}) half up, and so does this; a negative value, even one that rounds to zero or -0.0,
 * keeps its minus sign.
 */
public final class Decimals {
    private Decimals() {
    }

    /** {@code x} with {@code digits} decimals, as {@code %.Nf} prints it. */
    public static StringBuilder fixed(StringBuilder to, double x, int digits) {
        return append(to, x, digits, false);
    }

    /** {@code x} with {@code digits} decimals and its sign always shown, as {@code %+.Nf} prints it. */
    public static StringBuilder signed(StringBuilder to, double x, int digits) {
        return append(to, x, digits, true);
    }

    private static StringBuilder append(StringBuilder to, double x, int digits, boolean plus) {
        if (!Double.isFinite(x)) { // NaN, Infinity: rare, the formatter's own words
            return to.append(String.format(Locale.ROOT, (plus ? "%+." : "%.") + digits + "f", x));
        }
        if (Double.compare(x, 0.0) < 0) {
            to.append('-');
        } else if (plus) {
            to.append('+');
        }
        double abs = Math.abs(x);
        if (digits >= 0 && digits < POW10.length && abs * POW10[digits] < FAST_LIMIT) {
            double scaled = abs * POW10[digits];
            double rounded = Math.floor(scaled + 0.5);
            if (Math.abs(scaled - rounded) < 0.5 - TIE_MARGIN) {
                return appendScaled(to, (long) rounded, digits);
            }
        }
        return to.append(new BigDecimal(Double.toString(abs)).setScale(digits, RoundingMode.HALF_UP).toPlainString());
    }

    /*
     * The fast path: below 2^30 the product abs·10^digits is off from the exact one by less than 2^-23, and the
     * decimal the formatter rounds (any decimal that reads back as abs) is within half an ulp of abs, less than
     * 2^-22 after scaling. So when the product is farther than TIE_MARGIN from a tie, rounding it to the nearest
     * integer gives the formatter's digits; near a tie the exact path decides.
     */
    private static final double FAST_LIMIT = 1 << 30;
    private static final double TIE_MARGIN = 1e-4;
    private static final double[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    /** {@code units}·10^-digits in plain notation: 1234 and 2 as "12.34", 5 and 3 as "0.005". */
    private static StringBuilder appendScaled(StringBuilder to, long units, int digits) {
        if (digits == 0) {
            return to.append(units);
        }
        long unit = (long) POW10[digits];
        to.append(units / unit).append('.');
        String fraction = Long.toString(units % unit);
        for (int i = fraction.length(); i < digits; i++) {
            to.append('0');
        }
        return to.append(fraction);
    }
}
