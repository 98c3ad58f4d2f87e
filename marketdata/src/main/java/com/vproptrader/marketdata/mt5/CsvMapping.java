package com.vproptrader.marketdata.mt5;

import java.time.ZoneId;
import java.util.Map;

/**
 * How to read a CSV that is not an MT5 export, given in the config. The first line must be a header; columns
 * are found by name (case-insensitive).
 *
 * @param delimiter       field separator, e.g. ','
 * @param timestampColumn column holding the timestamp (or the date, with {@code timeColumn})
 * @param timeColumn      optional column holding the time of day, joined to the date with a space; "" if none
 * @param timestampFormat a {@link java.time.format.DateTimeFormatter} pattern (date-only patterns mean midnight),
 *                        or {@code epoch_ms} / {@code epoch_s} for numbers of ms / s since 1970 UTC
 * @param zone            zone the timestamps are written in (converted to broker server time with the feed's
 *                        the broker's offset); null when they already are broker server time
 * @param symbolColumn    column holding the symbol (multi-symbol files); "" when the file is one symbol
 * @param fixedSymbol     the symbol of a one-symbol file
 * @param columns         field name → column name for the fields present: bid, ask, last, volume, flags
 *                        (ticks); open, high, low, close, tick_volume, real_volume, spread (bars)
 */
public record CsvMapping(char delimiter, String timestampColumn, String timeColumn, String timestampFormat,
                         ZoneId zone, String symbolColumn, String fixedSymbol, Map<String, String> columns) {

    public CsvMapping {
        columns = Map.copyOf(columns);
        timeColumn = timeColumn == null ? "" : timeColumn;
        symbolColumn = symbolColumn == null ? "" : symbolColumn;
    }

    /** Column of {@code field}, or null when the file does not have it. */
    public String column(String field) {
        return columns.get(field);
    }
}
