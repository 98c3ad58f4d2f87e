package com.vproptrader.sim.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What MT5's "Export ticks"/"Export bars" files share: a header row of {@code <NAME>} columns,
 * tab-separated rows, dates as {@code 2024.01.02}, times as {@code 00:00:00.123} (ms optional), all in
 * broker server time. Times become epoch ms "as if UTC", exactly like MqlTick.time_msc.
 */
final class Mt5Csv {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy.MM.dd", Locale.ROOT);

    private Mt5Csv() {
    }

    /** Opens a file written by MT5 or by us: UTF-8 (with or without BOM) or UTF-16LE with BOM. */
    static BufferedReader open(Path file) throws IOException {
        PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 3);
        byte[] bom = new byte[3];
        int n = in.readNBytes(bom, 0, 3);
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (n >= 2 && (bom[0] & 0xFF) == 0xFF && (bom[1] & 0xFF) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (n == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) {
            skip = 3;
        }
        in.unread(bom, skip, n - skip);
        return new BufferedReader(new InputStreamReader((InputStream) in, cs), 1 << 16);
    }

    /** Column name (without angle brackets, upper case) to index. */
    static Map<String, Integer> header(String line) {
        Map<String, Integer> cols = new HashMap<>();
        String[] names = split(line);
        for (int i = 0; i < names.length; i++) {
            cols.put(names[i].trim().replace("<", "").replace(">", "").toUpperCase(Locale.ROOT), i);
        }
        return cols;
    }

    static String[] split(String line) {
        return line.split("\t", -1);
    }

    /** The field, or "" when the row is shorter than the header (MT5 trims trailing empty fields). */
    static String field(String[] row, Integer index) {
        return index == null || index >= row.length ? "" : row[index].trim();
    }

    static long epochMs(String date, String time) {
        LocalDate d = LocalDate.parse(date, DATE);
        LocalTime t = time.isEmpty() ? LocalTime.MIDNIGHT : LocalTime.parse(time);
        return d.atTime(t).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
