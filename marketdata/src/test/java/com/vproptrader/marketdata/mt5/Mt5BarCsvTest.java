package com.vproptrader.marketdata.mt5;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Timeframe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mt5BarCsvTest {
    @TempDir
    Path dir;

    @Test
    void minuteBars_areRead_withTimeframeInferredFromTheGaps() throws Exception {
        Path f = dir.resolve("bars.csv");
        Files.writeString(f, "<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>\r\n"
                + "2024.01.02\t00:00:00\t1.10381\t1.10420\t1.10370\t1.10410\t87\t0\t9\r\n"
                + "2024.01.02\t00:01:00\t1.10410\t1.10415\t1.10360\t1.10365\t64\t0\t8\r\n"
                + "2024.01.02\t00:03:00\t1.10365\t1.10390\t1.10350\t1.10380\t12\t0\t11\r\n");

        List<Bar> bars = Mt5BarCsv.readAll(f, "EURUSD");

        assertThat(bars).hasSize(3).allSatisfy(b -> assertThat(b.getTimeframe()).isEqualTo(Timeframe.M1));
        assertThat(bars.get(1).getOpenTimeMsc()).isEqualTo(1_704_153_660_000L);
        assertThat(bars.get(0).getTickVolume()).isEqualTo(87);
        assertThat(bars.get(0).getSpreadPoints()).isEqualTo(9);
        assertThat(bars.get(0).getHigh()).isEqualTo(1.10420);
    }

    @Test
    void dailyExportWithoutTimeColumn_isRead() throws Exception {
        Path f = dir.resolve("d1.csv");
        Files.writeString(f, "<DATE>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>\n"
                + "2024.01.02\t1.1038\t1.1045\t1.0940\t1.0942\t91000\t0\t5\n"
                + "2024.01.03\t1.0942\t1.0960\t1.0910\t1.0921\t88000\t0\t5\n");
        List<Bar> bars = Mt5BarCsv.readAll(f, "EURUSD");
        assertThat(bars).extracting(Bar::getTimeframe).containsOnly(Timeframe.D1);
        assertThat(bars.get(0).getOpenTimeMsc()).isEqualTo(1_704_153_600_000L);
    }
}
