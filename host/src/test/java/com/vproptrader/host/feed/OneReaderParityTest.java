package com.vproptrader.host.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.marketdata.mt5.Mt5BarCsv;
import com.vproptrader.marketdata.mt5.Mt5TickCsv;
import com.vproptrader.marketdata.quality.RefusedRows;
import com.vproptrader.marketdata.quality.TickRejection;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.Timeframe;
import com.vproptrader.sim.ReplaySource;
import com.vproptrader.sim.ReplayStep;
import com.vproptrader.sim.SimConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The host's replay and the terminal stand-in read the same ticks from the same file: every fixture, as
 * written (UTF-8) and as MetaTrader writes it (UTF-16LE with a BOM), through the host's feed and through the
 * stand-in's replay source, gives the same accepted ticks and the same refusals on the same lines.
 */
class OneReaderParityTest {
    private static final Path FIXTURES = Path.of("src/test/resources/feed");

    @TempDir
    Path dir;

    static Stream<Path> tickFixtures() throws Exception {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(f -> f.getFileName().toString().endsWith("_ticks.csv")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("tickFixtures")
    void everyTickFixture_readsTheSameThroughTheHostAndTheStandIn(Path fixture) throws Exception {
        String symbol = fixture.getFileName().toString().substring(0, 6);
        for (Path file : List.of(fixture, utf16Copy(fixture))) {
            RecordingListener host = new RecordingListener();
            Feed feed = new Feed(FeedConfig.defaults(), host);
            RefusedRows hostRefused = new RefusedRows();
            try (Mt5TickCsv csv = Mt5TickCsv.open(file, symbol)) {
                for (Tick t = csv.next(); t != null; t = csv.next()) {
                    TickRejection reason = feed.onTick(t);
                    if (reason != null) {
                        hostRefused.refused(reason, csv.line());
                    }
                }
            }

            List<Tick> standIn = new ArrayList<>();
            RefusedRows standInRefused;
            try (ReplaySource source = ReplaySource.open(SimConfig.defaults().withDataFile(file).withSymbol(symbol))) {
                source.forEachRemaining(step -> standIn.add(step.tick()));
                standInRefused = source.refused();
            }

            assertThat(standIn).as(file.toString()).isNotEmpty().containsExactlyElementsOf(host.ticks);
            assertThat(standInRefused.report()).as(file.toString()).containsExactlyElementsOf(hostRefused.report());
        }
    }

    @ParameterizedTest
    @MethodSource("barFixtures")
    void everyBarFixture_givesTheStandInTheBarsTheHostReads(Path fixture) throws Exception {
        String symbol = fixture.getFileName().toString().substring(0, 6);
        List<Bar> host = new ArrayList<>();
        try (Mt5BarCsv csv = Mt5BarCsv.open(fixture, symbol, Timeframe.M1)) {
            for (Bar b = csv.next(); b != null; b = csv.next()) {
                host.add(b);
            }
        }
        List<Bar> standIn = new ArrayList<>();
        try (ReplaySource source = ReplaySource.open(SimConfig.defaults().withDataFile(fixture).withSymbol(symbol))) {
            source.forEachRemaining(step -> {
                if (step.completedBar() != null) {
                    standIn.add(step.completedBar());
                }
            });
        }
        assertThat(standIn).isNotEmpty().containsExactlyElementsOf(host);
    }

    static Stream<Path> barFixtures() {
        return Stream.of(FIXTURES.resolve("EURUSD_M1.csv"));
    }

    private Path utf16Copy(Path fixture) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xFF);
        b.write(0xFE);
        b.write(Files.readString(fixture).getBytes(StandardCharsets.UTF_16LE));
        Path copy = dir.resolve("utf16-" + fixture.getFileName());
        Files.write(copy, b.toByteArray());
        return copy;
    }
}
