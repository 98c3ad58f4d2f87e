package com.vproptrader.marketdata.mt5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.vproptrader.marketdata.quality.RefusedRows;
import com.vproptrader.marketdata.quality.TickRejection;
import com.vproptrader.marketdata.quality.TickValidator;
import com.vproptrader.proto.Tick;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mt5TickCsvTest {
    private static final String HEADER = "<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>\r\n";
    @TempDir
    Path dir;

    @Test
    void emptyBidOrAsk_carriesThePreviousValueForward() throws Exception {
        Path f = write(HEADER
                + "2024.01.02\t00:00:00.123\t1.10381\t1.10398\t\t\t6\r\n"
                + "2024.01.02\t00:00:00.480\t\t1.10399\t\t\t4\r\n"
                + "2024.01.02\t00:00:01.002\t1.10385\t\t\t\t2\r\n"
                + "2024.01.02\t00:00:01.500\t1.10386\r\n");      // MT5 trims trailing empty columns

        List<Tick> ticks = Mt5TickCsv.readAll(f, "EURUSD");

        assertThat(ticks).extracting(Tick::getBid, Tick::getAsk, Tick::getFlags).containsExactly(
                tuple(1.10381, 1.10398, 6), tuple(1.10381, 1.10399, 4), tuple(1.10385, 1.10399, 2),
                tuple(1.10386, 1.10399, 0));
        assertThat(ticks.get(0).getTimeMsc()).isEqualTo(1_704_153_600_123L); // broker time written as UTC
        assertThat(ticks.get(0).getSymbol()).isEqualTo("EURUSD");
        assertThat(ticks.get(0).getLast()).isZero();
    }

    @Test
    void rowsBeforeBothSidesAreKnown_andCrossedQuotes_areReadAsWritten_andTheValidatorRefusesThemByLine()
            throws Exception {
        Path f = write(HEADER
                + "2024.01.02\t00:00:00.100\t1.10381\t\t\t\t2\r\n"   // line 2: no ask yet
                + "2024.01.02\t00:00:00.200\t\t1.10398\t\t\t4\r\n"
                + "2024.01.02\t00:00:00.300\t1.10400\t\t\t\t2\r\n"   // line 4: bid above ask
                + "\r\n"
                + "2024.01.02\t00:00:00.400\t1.10390\t\t\t\t2\r\n");

        TickValidator validator = new TickValidator();
        RefusedRows refused = new RefusedRows();
        List<Long> acceptedAt = new java.util.ArrayList<>();
        try (Mt5TickCsv csv = Mt5TickCsv.open(f, "EURUSD")) {
            for (Tick t = csv.next(); t != null; t = csv.next()) {
                TickRejection reason = validator.validate(t);
                if (reason == null) {
                    acceptedAt.add(t.getTimeMsc());
                } else {
                    refused.refused(reason, csv.line());
                }
            }
        }

        assertThat(acceptedAt).containsExactly(1_704_153_600_200L, 1_704_153_600_400L);
        assertThat(refused.firstLines(TickRejection.NON_POSITIVE_PRICE)).containsExactly(2L);
        assertThat(refused.firstLines(TickRejection.CROSSED_QUOTE)).containsExactly(4L);
        assertThat(refused.report()).containsExactly("NON_POSITIVE_PRICE 1 (line 2)", "CROSSED_QUOTE 1 (line 4)");
    }

    @Test
    void exchangeColumns_lastAndVolume_areRead_andCarriedForwardLikeMqlTick() throws Exception {
        Path f = write(HEADER + "2024.01.02\t09:30:00.000\t101.5\t101.6\t101.55\t3\t30\r\n"
                + "2024.01.02\t09:30:00.250\t\t\t\t\t6\r\n");
        List<Tick> ticks = Mt5TickCsv.readAll(f, "XYZ");
        assertThat(ticks).extracting(Tick::getLast, Tick::getVolume).containsExactly(tuple(101.55, 3.0), tuple(101.55, 3.0));
    }

    @Test
    void utf16FileWithBom_asSomeMt5ExportsAre_readsTheSame() throws Exception {
        String text = HEADER + "2024.01.02\t00:00:00.123\t1.10381\t1.10398\t\t\t6\r\n";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xFF);
        b.write(0xFE);
        b.write(text.getBytes(StandardCharsets.UTF_16LE));
        Path f = dir.resolve("utf16.csv");
        Files.write(f, b.toByteArray());
        assertThat(Mt5TickCsv.readAll(f, "EURUSD")).singleElement()
                .satisfies(t -> assertThat(t.getAsk()).isEqualTo(1.10398));
    }

    private Path write(String content) throws Exception {
        Path f = dir.resolve("ticks.csv");
        Files.writeString(f, content);
        return f;
    }
}
