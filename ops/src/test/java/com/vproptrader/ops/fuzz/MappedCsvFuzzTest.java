package com.vproptrader.ops.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.marketdata.mt5.CsvMapping;
import com.vproptrader.marketdata.mt5.CsvMappingFile;
import com.vproptrader.marketdata.mt5.GenericCsv;
import com.vproptrader.proto.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The JSON-mapped CSV reader ({@link GenericCsv} with a {@link CsvMappingFile}): whatever the CSV bytes, every row
 * reads or is refused naming its line; whatever the mapping's bytes, the mapping loads (and then reads a corpus
 * file or refuses it naming the column or line) or is refused naming the mapping file. Nothing else is thrown and
 * nothing hangs (Fuzz).
 */
class MappedCsvFuzzTest {
    /** Two hours ahead of UTC, as a broker on GMT+2 would convert. */
    private static final LongUnaryOperator TO_SERVER = utc -> utc + 7_200_000L;
    private static final CsvMapping TICKS = new CsvMapping(',', "ts", "", "yyyy-MM-dd HH:mm:ss.SSS", ZoneOffset.UTC,
            "sym", "", Map.of("bid", "bid", "ask", "ask", "last", "last", "volume", "volume", "flags", "flags"));
    private static final CsvMapping BARS = new CsvMapping(',', "date", "", "yyyy-MM-dd[ HH:mm:ss.SSS]", null, "sym",
            "", Map.of("open", "open", "high", "high", "low", "low", "close", "close", "tick_volume", "tick_volume",
            "real_volume", "real_volume", "spread", "spread"));

    @Property
    void aMappedTickCsvIsReadOrRefusedNamingTheLine(@ForAll("tickCsvs") String text) {
        Fuzz.withinTime(() -> readAll(text, TICKS, false));
    }

    @Property
    void aMappedBarCsvIsReadOrRefusedNamingTheLine(@ForAll("barCsvs") String text) {
        Fuzz.withinTime(() -> readAll(text, BARS, true));
    }

    @Property
    void aCsvMappingIsLoadedOrRefusedNamingTheFile(@ForAll("mappings") String json) throws IOException {
        Path file = Files.createTempFile("csv-mapping", ".json");
        try {
            Files.write(file, json.getBytes(StandardCharsets.UTF_8));
            Fuzz.withinTime(() -> {
                CsvMapping mapping;
                try {
                    mapping = CsvMappingFile.load(file);
                } catch (IllegalArgumentException | IOException e) {
                    assertThat(e.getMessage()).startsWith("csv mapping " + file);
                    return;
                }
                for (String csv : Fuzz.corpus("generic-csv-ticks")) {
                    readAll(csv, mapping, false);
                }
            });
        } finally {
            Files.delete(file);
        }
    }

    /** Reads every row; a refusal must be an IOException saying which CSV line or column. */
    private static void readAll(String text, CsvMapping mapping, boolean bars) {
        try (MarketSource<?> source = bars
                ? GenericCsv.bars(new BufferedReader(new StringReader(text)), mapping, Timeframe.D1, TO_SERVER)
                : GenericCsv.ticks(new BufferedReader(new StringReader(text)), mapping, TO_SERVER)) {
            while (source.next() != null) {
                // every row either reads or throws
            }
        } catch (IOException e) {
            assertThat(e.getMessage()).isNotBlank().containsAnyOf("CSV line", "CSV header", "CSV mapping", "empty CSV");
        }
    }

    @Provide
    Arbitrary<String> tickCsvs() {
        return Fuzz.inputs("generic-csv-ticks");
    }

    @Provide
    Arbitrary<String> barCsvs() {
        return Fuzz.inputs("generic-csv-bars");
    }

    @Provide
    Arbitrary<String> mappings() {
        return Fuzz.inputs("csv-mappings");
    }
}
