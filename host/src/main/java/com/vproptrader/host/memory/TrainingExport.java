package com.vproptrader.host.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The learning loop's training rows, one per closed trade in the long-term store: the features at entry and
 * the labels the trade's fills settled — TP1 reached, TP2 reached, stopped out — with its holding time, R and
 * {@code known_at_msc}, the broker server time of the closing fill: a row must not be used to train a model
 * that decides before that time.
 */
public final class TrainingExport {
    private TrainingExport() {
    }

    /** What the fills of one trade settled. */
    public record Labels(boolean tp1Hit, boolean tp2Hit, boolean slHit) {
    }

    /** Writes every stored trade as a CSV row (header first, features in name order); returns the row count. */
    public static int writeCsv(TradeStore store, Path file) {
        List<TradeStore.LabelRow> rows = store.labelRows();
        Map<String, Map<String, Double>> features = store.allEntryFeatures();
        TreeSet<String> names = new TreeSet<>();
        features.values().forEach(f -> names.addAll(f.keySet()));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("position_id,signal_key,alpha,regime,session,symbol,side,known_at_msc,holding_ms,tp1_hit,tp2_hit,"
                    + "sl_hit,r_multiple,pnl");
            for (String n : names) {
                w.write(',' + n);
            }
            w.write('\n');
            for (TradeStore.LabelRow r : rows) {
                ClosedTrade t = r.trade();
                Labels l = labels(r);
                w.write(t.positionId() + "," + t.signalKey() + "," + t.alpha() + "," + t.regime() + "," + t.session()
                        + "," + t.symbol() + "," + t.side() + "," + t.closeTimeMsc() + "," + t.holdingMs() + ","
                        + bit(l.tp1Hit()) + "," + bit(l.tp2Hit()) + "," + bit(l.slHit()) + ","
                        + (Double.isNaN(t.rMultiple()) ? "" : t.rMultiple()) + "," + t.pnl().toBigDecimal().toPlainString());
                Map<String, Double> f = features.getOrDefault(t.signalKey(), Map.of());
                for (String n : names) {
                    Double v = f.get(n);
                    w.write(',' + (v == null ? "" : v.toString()));
                }
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write training rows to " + file, e);
        }
        return rows.size();
    }

    /**
     * TP1/TP2: an exit filled at or beyond the level (a buy's exit at or above it, a sell's at or below); SL: an
     * exit the terminal reported as "sl". Hand trades have no levels, so no TP label.
     */
    public static Labels labels(TradeStore.LabelRow r) {
        boolean buy = r.trade().side() == com.vproptrader.proto.Side.BUY;
        return new Labels(reached(r.bestExitPrice(), r.tp1(), buy), reached(r.bestExitPrice(), r.tp2(), buy), r.stopped());
    }

    private static boolean reached(double price, double level, boolean buy) {
        return level > 0 && (buy ? price >= level : price <= level);
    }

    private static String bit(boolean b) {
        return b ? "1" : "0";
    }
}
