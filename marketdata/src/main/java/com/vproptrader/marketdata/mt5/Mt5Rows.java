package com.vproptrader.marketdata.mt5;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * The rows of an MT5 export, shared by the tick and bar loaders: the header's columns found by name
 * ({@code <DATE>} or {@code DATE}), then one split record a call with blank lines skipped, and errors that
 * name the file and the line.
 */
final class Mt5Rows {
    private final BufferedReader reader;
    private final String what;
    private final CsvSplitter splitter;
    private final List<String> columns;
    private long lineNumber = 1;
    private String line;

    /** @param what the file in error messages, e.g. "EURUSD tick file" */
    Mt5Rows(BufferedReader reader, String what) throws IOException {
        this.reader = reader;
        this.what = what;
        String header = reader.readLine();
        if (header == null) {
            throw new IOException("empty " + what);
        }
        header = header.replace("\uFEFF", "");
        splitter = CsvSplitter.detect(header);
        columns = splitter.split(header);
    }

    int require(String name) throws IOException {
        int i = optional(name);
        if (i < 0) {
            throw new IOException(what + " lacks <" + name + "> column: " + columns);
        }
        return i;
    }

    /** The column's index, or -1 when the export has no such column. */
    int optional(String name) {
        return CsvSplitter.indexOf(columns, name);
    }

    /** The next non-blank record split into fields, or null at the end. */
    List<String> next() throws IOException {
        do {
            line = reader.readLine();
            lineNumber++;
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        return splitter.split(line);
    }

    /** The line number of the record {@link #next()} returned last (the header is line 1). */
    long line() {
        return lineNumber;
    }

    /** A record that did not parse, as an error naming the file, the line number and the line. */
    IOException bad(RuntimeException cause) {
        return new IOException(what + " line " + lineNumber + ": " + line, cause);
    }

    void close() throws IOException {
        reader.close();
    }
}
