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
        return to.append(new BigDecimal(Double.toString(Math.abs(x))).setScale(digits, RoundingMode.HALF_UP)
                .toPlainString());
    }
}
