package com.vproptrader.ui.views.risk;

import com.vproptrader.proto.DailyDigest;
import com.vproptrader.proto.GroupMetrics;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The open book by symbol and by currency, and how the symbols' daily results move together. */
final class Exposure {

    record SymbolRow(String symbol, int positions, double netLots, double grossLots, double openPnl) {
    }

    record CurrencyRow(String currency, double netLots) {
    }

    private Exposure() {
    }

    static List<SymbolRow> bySymbol(List<Position> positions) {
        Map<String, SymbolRow> out = new TreeMap<>();
        for (Position p : positions) {
            double signed = p.getSide() == Side.SELL ? -p.getVolume() : p.getVolume();
            double pnl = p.getProfit() + p.getSwap() + p.getCommission();
            out.merge(p.getSymbol(), new SymbolRow(p.getSymbol(), 1, signed, p.getVolume(), pnl),
                    (a, b) -> new SymbolRow(a.symbol(), a.positions() + 1, a.netLots() + b.netLots(),
                            a.grossLots() + b.grossLots(), a.openPnl() + b.openPnl()));
        }
        return List.copyOf(out.values());
    }

    /**
     * Net lots per currency: a six-letter pair (EURUSD, and gold as XAUUSD) counts its lots long the base and short
     * the quote; any other symbol (an index such as US30) counts as its own line.
     */
    static List<CurrencyRow> byCurrency(List<Position> positions) {
        Map<String, Double> out = new TreeMap<>();
        for (Position p : positions) {
            double signed = p.getSide() == Side.SELL ? -p.getVolume() : p.getVolume();
            String s = p.getSymbol();
            if (s.length() == 6 && s.chars().allMatch(Character::isLetter)) {
                out.merge(s.substring(0, 3), signed, Double::sum);
                out.merge(s.substring(3), -signed, Double::sum);
            } else {
                out.merge(s, signed, Double::sum);
            }
        }
        List<CurrencyRow> rows = new ArrayList<>();
        out.forEach((c, lots) -> rows.add(new CurrencyRow(c, lots)));
        return rows;
    }

    /** Symbols and the Pearson correlation of their daily net P/L over the digests' days (0 on a day without trades). */
    record Correlation(List<String> symbols, double[][] rho, int days) {
    }

    static Correlation dailyPnlCorrelation(List<DailyDigest> digests) {
        TreeSet<String> symbols = new TreeSet<>();
        digests.forEach(d -> d.getBySymbolList().forEach(g -> symbols.add(g.getGroup())));
        List<String> names = List.copyOf(symbols);
        int n = names.size();
        int days = digests.size();
        double[][] x = new double[n][days];
        for (int d = 0; d < days; d++) {
            for (GroupMetrics g : digests.get(d).getBySymbolList()) {
                x[names.indexOf(g.getGroup())][d] = g.getNetProfit();
            }
        }
        double[][] rho = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rho[i][j] = i == j ? 1 : pearson(x[i], x[j]);
            }
        }
        return new Correlation(names, rho, days);
    }

    static double pearson(double[] a, double[] b) {
        int n = a.length;
        if (n < 3) {
            return Double.NaN;
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }
}
