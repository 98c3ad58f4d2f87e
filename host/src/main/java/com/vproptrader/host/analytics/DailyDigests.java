package com.vproptrader.host.analytics;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.vproptrader.host.memory.ClosedTrade;
import com.vproptrader.host.memory.TradeStore;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.DailyDigest;
import com.vproptrader.proto.GroupMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;


/**
 * The digest of one trading day (from one governors' day reset to the next, broker server time): counts,
 * money, best and worst trade, and the day's metrics per alpha and per symbol. Written at each reset as
 * {@code <date>.json} and {@code <date>.csv} in a folder, and kept in the store for AdminService.
 */
public final class DailyDigests {
    private final TradeStore store;
    private final Path folder;
    private final double initialBalance;

    /** @param folder where the files go; null keeps digests in the store only */
    public DailyDigests(TradeStore store, Path folder, double initialBalance) {
        this.store = store;
        this.folder = folder;
        this.initialBalance = initialBalance;
    }

    /** The day [startMsc, endMsc) ended: builds its digest, stores it and writes its files. */
    public DailyDigest onDayClosed(long startMsc, long endMsc) {
        DailyDigest digest = build(store.trades(startMsc, endMsc, 0), startMsc, endMsc);
        String json = json(digest);
        store.saveDigest(startMsc, endMsc, json);
        if (folder != null) {
            write(digest, json);
        }
        return digest;
    }

    DailyDigest build(List<ClosedTrade> trades, long startMsc, long endMsc) {
        Metrics overall = TradeSeries.metrics(trades, initialBalance, t -> startMsc);
        long best = trades.stream().mapToLong(t -> t.pnl().cents()).max().orElse(0);
        long worst = trades.stream().mapToLong(t -> t.pnl().cents()).min().orElse(0);
        DailyDigest.Builder d = DailyDigest.newBuilder().setDayStartMsc(startMsc).setDayEndMsc(endMsc)
                .setDate(Instant.ofEpochMilli(startMsc).atZone(ZoneOffset.UTC).toLocalDate().toString())
                .setTrades(overall.trades()).setWins(overall.wins())
                .setNetProfit(money(trades.stream().mapToLong(t -> t.pnl().cents()).sum()))
                .setGrossProfit(money(trades.stream().mapToLong(t -> Math.max(0, t.pnl().cents())).sum()))
                .setGrossLoss(money(trades.stream().mapToLong(t -> Math.max(0, -t.pnl().cents())).sum()))
                .setBestTrade(money(best)).setWorstTrade(money(worst));
        groups(trades, Analytics.Dimension.ALPHA, startMsc).forEach(d::addByAlpha);
        groups(trades, Analytics.Dimension.SYMBOL, startMsc).forEach(d::addBySymbol);
        return d.build();
    }

    private List<GroupMetrics> groups(List<ClosedTrade> trades, Analytics.Dimension dimension, long dayStart) {
        return Analytics.byGroup(trades, dimension, initialBalance, t -> dayStart).entrySet().stream()
                .map(e -> PerformanceProto.group(dimension, e.getKey(), e.getValue())).toList();
    }

    private static String money(long cents) {
        return Money.ofCents(cents).toBigDecimal().toPlainString();
    }

    private static String json(DailyDigest d) {
        try {
            return JsonFormat.printer().print(d);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(DailyDigest d, String json) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(d.getDate() + ".json"), json, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(d.getDate() + ".csv"), csv(d), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the digest of " + d.getDate() + " into " + folder, e);
        }
    }

    /** One header line, then the day's totals as the row "all", then one row per alpha and per symbol. */
    static String csv(DailyDigest d) {
        StringBuilder b = new StringBuilder("date,dimension,group,trades,wins,net_profit,win_rate,profit_factor,"
                + "expectancy,var95,es95,max_drawdown\n");
        b.append(d.getDate()).append(",OVERALL,all,").append(d.getTrades()).append(',').append(d.getWins()).append(',')
                .append(d.getNetProfit()).append(",,,,,,\n");
        for (List<GroupMetrics> list : List.of(d.getByAlphaList(), d.getBySymbolList())) {
            for (GroupMetrics g : list) {
                b.append(d.getDate()).append(',').append(g.getDimension()).append(',').append(g.getGroup()).append(',')
                        .append(g.getTrades()).append(',').append(g.getWins()).append(',').append(g.getNetProfit())
                        .append(',').append(g.getWinRate()).append(',').append(g.getProfitFactor()).append(',')
                        .append(g.getExpectancy()).append(',').append(g.getVar95()).append(',').append(g.getEs95())
                        .append(',').append(g.getMaxDrawdown()).append('\n');
            }
        }
        return b.toString();
    }

    /** Stored digests, newest {@code days} (all when <= 0), oldest first. */
    public List<DailyDigest> recent(int days) {
        return store.digests(days).stream().map(DailyDigests::parse).toList();
    }

    private static DailyDigest parse(String json) {
        DailyDigest.Builder b = DailyDigest.newBuilder();
        try {
            JsonFormat.parser().merge(json, b);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored digest unreadable: " + e.getMessage(), e);
        }
        return b.build();
    }

}
