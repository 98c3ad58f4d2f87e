package com.vproptrader.ui.views.alpha;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vproptrader.proto.AlphaWeight;
import com.vproptrader.proto.GroupMetrics;
import com.vproptrader.proto.TradeRecord;
import com.vproptrader.ui.feed.AdminFeed;
import com.vproptrader.ui.feed.AdminSnapshot;
import com.vproptrader.ui.feed.HostReports;
import com.vproptrader.ui.views.Fmt;
import com.vproptrader.ui.views.LiveBinding;
import com.vproptrader.ui.views.MainLayout;
import com.vproptrader.ui.views.MetricsGrid;
import com.vproptrader.ui.views.Tables;
import java.util.Locale;

/**
 * Which alpha earns where: expectancy of each alpha's closed trades by symbol and by regime (from the host's
 * trade log), the vote weight the scanner gives each alpha now, the regime bandit's posterior of each alpha × regime,
 * and each alpha's figures over every trade.
 */
@Route(value = "alpha", layout = MainLayout.class)
@PageTitle("Alpha heatmap · VPropTrader")
public final class AlphaView extends VerticalLayout {

    private final Heatmap bySymbol = new Heatmap("heatmap-symbol", "symbol", "symbol", TradeRecord::getSymbol);
    private final Heatmap byRegime = new Heatmap("heatmap-regime", "regime", "regime", TradeRecord::getRegime);
    private final Grid<AlphaWeight> weights = Tables.grid(AlphaWeight.class, "alpha-weights",
            "No weights yet: the scanner has not run");
    private final Grid<GroupMetrics> perAlpha = MetricsGrid.of("alpha-metrics", "Alpha", "No closed trades yet");

    public AlphaView() {
        setId("alpha-view");
        weights.addColumn(AlphaWeight::getAlpha).setHeader("Alpha").setAutoWidth(true);
        weights.addColumn(w -> String.format(Locale.ROOT, "%.3f", w.getWeight())).setHeader("Vote weight now").setAutoWidth(true);
        add(new Paragraph("Cells: expectancy (mean net P/L per closed trade, account currency) · trades, of the newest "
                        + Fmt.count(AdminFeed.TRADES_KEPT) + " closed trades; click a cell for its trades."),
                new H2("Alpha × symbol"), bySymbol, new H2("Alpha × regime"),
                new Paragraph("Beside each alpha its vote weight now; in each cell the regime bandit's posterior mean win "
                        + "probability and its Beta (the host's, from every closed trade): the bandit lets the "
                        + "alphas with the highest draws trade in a regime."), byRegime,
                new H2("Adaptive weights"), weights, new H2("Per alpha, every closed trade"), perAlpha);
        LiveBinding.bind(this, this::render);
    }

    private void render(AdminSnapshot snapshot) {
        bySymbol.show(snapshot.reports().trades());
        byRegime.show(snapshot.reports().trades(), snapshot.reports().bandit().getArmsList(),
                snapshot.status().getScan().getWeightsList());
        Tables.show(weights, snapshot.status().getScan().getWeightsList());
        Tables.show(perAlpha, HostReports.groups(snapshot.reports().total(), "ALPHA"));
    }
}
