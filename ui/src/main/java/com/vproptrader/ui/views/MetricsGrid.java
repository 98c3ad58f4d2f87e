package com.vproptrader.ui.views;

import com.vaadin.flow.component.grid.Grid;
import com.vproptrader.proto.GroupMetrics;

/** A table of performance groups (one per alpha, symbol, regime...): the host's own figures, formatted. */
public final class MetricsGrid {

    private MetricsGrid() {
    }

    public static Grid<GroupMetrics> of(String id, String groupHeader, String emptyText) {
        Grid<GroupMetrics> g = Tables.grid(GroupMetrics.class, id, emptyText);
        g.addColumn(GroupMetrics::getGroup).setHeader(groupHeader).setAutoWidth(true);
        g.addColumn(m -> Fmt.count(m.getTrades())).setHeader("Trades").setAutoWidth(true);
        g.addColumn(m -> Fmt.percent(m.getWinRate())).setHeader("Win rate").setAutoWidth(true);
        g.addColumn(m -> Fmt.signedMoney(m.getNetProfit(), "")).setHeader("Net P/L").setAutoWidth(true);
        g.addColumn(m -> Fmt.signedMoney(m.getExpectancy(), "")).setHeader("Expectancy").setAutoWidth(true);
        g.addColumn(m -> Fmt.ratio(m.getProfitFactor())).setHeader("Profit factor").setAutoWidth(true);
        g.addColumn(m -> Fmt.ratio(m.getSharpe())).setHeader("Sharpe").setAutoWidth(true);
        return g;
    }
}
