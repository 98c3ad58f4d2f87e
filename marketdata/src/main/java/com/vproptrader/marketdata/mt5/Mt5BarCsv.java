package com.vproptrader.marketdata.mt5;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import com.vproptrader.marketdata.MarketSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an MT5 "Export bars" file: {@code <DATE> <TIME> <OPEN> <HIGH> <LOW> <CLOSE> <TICKVOL> <VOL> <SPREAD>},
 * one file per symbol and timeframe (neither is in the file, so both are given). D1 exports have no
 * {@code <TIME>} column. Times are server time as written. Produces the same {@link Bar} messages as the link.
 */
public final class Mt5BarCsv implements MarketSource<Bar> {
    private final Mt5Rows rows;
    private final String symbol;
    private final Timeframe timeframe;
    private final int date, time, open, high, low, close, tickVol, vol, spread;

    public Mt5BarCsv(BufferedReader reader, String symbol, Timeframe timeframe) throws IOException {
        this.rows = new Mt5Rows(reader, "MT5 bar file for " + symbol);
        this.symbol = symbol;
        this.timeframe = timeframe;
        date = rows.require("DATE");
        time = rows.optional("TIME");
        open = rows.require("OPEN");
        high = rows.require("HIGH");
        low = rows.require("LOW");
        close = rows.require("CLOSE");
        tickVol = rows.optional("TICKVOL");
        vol = rows.optional("VOL");
        spread = rows.optional("SPREAD");
    }

    /** Opens {@code file}, UTF-16 (as MT5 writes it) or UTF-8 by its byte-order mark. */
    public static Mt5BarCsv open(Path file, String symbol, Timeframe timeframe) throws IOException {
        return new Mt5BarCsv(TextFiles.open(file), symbol, timeframe);
    }

    @Override
    public Bar next() throws IOException {
        List<String> f = rows.next();
        if (f == null) {
            return null;
        }
        try {
            return Bar.newBuilder().setSymbol(symbol).setTimeframe(timeframe)
                    .setOpenTimeMsc(Mt5Time.parse(f.get(date), Mt5TickCsv.field(f, time)))
                    .setOpen(Double.parseDouble(f.get(open))).setHigh(Double.parseDouble(f.get(high)))
                    .setLow(Double.parseDouble(f.get(low))).setClose(Double.parseDouble(f.get(close)))
                    .setTickVolume(parseLong(Mt5TickCsv.field(f, tickVol)))
                    .setRealVolume(parseLong(Mt5TickCsv.field(f, vol)))
                    .setSpreadPoints((int) parseLong(Mt5TickCsv.field(f, spread))).build();
        } catch (RuntimeException e) {
            throw rows.bad(e);
        }
    }

    /**
     * Every bar of {@code file}, for a caller that does not know the timeframe: it is the smallest gap
     * between the first bars (weekends make larger gaps, never smaller), UNSPECIFIED when none matches.
     */
    public static List<Bar> readAll(Path file, String symbol) throws IOException {
        List<Bar> bars = new ArrayList<>();
        try (Mt5BarCsv csv = open(file, symbol, Timeframe.TIMEFRAME_UNSPECIFIED)) {
            for (Bar b = csv.next(); b != null; b = csv.next()) {
                bars.add(b);
            }
        }
        Timeframe tf = inferTimeframe(bars);
        bars.replaceAll(b -> b.toBuilder().setTimeframe(tf).build());
        return bars;
    }

    static Timeframe inferTimeframe(List<Bar> bars) {
        long minGap = Long.MAX_VALUE;
        for (int i = 1; i < Math.min(bars.size(), 50); i++) {
            long gap = bars.get(i).getOpenTimeMsc() - bars.get(i - 1).getOpenTimeMsc();
            if (gap > 0) {
                minGap = Math.min(minGap, gap);
            }
        }
        for (Timeframe tf : Timeframe.values()) {
            if (tf != Timeframe.UNRECOGNIZED && tf.getNumber() > 0 && tf.getNumber() * 60_000L == minGap) {
                return tf;
            }
        }
        return Timeframe.TIMEFRAME_UNSPECIFIED;
    }

    private static long parseLong(String text) {
        return text.isEmpty() ? 0 : Math.round(Double.parseDouble(text));
    }

    @Override
    public long line() {
        return rows.line();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
