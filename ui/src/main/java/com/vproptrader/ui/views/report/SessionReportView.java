package com.vproptrader.ui.views.report;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vproptrader.proto.DailyDigest;
import com.vproptrader.proto.GroupMetrics;
import com.vproptrader.ui.feed.AdminSnapshot;
import com.vproptrader.ui.views.Fmt;
import com.vproptrader.ui.views.LiveBinding;
import com.vproptrader.ui.views.MainLayout;
import com.vproptrader.ui.views.MetricsGrid;
import com.vproptrader.ui.views.StatTile;
import com.vproptrader.ui.views.Tables;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The digest the host wrote for any ended trading day, to read here or download as CSV or JSON. */
@Route(value = "report", layout = MainLayout.class)
@PageTitle("Session report · VPropTrader")
public final class SessionReportView extends VerticalLayout {

    private final Select<DailyDigest> day = new Select<>();
    private final Span empty = new Span("No trading day has ended yet: the host writes a digest at each day reset.");
    private final StatTile trades = new StatTile("Trades", "report-trades").compact();
    private final StatTile wins = new StatTile("Wins", "report-wins").compact();
    private final StatTile net = new StatTile("Net P/L", "report-net").compact();
    private final StatTile gross = new StatTile("Gross profit / loss", "report-gross").compact();
    private final StatTile bestWorst = new StatTile("Best / worst trade", "report-best-worst").compact();
    private final StatTile span = new StatTile("Day (broker server time)", "report-span").compact();
    private final Grid<GroupMetrics> byAlpha = MetricsGrid.of("report-by-alpha", "Alpha", "No trade by any alpha this day");
    private final Grid<GroupMetrics> bySymbol = MetricsGrid.of("report-by-symbol", "Symbol", "No trade on any symbol this day");
    private final Anchor csv = new Anchor();
    private final Anchor json = new Anchor();
    private List<DailyDigest> shown = List.of();

    public SessionReportView() {
        setId("report-view");
        day.setId("report-day");
        day.setLabel("Trading day");
        day.setItemLabelGenerator(DailyDigest::getDate);
        day.addValueChangeListener(e -> showDay(e.getValue()));
        empty.setId("report-empty");
        csv.setId("report-csv");
        csv.setText("Download CSV");
        json.setId("report-json");
        json.setText("Download JSON");
        for (Anchor a : new Anchor[] {csv, json}) {
            a.getElement().setAttribute("download", true);
        }
        HorizontalLayout top = new HorizontalLayout(day, csv, json);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        top.setWrap(true);
        FlexLayout tiles = new FlexLayout(trades, wins, net, gross, bestWorst, span);
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-s)");
        add(top, empty, tiles, new H2("By alpha"), byAlpha, new H2("By symbol"), bySymbol);
        LiveBinding.bind(this, this::render);
    }

    private void render(AdminSnapshot snapshot) {
        List<DailyDigest> digests = snapshot.reports().digests();
        empty.setVisible(digests.isEmpty());
        if (digests.equals(shown)) {
            return;
        }
        String picked = day.getValue() == null ? null : day.getValue().getDate();
        shown = digests;
        day.setItems(digests);
        day.setValue(digests.stream().filter(d -> Objects.equals(d.getDate(), picked)).findFirst()
                .orElse(digests.isEmpty() ? null : digests.get(0)));
    }

    private void showDay(DailyDigest d) {
        boolean has = d != null;
        csv.setEnabled(has);
        json.setEnabled(has);
        if (!has) {
            for (StatTile t : new StatTile[] {trades, wins, net, gross, bestWorst, span}) {
                t.show("–");
            }
            Tables.show(byAlpha, List.of());
            Tables.show(bySymbol, List.of());
            return;
        }
        trades.show(Fmt.count(d.getTrades()));
        wins.show(Fmt.count(d.getWins()));
        net.showSigned(Fmt.signedDecimal(d.getNetProfit()), new java.math.BigDecimal(d.getNetProfit().isEmpty() ? "0" : d.getNetProfit()).signum());
        gross.show(Fmt.signedDecimal(d.getGrossProfit()) + " / " + Fmt.signedDecimal(d.getGrossLoss()));
        bestWorst.show(Fmt.signedDecimal(d.getBestTrade()) + " / " + Fmt.signedDecimal(d.getWorstTrade()));
        span.show(Fmt.serverTime(d.getDayStartMsc()) + " → " + Fmt.serverTime(d.getDayEndMsc()));
        Tables.show(byAlpha, d.getByAlphaList());
        Tables.show(bySymbol, d.getBySymbolList());
        String csvText = DigestExport.csv(d);
        String jsonText = DigestExport.json(d);
        csv.setHref(new StreamResource("digest-" + d.getDate() + ".csv",
                () -> new ByteArrayInputStream(csvText.getBytes(StandardCharsets.UTF_8))).setContentType("text/csv"));
        json.setHref(new StreamResource("digest-" + d.getDate() + ".json",
                () -> new ByteArrayInputStream(jsonText.getBytes(StandardCharsets.UTF_8))).setContentType("application/json"));
    }
}
