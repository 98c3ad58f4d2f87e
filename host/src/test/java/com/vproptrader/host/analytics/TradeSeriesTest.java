package com.vproptrader.host.analytics;

import com.vproptrader.host.memory.ClosedTrade;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Side;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every metric against values worked out here by hand or with commons-math, on series small enough to check. */
class TradeSeriesTest {
    private static final long DAY = 86_400_000L;
    /** Server-time midnight: the day reset of most packs. */
    private static final LongUnaryOperator MIDNIGHT = t -> Math.floorDiv(t, DAY) * DAY;
    /** Monday 2 March 2026, server time. */
    private static final long MONDAY = LocalDate.of(2026, 3, 2).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();

    @Test
    void aWeekOfTradesMatchesIndependentlyComputedFigures() {
        // Mon +300 and -100, Tue -400, Wed nothing, Thu +500, Fri -200; initial balance 10,000.
        List<ClosedTrade> trades = List.of(trade(1, 0, 30_000, 10_000), trade(2, 0, -10_000, 10_000),
                trade(3, 1, -40_000, 10_000), trade(4, 3, 50_000, 10_000), trade(5, 4, -20_000, 20_000));
        Metrics m = TradeSeries.metrics(trades, 10_000, MIDNIGHT);

        assertThat(m.trades()).isEqualTo(5);
        assertThat(m.wins()).isEqualTo(2);
        assertThat(m.winRate()).isEqualTo(0.4);
        assertThat(m.netProfit()).isEqualTo(100.0);
        assertThat(m.grossProfit()).isEqualTo(800.0);
        assertThat(m.grossLoss()).isEqualTo(700.0);
        assertThat(m.profitFactor()).isCloseTo(8.0 / 7, within(1e-12));
        assertThat(m.expectancy()).isCloseTo(20.0, within(1e-12));
        assertThat(m.expectancyR()).isCloseTo((3 - 1 - 4 + 5 - 1) / 5.0, within(1e-12));

        double[] dayPnl = {200, -400, 0, 500, -200};
        double[] equityBefore = {10_000, 10_200, 9_800, 9_800, 10_300};
        DescriptiveStatistics r = new DescriptiveStatistics();
        double downsideSquares = 0;
        for (int i = 0; i < 5; i++) {
            double ret = dayPnl[i] / equityBefore[i];
            r.addValue(ret);
            downsideSquares += Math.min(ret, 0) * Math.min(ret, 0);
        }
        assertThat(m.days()).isEqualTo(5);
        assertThat(m.sharpe()).isCloseTo(r.getMean() / r.getStandardDeviation() * Math.sqrt(252), within(1e-9));
        assertThat(m.sortino()).isCloseTo(r.getMean() / Math.sqrt(downsideSquares / 5) * Math.sqrt(252), within(1e-9));
        // Peak 10,200 after Monday, trough 9,800 on Tuesday and Wednesday, regained on Thursday.
        assertThat(m.maxDrawdown()).isCloseTo(400, within(1e-9));
        assertThat(m.maxDrawdownPct()).isCloseTo(400.0 / 10_200, within(1e-12));
        assertThat(m.maxDrawdownDays()).isEqualTo(2);
        double growth = Math.pow(10_100.0 / 10_000, 252.0 / 5) - 1;
        assertThat(m.calmar()).isCloseTo(growth / (400.0 / 10_200), within(1e-9));
        // ⌈5% of 5⌉ = 1 day in the tail: the worst day, -400.
        assertThat(m.var95()).isEqualTo(400.0);
        assertThat(m.es95()).isEqualTo(400.0);
    }

    @Test
    void theWeekendIsNotAFlatTradingDayButAFridayWithoutTradesIs() {
        // Thu +100, (Fri nothing, Sat, Sun), Mon +100.
        List<ClosedTrade> trades = List.of(trade(1, 3, 10_000, 10_000), trade(2, 7, 10_000, 10_000));
        assertThat(TradeSeries.dailyPnl(trades, MIDNIGHT)).containsExactly(100.0, 0.0, 100.0);
    }

    @Test
    void withoutLossesProfitFactorAndSortinoAreInfiniteAndNothingIsDrawnDown() {
        List<ClosedTrade> trades = List.of(trade(1, 0, 10_000, 10_000), trade(2, 1, 20_000, 10_000));
        Metrics m = TradeSeries.metrics(trades, 10_000, MIDNIGHT);

        assertThat(m.profitFactor()).isInfinite().isPositive();
        assertThat(m.sortino()).isInfinite().isPositive();
        assertThat(m.calmar()).isInfinite().isPositive();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.maxDrawdownDays()).isZero();
        assertThat(m.var95()).as("even the worst day gains: a negative loss").isEqualTo(-100.0);
        assertThat(m.winRate()).isEqualTo(1.0);
    }

    @Test
    void oneTradeHasNoDispersionSoNoSharpe() {
        Metrics m = TradeSeries.metrics(List.of(trade(1, 0, -5_000, 10_000)), 10_000, MIDNIGHT);

        assertThat(m.trades()).isEqualTo(1);
        assertThat(m.days()).isEqualTo(1);
        assertThat(m.sharpe()).isNaN();
        assertThat(m.profitFactor()).isZero();
        assertThat(m.maxDrawdown()).isEqualTo(50.0);
        assertThat(m.maxDrawdownDays()).isEqualTo(1);
        assertThat(m.var95()).isEqualTo(50.0);
        assertThat(m.es95()).isEqualTo(50.0);
    }

    @Test
    void flatEquityHasNoRatiosAndNoRisk() {
        List<ClosedTrade> trades = List.of(trade(1, 0, 0, 10_000), trade(2, 1, 0, 10_000), trade(3, 2, 0, 10_000));
        Metrics m = TradeSeries.metrics(trades, 10_000, MIDNIGHT);

        assertThat(m.winRate()).isZero();
        assertThat(m.profitFactor()).isNaN();
        assertThat(m.sharpe()).isNaN();
        assertThat(m.sortino()).isNaN();
        assertThat(m.calmar()).isNaN();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.var95()).isZero();
        assertThat(m.es95()).isZero();
    }

    @Test
    void noTradesGiveAnEmptyReport() {
        Metrics m = TradeSeries.metrics(new ArrayList<>(), 10_000, MIDNIGHT);
        assertThat(m.trades()).isZero();
        assertThat(m.days()).isZero();
        assertThat(m.winRate()).isNaN();
        assertThat(m.sharpe()).isNaN();
        assertThat(m.var95()).isNaN();
    }

    @Test
    void groupsSplitTheSameTradesByAlphaRegimeSymbolAndSession() {
        List<ClosedTrade> trades = List.of(trade(1, 0, 100, 100), trade(2, 0, -100, 100, "b"));
        var report = Analytics.report(trades, 10_000, MIDNIGHT);
        assertThat(report.get(Analytics.Dimension.OVERALL).get("all").trades()).isEqualTo(2);
        assertThat(report.get(Analytics.Dimension.ALPHA)).containsOnlyKeys("a", "b");
        assertThat(report.get(Analytics.Dimension.ALPHA).get("b").netProfit()).isEqualTo(-1.0);
        assertThat(report.get(Analytics.Dimension.SESSION)).containsOnlyKeys("LONDON");
    }

    /** A trade of alpha "a" closing at noon on {@code day} days after Monday with net {@code pnlCents}. */
    static ClosedTrade trade(long id, int day, long pnlCents, long riskCents) {
        return trade(id, day, pnlCents, riskCents, "a");
    }

    static ClosedTrade trade(long id, int day, long pnlCents, long riskCents, String alpha) {
        long close = MONDAY + day * DAY + DAY / 2;
        return new ClosedTrade(id, "k" + id, alpha, "1", "TREND_LOW_VOL", "LONDON", "EURUSD", Side.BUY, 0.1, 1.1, 1.1,
                close - 60_000, close, Money.ofCents(pnlCents), Money.ofCents(riskCents), "tp");
    }
}
