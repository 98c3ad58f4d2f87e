package com.vproptrader.host.memory;

import java.util.List;

/**
 * Which closed trades a statistic is over: an alpha, a regime at entry and a symbol, each either a value or
 * {@link #ANY}. Every closed trade counts toward the eight keys that match it, from the exact
 * (alpha, regime, symbol) to (ANY, ANY, ANY) for the whole account.
 */
public record StatsKey(String alpha, String regime, String symbol) {
    public static final String ANY = "*";
    public static final StatsKey ALL = new StatsKey(ANY, ANY, ANY);

    public static StatsKey of(String alpha, String regime, String symbol) {
        return new StatsKey(alpha, regime, symbol);
    }

    public static StatsKey ofAlpha(String alpha) {
        return new StatsKey(alpha, ANY, ANY);
    }

    /** The eight keys a trade counts toward. */
    static List<StatsKey> matching(ClosedTrade t) {
        String[] alphas = {t.alpha(), ANY};
        String[] regimes = {t.regime(), ANY};
        String[] symbols = {t.symbol(), ANY};
        List<StatsKey> keys = new java.util.ArrayList<>(8);
        for (String a : alphas) {
            for (String r : regimes) {
                for (String s : symbols) {
                    keys.add(new StatsKey(a, r, s));
                }
            }
        }
        return keys;
    }

    public boolean isExact() {
        return !alpha.equals(ANY) && !regime.equals(ANY) && !symbol.equals(ANY);
    }

    @Override
    public String toString() {
        return alpha + "|" + regime + "|" + symbol;
    }
}
