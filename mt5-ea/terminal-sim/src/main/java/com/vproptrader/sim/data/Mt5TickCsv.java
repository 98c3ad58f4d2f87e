package com.vproptrader.sim.data;

import com.vproptrader.proto.Tick;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Streams an MT5 "Export ticks" file: header {@code <DATE> <TIME> <BID> <ASK> <LAST> <VOLUME> <FLAGS>},
 * tab-separated. MT5 leaves BID/ASK/LAST empty when they did not change, so they are carried forward;
 * an empty VOLUME or FLAGS is 0. Rows before both bid and ask are known, and rows with a non-positive or
 * crossed quote, are skipped and counted ({@link #skippedRows()}).
 */
public final class Mt5TickCsv implements Iterator<Tick>, Closeable {
    private final BufferedReader in;
    private final String symbol;
    private final Integer date;
    private final Integer time;
    private final Integer bid;
    private final Integer ask;
    private final Integer last;
    private final Integer volume;
    private final Integer flags;
    private double curBid;
    private double curAsk;
    private double curLast;
    private long skipped;
    private Tick next;

    private Mt5TickCsv(BufferedReader in, String header, String symbol) {
        this.in = in;
        this.symbol = symbol;
        Map<String, Integer> cols = Mt5Csv.header(header);
        if (!isTickHeader(header)) {
            throw new IllegalArgumentException("not an MT5 tick export header: " + header);
        }
        date = cols.get("DATE");
        time = cols.get("TIME");
        bid = cols.get("BID");
        ask = cols.get("ASK");
        last = cols.get("LAST");
        volume = cols.get("VOLUME");
        flags = cols.get("FLAGS");
    }

    public static boolean isTickHeader(String header) {
        Map<String, Integer> cols = Mt5Csv.header(header);
        return cols.containsKey("DATE") && cols.containsKey("BID") && cols.containsKey("ASK");
    }

    /** Opens the file; {@code symbol} names the ticks (the export file doesn't). */
    public static Mt5TickCsv open(Path file, String symbol) throws IOException {
        BufferedReader in = Mt5Csv.open(file);
        String header = in.readLine();
        if (header == null) {
            in.close();
            throw new IOException(file + " is empty");
        }
        return new Mt5TickCsv(in, header, symbol);
    }

    public static List<Tick> readAll(Path file, String symbol) throws IOException {
        List<Tick> ticks = new ArrayList<>();
        try (Mt5TickCsv csv = open(file, symbol)) {
            csv.forEachRemaining(ticks::add);
        }
        return ticks;
    }

    public long skippedRows() {
        return skipped;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Tick next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Tick t = next;
        next = null;
        return t;
    }

    private Tick advance() {
        try {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                Tick t = parse(Mt5Csv.split(line));
                if (t != null) {
                    return t;
                }
                skipped++;
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Tick parse(String[] row) {
        curBid = carry(Mt5Csv.field(row, bid), curBid);
        curAsk = carry(Mt5Csv.field(row, ask), curAsk);
        curLast = carry(Mt5Csv.field(row, last), curLast);
        if (curBid <= 0 || curAsk <= 0 || curAsk < curBid) {
            return null;
        }
        String vol = Mt5Csv.field(row, volume);
        String fl = Mt5Csv.field(row, flags);
        return Tick.newBuilder()
                .setSymbol(symbol)
                .setTimeMsc(Mt5Csv.epochMs(Mt5Csv.field(row, date), Mt5Csv.field(row, time)))
                .setBid(curBid)
                .setAsk(curAsk)
                .setLast(curLast)
                .setVolume(vol.isEmpty() ? 0 : Double.parseDouble(vol))
                .setFlags(fl.isEmpty() ? 0 : Integer.parseInt(fl))
                .build();
    }

    private static double carry(String field, double previous) {
        return field.isEmpty() ? previous : Double.parseDouble(field);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
