package com.vproptrader.host.analytics;

import com.vproptrader.proto.GroupMetrics;
import com.vproptrader.proto.PerformanceReport;

import java.util.Map;

/** {@link Metrics} as AdminService messages. */
public final class PerformanceProto {
    private PerformanceProto() {
    }

    public static PerformanceReport report(Map<Analytics.Dimension, Map<String, Metrics>> report) {
        PerformanceReport.Builder b = PerformanceReport.newBuilder();
        report.forEach((dimension, groups) -> groups.forEach((group, m) -> b.addGroups(group(dimension, group, m))));
        return b.build();
    }

    static GroupMetrics group(Analytics.Dimension dimension, String group, Metrics m) {
        return GroupMetrics.newBuilder().setDimension(dimension.name()).setGroup(group).setTrades(m.trades())
                .setWins(m.wins()).setNetProfit(m.netProfit()).setWinRate(m.winRate()).setProfitFactor(m.profitFactor())
                .setExpectancy(m.expectancy()).setExpectancyR(m.expectancyR()).setDays(m.days()).setSharpe(m.sharpe())
                .setSortino(m.sortino()).setCalmar(m.calmar()).setVar95(m.var95()).setEs95(m.es95())
                .setMaxDrawdown(m.maxDrawdown()).setMaxDrawdownPct(m.maxDrawdownPct())
                .setMaxDrawdownDays(m.maxDrawdownDays()).build();
    }
}
