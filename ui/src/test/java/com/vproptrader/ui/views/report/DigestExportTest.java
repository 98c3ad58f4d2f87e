package com.vproptrader.ui.views.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.DailyDigest;
import com.vproptrader.proto.GroupMetrics;
import org.junit.jupiter.api.Test;

class DigestExportTest {

    private static final DailyDigest DAY = DailyDigest.newBuilder().setDate("2024-01-02")
            .setDayStartMsc(1_704_153_600_000L).setDayEndMsc(1_704_240_000_000L).setTrades(3).setWins(2)
            .setNetProfit("150.25").setGrossProfit("300.00").setGrossLoss("-149.75").setBestTrade("200.00").setWorstTrade("-149.75")
            .addByAlpha(GroupMetrics.newBuilder().setGroup("alpha, with comma").setTrades(3).setWins(2).setNetProfit(150.25)
                    .setWinRate(2.0 / 3).setProfitFactor(Double.POSITIVE_INFINITY).setExpectancy(Double.NaN))
            .build();

    @Test
    void csvHasTheDayRowThenOneRowPerGroup_quotedWhereNeeded_undefinedLeftEmpty() {
        String[] lines = DigestExport.csv(DAY).split("\n");
        assertThat(lines[0]).isEqualTo(DigestExport.CSV_HEADER);
        assertThat(lines[1]).isEqualTo("2024-01-02,2024-01-02 00:00:00,2024-01-03 00:00:00,DAY,,3,2,150.25,300.00,-149.75,200.00,-149.75,,,");
        assertThat(lines[2]).isEqualTo("2024-01-02,2024-01-02 00:00:00,2024-01-03 00:00:00,ALPHA,\"alpha, with comma\",3,2,150.25,,,,,0.666667,Infinity,");
        assertThat(lines).hasSize(3);
    }

    @Test
    void jsonIsTheHostsMessage() {
        assertThat(DigestExport.json(DAY)).contains("\"date\": \"2024-01-02\"", "\"netProfit\": \"150.25\"", "\"trades\": 3");
    }
}
