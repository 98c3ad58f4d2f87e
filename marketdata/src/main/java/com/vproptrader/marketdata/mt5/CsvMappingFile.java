package com.vproptrader.marketdata.mt5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@link CsvMapping} from a JSON file, e.g.
 * <pre>{@code
 * {"delimiter": ",", "timestampColumn": "time", "timestampFormat": "epoch_ms", "zone": "UTC",
 *  "symbolColumn": "symbol", "columns": {"bid": "b", "ask": "a"}}
 * }</pre>
 * {@code timeColumn}, {@code zone} (null = already broker server time), {@code symbolColumn} and
 * {@code fixedSymbol} are optional; a missing required field is refused by name.
 */
public final class CsvMappingFile {
    private CsvMappingFile() {
    }

    public static CsvMapping load(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        Map<String, String> columns = new LinkedHashMap<>();
        root.path("columns").fields().forEachRemaining(e -> columns.put(e.getKey(), e.getValue().asText()));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("csv mapping " + file + ": 'columns' is missing or empty");
        }
        String zone = root.path("zone").asText("");
        return new CsvMapping(required(root, "delimiter", file).charAt(0), required(root, "timestampColumn", file),
                root.path("timeColumn").asText(""), required(root, "timestampFormat", file),
                zone.isEmpty() ? null : ZoneId.of(zone), root.path("symbolColumn").asText(""),
                root.path("fixedSymbol").asText(""), columns);
    }

    private static String required(JsonNode root, String field, Path file) {
        String v = root.path(field).asText("");
        if (v.isEmpty()) {
            throw new IllegalArgumentException("csv mapping " + file + ": '" + field + "' is required");
        }
        return v;
    }
}
