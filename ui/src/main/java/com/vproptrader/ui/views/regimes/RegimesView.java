package com.vproptrader.ui.views.regimes;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vproptrader.proto.GroupMetrics;
import com.vproptrader.proto.SymbolRegime;
import com.vproptrader.ui.feed.AdminSnapshot;
import com.vproptrader.ui.feed.HostReports;
import com.vproptrader.ui.views.Fmt;
import com.vproptrader.ui.views.LiveBinding;
import com.vproptrader.ui.views.MainLayout;
import com.vproptrader.ui.views.MetricsGrid;
import com.vproptrader.ui.views.Tables;
import java.util.List;

/**
 * The regime each symbol is in now and for how long: since the close of the bar where the host's classifier changed
 * it (broker server time, the host's record), up to the host's latest event; and how trades did in each regime.
 */
@Route(value = "regimes", layout = MainLayout.class)
@PageTitle("Regimes · VPropTrader")
public final class RegimesView extends VerticalLayout {

    private final Grid<SymbolRegime> now = Tables.grid(SymbolRegime.class, "regimes-now",
            "No regime yet: no bar has closed");
    private final Grid<GroupMetrics> performance = MetricsGrid.of("regime-metrics", "Regime", "No closed trades yet");
    private long serverNow;

    public RegimesView() {
        setId("regimes-view");
        now.addColumn(SymbolRegime::getSymbol).setHeader("Symbol").setAutoWidth(true);
        now.addColumn(SymbolRegime::getRegime).setHeader("Regime now").setAutoWidth(true);
        now.addColumn(r -> Fmt.serverTime(r.getSinceMsc())).setHeader("Since (server)").setAutoWidth(true);
        now.addColumn(r -> duration(serverNow - r.getSinceMsc())).setHeader("Time in regime").setAutoWidth(true);
        now.addColumn(r -> r.getPreviousRegime().isEmpty() ? "–" : r.getPreviousRegime()).setHeader("Before")
                .setAutoWidth(true);
        now.addColumn(r -> Fmt.count(r.getChanges())).setHeader("Changes").setAutoWidth(true);
        add(new H2("Regime now, per symbol"), now, new H2("Performance by regime (every closed trade)"), performance);
        LiveBinding.bind(this, this::render);
    }

    private void render(AdminSnapshot snapshot) {
        serverNow = snapshot.status().getLastEventServerTimeMsc();
        List<SymbolRegime> regimes = snapshot.live() ? snapshot.status().getScan().getRegimesList() : List.of();
        Tables.show(now, regimes);
        now.getDataProvider().refreshAll(); // time in regime moves with the server clock
        Tables.show(performance, HostReports.groups(snapshot.reports().total(), "REGIME"));
    }

    static String duration(long ms) {
        if (ms < 0) {
            return "–";
        }
        long s = ms / 1000;
        return s >= 3600 ? String.format(java.util.Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60)
                : String.format(java.util.Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
}
