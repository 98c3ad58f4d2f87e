package com.vproptrader.host.feed;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
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

    private static long parseLong(String text) {
        return text.isEmpty() ? 0 : Math.round(Double.parseDouble(text));
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
