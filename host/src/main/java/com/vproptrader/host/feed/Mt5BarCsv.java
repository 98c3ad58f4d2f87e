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
    private final BufferedReader reader;
    private final String symbol;
    private final Timeframe timeframe;
    private final CsvSplitter splitter;
    private final int date, time, open, high, low, close, tickVol, vol, spread;
    private long lineNumber = 1;

    public Mt5BarCsv(BufferedReader reader, String symbol, Timeframe timeframe) throws IOException {
        this.reader = reader;
        this.symbol = symbol;
        this.timeframe = timeframe;
        String header = reader.readLine();
        if (header == null) {
            throw new IOException("empty MT5 bar file for " + symbol);
        }
        header = header.replace("\uFEFF", "");
        splitter = CsvSplitter.detect(header);
        List<String> cols = splitter.split(header);
        date = require(cols, "DATE");
        time = CsvSplitter.indexOf(cols, "TIME");
        open = require(cols, "OPEN");
        high = require(cols, "HIGH");
        low = require(cols, "LOW");
        close = require(cols, "CLOSE");
        tickVol = CsvSplitter.indexOf(cols, "TICKVOL");
        vol = CsvSplitter.indexOf(cols, "VOL");
        spread = CsvSplitter.indexOf(cols, "SPREAD");
    }

    /** Opens {@code file}, UTF-16 (as MT5 writes it) or UTF-8 by its byte-order mark. */
    public static Mt5BarCsv open(Path file, String symbol, Timeframe timeframe) throws IOException {
        return new Mt5BarCsv(TextFiles.open(file), symbol, timeframe);
    }

    private static int require(List<String> cols, String name) throws IOException {
        int i = CsvSplitter.indexOf(cols, name);
        if (i < 0) {
            throw new IOException("MT5 bar export lacks <" + name + "> column: " + cols);
        }
        return i;
    }

    @Override
    public Bar next() throws IOException {
        String line;
        do {
            line = reader.readLine();
            lineNumber++;
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        try {
            List<String> f = splitter.split(line);
            return Bar.newBuilder().setSymbol(symbol).setTimeframe(timeframe)
                    .setOpenTimeMsc(Mt5Time.parse(f.get(date), Mt5TickCsv.field(f, time)))
                    .setOpen(Double.parseDouble(f.get(open))).setHigh(Double.parseDouble(f.get(high)))
                    .setLow(Double.parseDouble(f.get(low))).setClose(Double.parseDouble(f.get(close)))
                    .setTickVolume(parseLong(Mt5TickCsv.field(f, tickVol)))
                    .setRealVolume(parseLong(Mt5TickCsv.field(f, vol)))
                    .setSpreadPoints((int) parseLong(Mt5TickCsv.field(f, spread))).build();
        } catch (RuntimeException e) {
            throw new IOException(symbol + " bar file line " + lineNumber + ": " + line, e);
        }
    }

    private static long parseLong(String text) {
        return text.isEmpty() ? 0 : Math.round(Double.parseDouble(text));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
