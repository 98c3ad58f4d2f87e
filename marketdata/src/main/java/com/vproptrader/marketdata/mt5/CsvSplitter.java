package com.vproptrader.marketdata.mt5;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line. MT5 exports separate with tabs and leave a field empty when it did not change, so
 * empty fields must survive; whitespace mode (runs of spaces) exists for hand-made or re-saved files.
 */
final class CsvSplitter {
    static final char WHITESPACE = ' ';

    private final char delimiter;

    CsvSplitter(char delimiter) {
        this.delimiter = delimiter;
    }

    /** Tab if the header has one, else comma if it has one, else runs of whitespace. */
    static CsvSplitter detect(String header) {
        if (header.indexOf('\t') >= 0) {
            return new CsvSplitter('\t');
        }
        return new CsvSplitter(header.indexOf(',') >= 0 ? ',' : WHITESPACE);
    }

    List<String> split(String line) {
        List<String> fields = new ArrayList<>(10);
        if (delimiter == WHITESPACE) {
            for (String f : line.trim().split("\\s+")) {
                fields.add(f);
            }
            return fields;
        }
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == delimiter) {
                fields.add(line.substring(start, i).trim());
                start = i + 1;
            }
        }
        return fields;
    }

    /** Column index of each name in {@code header}, matched case-insensitively without MT5's angle brackets. */
    static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).replace("<", "").replace(">", "").trim();
            if (h.equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
