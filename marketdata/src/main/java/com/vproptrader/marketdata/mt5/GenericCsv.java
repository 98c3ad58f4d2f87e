package com.vproptrader.marketdata.mt5;

import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Reads ticks or bars from a CSV described by a {@link CsvMapping}: any timestamp format and zone, one symbol
 * per file or a symbol column. Timestamps become broker server time (the unit of every proto time) through
 * {@code utcToServer} (the broker's offset from UTC, which the caller knows). Empty tick prices carry forward per symbol, as in MT5 exports.
 */
public final class GenericCsv {
    private GenericCsv() {
    }

    /** A tick source over {@code reader}; UTC timestamps are converted to server time with {@code utcToServer}. */
    public static MarketSource<Tick> ticks(BufferedReader reader, CsvMapping mapping, LongUnaryOperator utcToServer)
            throws IOException {
        Rows rows = new Rows(reader, mapping, utcToServer);
        int bid = rows.column("bid", true), ask = rows.column("ask", true), last = rows.column("last", false);
        int volume = rows.column("volume", false), flags = rows.column("flags", false);
        Map<String, double[]> previous = new HashMap<>();
        return new Source<>(rows, f -> {
            String symbol = rows.symbol(f);
            double[] p = previous.computeIfAbsent(symbol, s -> new double[4]);
            p[0] = Mt5TickCsv.carry(f, bid, p[0]);
            p[1] = Mt5TickCsv.carry(f, ask, p[1]);
            p[2] = Mt5TickCsv.carry(f, last, p[2]);
            p[3] = Mt5TickCsv.carry(f, volume, p[3]);
            String flagText = Mt5TickCsv.field(f, flags);
            return Tick.newBuilder().setSymbol(symbol).setTimeMsc(rows.serverTime(f))
                    .setBid(p[0]).setAsk(p[1]).setLast(p[2]).setVolume(p[3])
                    .setFlags(flagText.isEmpty() ? 0 : Integer.parseUnsignedInt(flagText)).build();
        });
    }

    /** A bar source of {@code timeframe} bars; each row's timestamp is the bar's open time. */
    public static MarketSource<Bar> bars(BufferedReader reader, CsvMapping mapping, Timeframe timeframe,
                                         LongUnaryOperator utcToServer) throws IOException {
        Rows rows = new Rows(reader, mapping, utcToServer);
        int open = rows.column("open", true), high = rows.column("high", true), low = rows.column("low", true);
        int close = rows.column("close", true), tickVol = rows.column("tick_volume", false);
        int realVol = rows.column("real_volume", false), spread = rows.column("spread", false);
        return new Source<>(rows, f -> Bar.newBuilder().setSymbol(rows.symbol(f)).setTimeframe(timeframe)
                .setOpenTimeMsc(rows.serverTime(f))
                .setOpen(Double.parseDouble(f.get(open))).setHigh(Double.parseDouble(f.get(high)))
                .setLow(Double.parseDouble(f.get(low))).setClose(Double.parseDouble(f.get(close)))
                .setTickVolume(number(f, tickVol)).setRealVolume(number(f, realVol))
                .setSpreadPoints((int) number(f, spread)).build());
    }

    private static long number(List<String> f, int index) {
        String text = Mt5TickCsv.field(f, index);
        return text.isEmpty() ? 0 : Math.round(Double.parseDouble(text));
    }

    private interface RowParser<T> {
        T parse(List<String> fields);
    }

    /** Header, splitting and timestamp handling shared by the tick and bar readers. */
    private static final class Rows {
        final BufferedReader reader;
        final CsvMapping mapping;
        final LongUnaryOperator utcToServer;
        final CsvSplitter splitter;
        final List<String> header;
        final int timestamp, time, symbol;
        final DateTimeFormatter formatter;
        long lineNumber = 1;

        Rows(BufferedReader reader, CsvMapping mapping, LongUnaryOperator utcToServer) throws IOException {
            this.reader = reader;
            this.mapping = mapping;
            this.utcToServer = utcToServer;
            this.splitter = new CsvSplitter(mapping.delimiter());
            String line = reader.readLine();
            if (line == null) {
                throw new IOException("empty CSV");
            }
            header = splitter.split(line.replace("\uFEFF", ""));
            timestamp = find(mapping.timestampColumn(), true);
            time = mapping.timeColumn().isEmpty() ? -1 : find(mapping.timeColumn(), true);
            symbol = mapping.symbolColumn().isEmpty() ? -1 : find(mapping.symbolColumn(), true);
            String format = mapping.timestampFormat();
            formatter = format.startsWith("epoch_") ? null : DateTimeFormatter.ofPattern(format);
        }

        int column(String field, boolean required) throws IOException {
            String name = mapping.column(field);
            if (name == null) {
                if (required) {
                    throw new IOException("CSV mapping lacks the '" + field + "' column");
                }
                return -1;
            }
            return find(name, required);
        }

        private int find(String name, boolean required) throws IOException {
            int i = CsvSplitter.indexOf(header, name);
            if (i < 0 && required) {
                throw new IOException("CSV header " + header + " lacks column '" + name + "'");
            }
            return i;
        }

        String symbol(List<String> f) {
            return symbol < 0 ? mapping.fixedSymbol() : f.get(symbol);
        }

        long serverTime(List<String> f) {
            String text = time < 0 ? f.get(timestamp) : f.get(timestamp) + " " + f.get(time);
            long utcOrServer;
            if (formatter == null) {
                long n = Long.parseLong(text);
                utcOrServer = mapping.timestampFormat().equals("epoch_s") ? n * 1000 : n;
                return mapping.zone() == null ? utcOrServer : utcToServer.applyAsLong(utcOrServer);
            }
            TemporalAccessor parsed = formatter.parseBest(text, LocalDateTime::from, LocalDate::from);
            LocalDateTime local = parsed instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) parsed;
            if (mapping.zone() == null) {
                return local.toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            return utcToServer.applyAsLong(local.atZone(mapping.zone()).toInstant().toEpochMilli());
        }
    }

    private static final class Source<T> implements MarketSource<T> {
        private final Rows rows;
        private final RowParser<T> parser;

        Source(Rows rows, RowParser<T> parser) {
            this.rows = rows;
            this.parser = parser;
        }

        @Override
        public T next() throws IOException {
            String line;
            do {
                line = rows.reader.readLine();
                rows.lineNumber++;
                if (line == null) {
                    return null;
                }
            } while (line.isBlank());
            try {
                return parser.parse(rows.splitter.split(line));
            } catch (RuntimeException e) {
                throw new IOException("CSV line " + rows.lineNumber + ": " + line, e);
            }
        }

        @Override
        public long line() {
            return rows.lineNumber;
        }

        @Override
        public void close() throws IOException {
            rows.reader.close();
        }
    }
}
