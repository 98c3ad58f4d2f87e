package com.vproptrader.gateway.frame;

/**
 * Doubles as simple parsers (MQL5's StringToDouble) read them: plain decimal notation ({@code 0.00001}, never
 * {@code 1.0E-5}; {@code 100000}, not {@code 100000.0}) with the shortest digits that read back to the same
 * double ({@link Double#toString}'s digits), i.e. {@code new BigDecimal(Double.toString(d)).stripTrailingZeros()
 * .toPlainString()} without the BigDecimal.
 */
final class WireNumbers {
    private WireNumbers() {
    }

    /** A finite double in plain notation; zero (either sign) is {@code 0}. */
    static String plain(double d) {
        if (d == 0) {
            return "0";
        }
        String s = Double.toString(d);
        int exp = s.indexOf('E');
        if (exp < 0) {
            // "123.4500" or "100.0": always a point with at least one digit after it
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            return s.substring(0, s.charAt(end - 1) == '.' ? end - 1 : end);
        }
        // "-1.2345E-7": one digit, the point, more digits, the exponent
        boolean negative = s.charAt(0) == '-';
        int first = negative ? 1 : 0;
        StringBuilder digits = new StringBuilder(exp).append(s.charAt(first)).append(s, first + 2, exp);
        int len = digits.length();
        while (len > 1 && digits.charAt(len - 1) == '0') {
            len--;
        }
        digits.setLength(len);
        int point = Integer.parseInt(s, exp + 1, s.length(), 10) + 1; // digits before the decimal point
        StringBuilder out = new StringBuilder(len + Math.abs(point) + 3);
        if (negative) {
            out.append('-');
        }
        if (point <= 0) {
            out.append("0.").append("0".repeat(-point)).append(digits);
        } else if (point >= len) {
            out.append(digits).append("0".repeat(point - len));
        } else {
            out.append(digits, 0, point).append('.').append(digits, point, len);
        }
        return out.toString();
    }
}
