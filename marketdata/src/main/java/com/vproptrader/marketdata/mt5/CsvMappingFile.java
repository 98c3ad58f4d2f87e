package com.vproptrader.marketdata.mt5;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@link CsvMapping} from a JSON file, e.g.
 * <pre>{@code
 * {"delimiter": ",", "timestampColumn": "time", "timestampFormat": "epoch_ms", "zone": "UTC",
 *  "symbolColumn": "symbol", "columns": {"bid": "b", "ask": "a"}}
 * }</pre>
 * {@code timeColumn}, {@code zone} (null = already broker server time), {@code symbolColumn} and
 * {@code fixedSymbol} are optional; a missing required field, an unknown zone or a timestamp pattern that does not
 * compile is refused by name, as is a file that is not a JSON object (IllegalArgumentException naming the file).
 */
public final class CsvMappingFile {
    private CsvMappingFile() {
    }

    public static CsvMapping load(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("csv mapping " + file + ": not UTF-8 text", e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("csv mapping " + file + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("csv mapping " + file + ": not a JSON object");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        root.path("columns").fields().forEachRemaining(e -> columns.put(e.getKey(), e.getValue().asText()));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("csv mapping " + file + ": 'columns' is missing or empty");
        }
        return new CsvMapping(required(root, "delimiter", file).charAt(0), required(root, "timestampColumn", file),
                root.path("timeColumn").asText(""), timestampFormat(required(root, "timestampFormat", file), file),
                zone(root.path("zone").asText(""), file), root.path("symbolColumn").asText(""),
                root.path("fixedSymbol").asText(""), columns);
    }

    /** epoch_ms, epoch_s or a pattern that compiles: a typo is refused here, not at the first row. */
    private static String timestampFormat(String format, Path file) {
        if (format.startsWith("epoch_")) {
            if (!format.equals("epoch_ms") && !format.equals("epoch_s")) {
                throw new IllegalArgumentException("csv mapping " + file + ": 'timestampFormat' " + format
                        + " is neither epoch_ms nor epoch_s");
            }
            return format;
        }
        try {
            DateTimeFormatter.ofPattern(format);
            return format;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("csv mapping " + file + ": 'timestampFormat' " + format
                    + " is not a date-time pattern: " + e.getMessage(), e);
        }
    }

    /** null (timestamps already in broker server time) when absent. */
    private static ZoneId zone(String zone, Path file) {
        if (zone.isEmpty()) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("csv mapping " + file + ": 'zone' " + zone + " is not a time zone", e);
        }
    }

    private static String required(JsonNode root, String field, Path file) {
        String v = root.path(field).asText("");
        if (v.isEmpty()) {
            throw new IllegalArgumentException("csv mapping " + file + ": '" + field + "' is required");
        }
        return v;
    }
}
