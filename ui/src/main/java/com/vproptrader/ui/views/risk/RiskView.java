package com.vproptrader.ui.views.risk;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vproptrader.proto.GroupMetrics;
import com.vproptrader.proto.RuleHeadroom;
import com.vproptrader.proto.RuleUnit;
import com.vproptrader.proto.Status;
import com.vproptrader.proto.TradingState;
import com.vproptrader.proto.VetoCount;
import com.vproptrader.proto.VetoSource;
import com.vproptrader.ui.feed.AdminSnapshot;
import com.vproptrader.ui.feed.HostReports;
import com.vproptrader.ui.views.Fmt;
import com.vproptrader.ui.views.LiveBinding;
import com.vproptrader.ui.views.MainLayout;
import com.vproptrader.ui.views.StatTile;
import com.vproptrader.ui.views.Tables;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The open book and its risk: open risk against the pack's cap, exposure by symbol and by currency, the
 * account's ES95 and VaR95 of daily results, how the symbols' daily results correlate, and the execution
 * filters' pauses and vetoes.
 */
@Route(value = "risk", layout = MainLayout.class)
@PageTitle("Risk monitor · VPropTrader")
public final class RiskView extends VerticalLayout {

    private final StatTile openRisk = new StatTile("Open risk (to stops)", "risk-open").compact();
    private final StatTile openRiskCap = new StatTile("Open-risk cap headroom", "risk-open-headroom").compact();
    private final StatTile openPositions = new StatTile("Open positions / cap", "risk-positions").compact();
    private final StatTile es95 = new StatTile("ES95 (daily)", "risk-es95").compact();
    private final StatTile var95 = new StatTile("VaR95 (daily)", "risk-var95").compact();
    private final StatTile maxDd = new StatTile("Max drawdown", "risk-max-dd").compact();
    private final StatTile pause = new StatTile("Execution pause", "risk-pause").compact();
    private final Grid<Exposure.SymbolRow> bySymbol = Tables.grid(Exposure.SymbolRow.class, "exposure-symbol", "No open position");
    private final Grid<Exposure.CurrencyRow> byCurrency = Tables.grid(Exposure.CurrencyRow.class, "exposure-currency", "No open position");
    private final Grid<VetoCount> filterVetoes = Tables.grid(VetoCount.class, "filter-vetoes", "No filter has vetoed a candidate");
    private final Div correlation = new Div();

    public RiskView() {
        setId("risk-view");
        bySymbol.addColumn(Exposure.SymbolRow::symbol).setHeader("Symbol").setAutoWidth(true);
        bySymbol.addColumn(Exposure.SymbolRow::positions).setHeader("Positions").setAutoWidth(true);
        bySymbol.addColumn(r -> signedLots(r.netLots())).setHeader("Net lots").setAutoWidth(true);
        bySymbol.addColumn(r -> Fmt.lots(r.grossLots())).setHeader("Gross lots").setAutoWidth(true);
        bySymbol.addColumn(r -> Fmt.signedMoney(r.openPnl(), "")).setHeader("Open P/L").setAutoWidth(true);
        byCurrency.addColumn(Exposure.CurrencyRow::currency).setHeader("Currency / instrument").setAutoWidth(true);
        byCurrency.addColumn(r -> signedLots(r.netLots())).setHeader("Net lots (long +, short −)").setAutoWidth(true);
        filterVetoes.addColumn(VetoCount::getCode).setHeader("Filter").setAutoWidth(true);
        filterVetoes.addColumn(v -> Fmt.count(v.getCount())).setHeader("Vetoes since start").setAutoWidth(true);
        correlation.setId("correlation-matrix");
        correlation.getStyle().set("overflow-x", "auto").set("max-width", "100%");
        FlexLayout tiles = new FlexLayout(openRisk, openRiskCap, openPositions, es95, var95, maxDd, pause);
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-s)");
        add(tiles, new H2("Exposure by symbol"), bySymbol, new H2("Exposure by currency"), byCurrency,
                new H2("Correlation of daily P/L by symbol"),
                new Paragraph("Pearson correlation of each symbol's net P/L per trading day (the host's daily digests; "
                        + "a day without trades counts 0)."), correlation,
                new H2("Execution filters"), filterVetoes);
        LiveBinding.bind(this, this::render);
    }

    private void render(AdminSnapshot snapshot) {
        Status s = snapshot.status();
        boolean live = snapshot.live();
        String ccy = s.getAccount().getCurrency();
        Optional<RuleHeadroom> risk = rule(s, "open_risk");
        openRisk.show(live && risk.isPresent() ? value(risk.get(), risk.get().getCurrent(), ccy) : "–");
        openRiskCap.show(live && risk.isPresent() ? value(risk.get(), risk.get().getHeadroom(), ccy) : "–");
        Optional<RuleHeadroom> count = rule(s, "open_positions");
        openPositions.show(live && count.isPresent() ? count.get().getCurrent() + " / " + count.get().getLimit()
                : live ? Integer.toString(snapshot.positions().size()) : "–");
        GroupMetrics overall = HostReports.overall(snapshot.reports().total()).orElse(GroupMetrics.getDefaultInstance());
        boolean stats = live && overall.getTrades() > 0;
        es95.show(stats ? Fmt.money(overall.getEs95(), ccy) : "–");
        var95.show(stats ? Fmt.money(overall.getVar95(), ccy) : "–");
        maxDd.show(stats ? Fmt.money(overall.getMaxDrawdown(), ccy)
                + String.format(Locale.ROOT, " (%.2f%%)", overall.getMaxDrawdownPct()) : "–");
        pause.show(!live ? "–" : s.getTradingState() == TradingState.TRADING_PAUSED ? "PAUSED: " + s.getTradingStateReason() : "none");
        Tables.show(bySymbol, live ? Exposure.bySymbol(positions(snapshot)) : List.of());
        Tables.show(byCurrency, live ? Exposure.byCurrency(positions(snapshot)) : List.of());
        Tables.show(filterVetoes, s.getVetoesList().stream().filter(v -> v.getSource() == VetoSource.VETO_FILTER).toList());
        drawCorrelation(Exposure.dailyPnlCorrelation(snapshot.reports().digests()));
    }

    private Exposure.Correlation drawn;

    private void drawCorrelation(Exposure.Correlation c) {
        if (drawn != null && drawn.symbols().equals(c.symbols()) && drawn.days() == c.days()
                && java.util.Arrays.deepEquals(drawn.rho(), c.rho())) {
            return;
        }
        drawn = c;
        correlation.getElement().removeAllChildren();
        correlation.getElement().setAttribute("data-symbols", Integer.toString(c.symbols().size()));
        if (c.symbols().size() < 2 || c.days() < 3) {
            correlation.getElement().appendChild(new Element("span").setText(
                    "Needs at least 3 ended trading days with trades on 2 symbols (" + c.days() + " days so far)."));
            return;
        }
        Element table = new Element("table");
        table.getStyle().set("border-collapse", "collapse").set("font-size", "var(--lumo-font-size-s)");
        Element head = new Element("tr");
        head.appendChild(new Element("th"));
        c.symbols().forEach(sym -> head.appendChild(new Element("th").setText(sym)));
        table.appendChild(head);
        for (int i = 0; i < c.symbols().size(); i++) {
            Element tr = new Element("tr");
            tr.appendChild(new Element("th").setText(c.symbols().get(i)));
            for (int j = 0; j < c.symbols().size(); j++) {
                double r = c.rho()[i][j];
                Element td = new Element("td").setText(Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.2f", r));
                td.getStyle().set("padding", "0.3em 0.6em").set("text-align", "right")
                        .set("border", "1px solid var(--lumo-contrast-10pct)")
                        .set("background", Double.isNaN(r) ? "transparent" : String.format(Locale.ROOT,
                                r >= 0 ? "rgba(221,51,51,%.2f)" : "rgba(22,118,243,%.2f)", 0.6 * Math.abs(r)));
                tr.appendChild(td);
            }
            table.appendChild(tr);
        }
        correlation.getElement().appendChild(table);
    }

    private static Optional<RuleHeadroom> rule(Status s, String name) {
        return s.getCompliance().getRulesList().stream().filter(r -> r.getRule().equals(name)).findFirst();
    }

    private static String value(RuleHeadroom r, long v, String ccy) {
        return r.getUnit() == RuleUnit.CENTS ? Fmt.cents(v, ccy) : Fmt.count(v);
    }

    private static String signedLots(double lots) {
        return (lots > 0 ? "+" : "") + Fmt.lots(lots);
    }

    private static List<com.vproptrader.proto.Position> positions(com.vproptrader.ui.feed.AdminSnapshot snapshot) {
        return snapshot.positions().stream().map(com.vproptrader.proto.PositionView::getPosition).toList();
    }
}
