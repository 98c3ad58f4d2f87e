package com.vproptrader.ui.views.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.proto.DailyDigest;
import com.vproptrader.proto.GroupMetrics;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExposureTest {

    private static Position position(String symbol, Side side, double lots, double profit) {
        return Position.newBuilder().setSymbol(symbol).setSide(side).setVolume(lots).setProfit(profit).build();
    }

    @Test
    void pairLotsCountLongTheBaseAndShortTheQuote_otherSymbolsStandAlone() {
        List<Position> book = List.of(position("EURUSD", Side.BUY, 0.10, 5), position("USDJPY", Side.SELL, 0.30, -2),
                position("XAUUSD", Side.SELL, 0.20, 1), position("EURUSD", Side.SELL, 0.04, 0), position("US30", Side.BUY, 0.5, 0));

        assertThat(Exposure.bySymbol(book)).extracting(Exposure.SymbolRow::symbol)
                .containsExactly("EURUSD", "US30", "USDJPY", "XAUUSD");
        Exposure.SymbolRow eur = Exposure.bySymbol(book).get(0);
        assertThat(eur.positions()).isEqualTo(2);
        assertThat(eur.netLots()).isCloseTo(0.06, within(1e-12));
        assertThat(eur.grossLots()).isCloseTo(0.14, within(1e-12));

        List<Exposure.CurrencyRow> byCurrency = Exposure.byCurrency(book);
        assertThat(byCurrency).extracting(Exposure.CurrencyRow::currency).containsExactly("EUR", "JPY", "US30", "USD", "XAU");
        assertThat(byCurrency.get(0).netLots()).isCloseTo(0.06, within(1e-12));
        assertThat(byCurrency.get(1).netLots()).isCloseTo(0.30, within(1e-12));
        assertThat(byCurrency.get(2).netLots()).as("an index stands alone").isCloseTo(0.50, within(1e-12));
        assertThat(byCurrency.get(3).netLots()).as("USD: -0.06 from EURUSD, -0.30 from selling USDJPY, +0.20 from selling gold")
                .isCloseTo(-0.16, within(1e-12));
        assertThat(byCurrency.get(4).netLots()).as("gold quoted in USD is a pair too").isCloseTo(-0.20, within(1e-12));
    }

    @Test
    void dailyResultsMovingAgainstEachOtherCorrelateNegatively_andTooFewDaysAreUndefined() {
        double[][] days = {{100, -50}, {-20, 10}, {60, -30}, {0, 0}};
        List<DailyDigest> digests = new java.util.ArrayList<>();
        for (double[] d : days) {
            digests.add(DailyDigest.newBuilder()
                    .addBySymbol(GroupMetrics.newBuilder().setGroup("EURUSD").setNetProfit(d[0]))
                    .addBySymbol(GroupMetrics.newBuilder().setGroup("GBPUSD").setNetProfit(d[1])).build());
        }
        Exposure.Correlation c = Exposure.dailyPnlCorrelation(digests);
        assertThat(c.symbols()).containsExactly("EURUSD", "GBPUSD");
        assertThat(c.rho()[0][1]).isCloseTo(-1.0, within(1e-12));
        assertThat(c.rho()[1][1]).isEqualTo(1.0);
        assertThat(Exposure.pearson(new double[] {1, 2}, new double[] {2, 1})).isNaN();
        assertThat(Exposure.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})).as("a flat series").isNaN();
    }
}
