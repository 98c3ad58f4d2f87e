package com.vproptrader.marketdata.mt5;

import com.vproptrader.proto.Tick;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import com.vproptrader.marketdata.MarketSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an MT5 "Export ticks" file: {@code <DATE> <TIME> <BID> <ASK> <LAST> <VOLUME> <FLAGS>}, tab separated,
 * one file per symbol (the symbol is not in the file). MT5 leaves a field empty when that value did not change
 * on this tick, so empty fields carry the previous value forward, like MqlTick does. Produces the same
 * {@link Tick} messages as the live link.
 */
public final class Mt5TickCsv implements MarketSource<Tick> {
    private final Mt5Rows rows;
    private final String symbol;
    private final int date, time, bid, ask, last, volume, flags;
    private double prevBid, prevAsk, prevLast, prevVolume;

    public Mt5TickCsv(BufferedReader reader, String symbol) throws IOException {
        this.rows = new Mt5Rows(reader, "MT5 tick file for " + symbol);
        this.symbol = symbol;
        date = rows.require("DATE");
        time = rows.require("TIME");
        bid = rows.require("BID");
        ask = rows.require("ASK");
        last = rows.optional("LAST");
        volume = rows.optional("VOLUME");
        flags = rows.optional("FLAGS");
    }

    /** Opens {@code file}, UTF-16 (as MT5 writes it) or UTF-8 by its byte-order mark. */
    public static Mt5TickCsv open(Path file, String symbol) throws IOException {
        return new Mt5TickCsv(TextFiles.open(file), symbol);
    }

    /** Every row of {@code file} as read, none judged (small files: tests, tools). */
    public static List<Tick> readAll(Path file, String symbol) throws IOException {
        List<Tick> ticks = new ArrayList<>();
        try (Mt5TickCsv csv = open(file, symbol)) {
            for (Tick t = csv.next(); t != null; t = csv.next()) {
                ticks.add(t);
            }
        }
        return ticks;
    }

    @Override
    public Tick next() throws IOException {
        List<String> f = rows.next();
        if (f == null) {
            return null;
        }
        try {
            prevBid = carry(f, bid, prevBid);
            prevAsk = carry(f, ask, prevAsk);
            prevLast = carry(f, last, prevLast);
            prevVolume = carry(f, volume, prevVolume);
            String flagText = field(f, flags);
            return Tick.newBuilder().setSymbol(symbol).setTimeMsc(Mt5Time.parse(f.get(date), f.get(time)))
                    .setBid(prevBid).setAsk(prevAsk).setLast(prevLast).setVolume(prevVolume)
                    .setFlags(flagText.isEmpty() ? 0 : Integer.parseUnsignedInt(flagText)).build();
        } catch (RuntimeException e) {
            throw rows.bad(e);
        }
    }

    static String field(List<String> f, int index) {
        return index < 0 || index >= f.size() ? "" : f.get(index);
    }

    static double carry(List<String> f, int index, double previous) {
        String text = field(f, index);
        return text.isEmpty() ? previous : Double.parseDouble(text);
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
