package com.vproptrader.ui.views.report;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.vproptrader.proto.DailyDigest;
import com.vproptrader.proto.GroupMetrics;
import java.util.Locale;

/** A day's digest as the files an operator downloads: CSV (one row per group) and JSON (the host's message). */
final class DigestExport {

    static final String CSV_HEADER = "date,day_start_server,day_end_server,dimension,group,trades,wins,net_profit,"
            + "gross_profit,gross_loss,best_trade,worst_trade,win_rate,profit_factor,expectancy";

    private DigestExport() {
    }

    static String json(DailyDigest day) {
        try {
            return JsonFormat.printer().print(day) + "\n";
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DAY row with the day's totals, then one row per alpha and per symbol. */
    static String csv(DailyDigest day) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        out.append(String.join(",", day.getDate(), com.vproptrader.ui.views.Fmt.serverTime(day.getDayStartMsc()),
                com.vproptrader.ui.views.Fmt.serverTime(day.getDayEndMsc()), "DAY", "", Integer.toString(day.getTrades()),
                Integer.toString(day.getWins()), day.getNetProfit(), day.getGrossProfit(), day.getGrossLoss(),
                day.getBestTrade(), day.getWorstTrade(), "", "", "")).append('\n');
        for (GroupMetrics g : day.getByAlphaList()) {
            row(out, day, "ALPHA", g);
        }
        for (GroupMetrics g : day.getBySymbolList()) {
            row(out, day, "SYMBOL", g);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, DailyDigest day, String dimension, GroupMetrics g) {
        out.append(String.join(",", day.getDate(), com.vproptrader.ui.views.Fmt.serverTime(day.getDayStartMsc()),
                com.vproptrader.ui.views.Fmt.serverTime(day.getDayEndMsc()), dimension, quote(g.getGroup()),
                Integer.toString(g.getTrades()), Integer.toString(g.getWins()), number(g.getNetProfit()), "", "", "", "",
                number(g.getWinRate()), number(g.getProfitFactor()), number(g.getExpectancy()))).append('\n');
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.isInfinite(v) ? (v > 0 ? "Infinity" : "-Infinity")
                : String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
