package com.vproptrader.ui.views;

import com.vproptrader.proto.PluginKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Number and time formats shared by the pages (fixed locale: operators compare screens). */
public final class Fmt {

    private static final DateTimeFormatter SERVER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter TIME_OF_DAY =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    /** Money with two decimals and thousands separators, e.g. "100,250.00 USD". */
    public static String money(double value, String currency) {
        String number = String.format(Locale.ROOT, "%,.2f", value);
        return currency == null || currency.isEmpty() ? number : number + " " + currency;
    }

    /** Signed money, e.g. "+250.00" or "-12.50". */
    public static String signedMoney(double value, String currency) {
        return (value > 0 ? "+" : "") + money(value, currency);
    }

    /** Exact money from whole cents (AdminService's money fields), e.g. 11000000 → "110,000.00 USD". */
    public static String cents(long cents, String currency) {
        String number = String.format(Locale.ROOT, "%,.2f", java.math.BigDecimal.valueOf(cents, 2));
        return currency == null || currency.isEmpty() ? number : number + " " + currency;
    }

    /** Signed exact money from whole cents, e.g. "+250.00". */
    public static String signedCents(long cents, String currency) {
        return (cents > 0 ? "+" : "") + cents(cents, currency);
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String price(double value) {
        return value == 0 ? "" : String.format(Locale.ROOT, "%.5f", value);
    }

    public static String lots(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Broker server time (ms written as if UTC) as "yyyy-MM-dd HH:mm:ss"; "" for 0. */
    public static String serverTime(long msc) {
        return msc == 0 ? "" : SERVER_TIME.format(Instant.ofEpochMilli(msc));
    }

    /** A real UTC wall-clock instant as "HH:mm:ss" (today's events); "" for 0. */
    public static String utcTime(long ms) {
        return ms == 0 ? "" : TIME_OF_DAY.format(Instant.ofEpochMilli(ms));
    }

    /** A real UTC wall-clock instant as "yyyy-MM-dd HH:mm:ss UTC"; "" for 0. */
    public static String utc(long ms) {
        return ms == 0 ? "" : SERVER_TIME.format(Instant.ofEpochMilli(ms)) + " UTC";
    }

    /** A decimal string from the host (trade log money) with thousands separators and a sign, e.g. "+1,250.00". */
    public static String signedDecimal(String decimal) {
        if (decimal == null || decimal.isEmpty()) {
            return "–";
        }
        java.math.BigDecimal v = new java.math.BigDecimal(decimal).setScale(2, java.math.RoundingMode.HALF_EVEN);
        return (v.signum() > 0 ? "+" : "") + String.format(Locale.ROOT, "%,.2f", v);
    }

    /** What a plugin JAR implements, e.g. "alpha" or "alpha, filter"; "" before it loaded. */
    public static String pluginKinds(List<PluginKind> kinds) {
        return kinds.stream().map(k -> switch (k) {
            case PLUGIN_ALPHA -> "alpha";
            case PLUGIN_FILTER -> "filter";
            case PLUGIN_MODEL -> "model";
            default -> "unknown";
        }).collect(Collectors.joining(", "));
    }

    /** A ratio to two decimals; "–" when undefined (NaN), "∞" when infinite. */
    public static String ratio(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Double.isInfinite(value) ? (value > 0 ? "∞" : "-∞") : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A share 0..1 as a percentage with one decimal; "–" when undefined. */
    public static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A quote with the digits it needs (5 below 10, 3 below 1000, else 2); "" for 0. */
    public static String quote(double value) {
        if (value == 0) {
            return "";
        }
        int digits = value < 10 ? 5 : value < 1000 ? 3 : 2;
        return String.format(Locale.ROOT, "%,." + digits + "f", value);
    }

    /** The same moment as {@link #serverTime} with the clock named, e.g. "2024-01-02 09:30:00 server". */
    public static String serverTimeLabelled(long msc) {
        return msc == 0 ? "–" : serverTime(msc) + " server";
    }
}
