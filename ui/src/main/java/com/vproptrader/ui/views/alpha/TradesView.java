package com.vproptrader.ui.views.alpha;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vproptrader.proto.TradeRecord;
import com.vproptrader.ui.feed.AdminSnapshot;
import com.vproptrader.ui.views.Fmt;
import com.vproptrader.ui.views.LiveBinding;
import com.vproptrader.ui.views.MainLayout;
import com.vproptrader.ui.views.Tables;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Closed trades, optionally of one alpha, symbol or regime (the heatmap's cells link here). */
@Route(value = "trades", layout = MainLayout.class)
@PageTitle("Trades · VPropTrader")
public final class TradesView extends VerticalLayout implements BeforeEnterObserver {

    private final H2 title = new H2("Closed trades");
    private final Span summary = new Span();
    private final Grid<TradeRecord> grid = Tables.grid(TradeRecord.class, "trades-grid", "No closed trade matches");
    private Predicate<TradeRecord> filter = t -> true;

    public TradesView() {
        setId("trades-view");
        summary.setId("trades-summary");
        grid.addColumn(t -> Fmt.serverTime(t.getOpenTimeMsc())).setHeader("Opened (server)").setAutoWidth(true);
        grid.addColumn(t -> Fmt.serverTime(t.getCloseTimeMsc())).setHeader("Closed (server)").setAutoWidth(true);
        grid.addColumn(TradeRecord::getSymbol).setHeader("Symbol").setAutoWidth(true);
        grid.addColumn(t -> t.getSide().name()).setHeader("Side").setAutoWidth(true);
        grid.addColumn(t -> t.getAlpha() + "@" + t.getAlphaVersion()).setHeader("Alpha").setAutoWidth(true);
        grid.addColumn(TradeRecord::getRegime).setHeader("Regime").setAutoWidth(true);
        grid.addColumn(TradeRecord::getSession).setHeader("Session").setAutoWidth(true);
        grid.addColumn(t -> Fmt.lots(t.getVolume())).setHeader("Lots").setAutoWidth(true);
        grid.addColumn(t -> Fmt.quote(t.getEntryPrice())).setHeader("Entry").setAutoWidth(true);
        grid.addColumn(t -> Fmt.quote(t.getExitPrice())).setHeader("Exit").setAutoWidth(true);
        grid.addColumn(t -> Fmt.signedDecimal(t.getPnl())).setHeader("P/L").setAutoWidth(true);
        grid.addColumn(t -> Fmt.ratio(t.getRMultiple())).setHeader("R").setAutoWidth(true);
        grid.addColumn(TradeRecord::getExitReason).setHeader("Exit reason").setAutoWidth(true);
        grid.setAllRowsVisible(false);
        grid.setHeight("32em");
        add(title, summary, grid);
        LiveBinding.bind(this, this::render);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        String alpha = first(q, "alpha");
        String symbol = first(q, "symbol");
        String regime = first(q, "regime");
        filter = t -> (alpha.isEmpty() || t.getAlpha().equals(alpha)) && (symbol.isEmpty() || t.getSymbol().equals(symbol))
                && (regime.isEmpty() || t.getRegime().equals(regime));
        StringBuilder what = new StringBuilder("Closed trades");
        if (!alpha.isEmpty()) {
            what.append(" of ").append(alpha);
        }
        if (!symbol.isEmpty()) {
            what.append(" on ").append(symbol);
        }
        if (!regime.isEmpty()) {
            what.append(" in ").append(regime);
        }
        title.setText(what.toString());
    }

    private static String first(Map<String, List<String>> q, String key) {
        List<String> v = q.get(key);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    private void render(AdminSnapshot snapshot) {
        List<TradeRecord> rows = snapshot.reports().trades().stream().filter(filter).toList();
        java.math.BigDecimal net = rows.stream().map(t -> t.getPnl().isEmpty() ? java.math.BigDecimal.ZERO
                : new java.math.BigDecimal(t.getPnl())).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        summary.setText(Fmt.count(rows.size()) + " trades · net " + Fmt.signedDecimal(net.toPlainString()));
        Tables.show(grid, rows);
    }
}
