package com.vproptrader.ui.views.overview;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vproptrader.proto.Counters;
import com.vproptrader.proto.Status;
import com.vproptrader.ui.feed.AdminSnapshot;
import com.vproptrader.ui.views.Fmt;
import com.vproptrader.ui.views.LiveBinding;
import com.vproptrader.ui.views.MainLayout;
import com.vproptrader.ui.views.StatTile;
import com.vproptrader.ui.views.StatusBadge;

/** How the account is doing right now. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Overview · VPropTrader")
public final class OverviewView extends VerticalLayout {

    private final StatTile balance = new StatTile("Balance", "balance-value");
    private final StatTile equity = new StatTile("Equity", "equity-value");
    private final StatTile dayPnl = new StatTile("Day P/L", "day-pnl-value");
    private final StatTile ticks = new StatTile("Ticks", "ticks-value");
    private final StatTile signals = new StatTile("Signals", "signals-value");
    private final StatTile orders = new StatTile("Orders", "orders-value");
    private final StatTile fills = new StatTile("Fills", "fills-value");
    private final StatusBadge terminal = new StatusBadge("terminal-state");
    private final StatusBadge engine = new StatusBadge("engine-state");
    private final Span engineReason = new Span();
    private final Span lastEvent = new Span();
    private final Span feedRejections = new Span();
    private final EquityChart chart = new EquityChart();
    private final PositionsGrid positions = new PositionsGrid();

    public OverviewView() {
        setId("overview-view");
        engineReason.setId("engine-reason");
        lastEvent.setId("last-event");
        feedRejections.setId("feed-rejections");
        for (Span quiet : new Span[] {engineReason, lastEvent, feedRejections}) {
            quiet.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        }
        HorizontalLayout states = new HorizontalLayout(new Span("Terminal"), terminal, new Span("Engine"), engine,
                engineReason, lastEvent, feedRejections);
        states.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        states.setWrap(true);

        FlexLayout tiles = new FlexLayout(balance, equity, dayPnl, ticks, signals, orders, fills);
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-s)");

        add(states, tiles, new H2("Equity"), chart, new H2("Open positions"), positions);
        LiveBinding.bind(this, this::render);
    }

    private void render(AdminSnapshot snapshot) {
        Status s = snapshot.status();
        String ccy = s.getAccount().getCurrency();
        boolean known = snapshot.hasStatus();
        balance.show(known ? Fmt.cents(s.getBalanceCents(), ccy) : "–");
        equity.show(known ? Fmt.cents(s.getEquityCents(), ccy) : "–");
        dayPnl.showSigned(known ? Fmt.signedCents(s.getDayPnlCents(), ccy) : "–", s.getDayPnlCents());
        Counters c = s.getCounters();
        ticks.show(Fmt.count(c.getTicks()));
        signals.show(Fmt.count(c.getSignals()));
        orders.show(Fmt.count(c.getOrders()));
        fills.show(Fmt.count(c.getFills()));
        if (!known) {
            terminal.show("unknown", StatusBadge.Tone.NEUTRAL);
        } else if (s.getTerminalConnected()) {
            terminal.show("connected", StatusBadge.Tone.GOOD);
        } else {
            terminal.show("disconnected", StatusBadge.Tone.BAD);
        }
        engine.show(s.getTradingState());
        engineReason.setText(s.getTradingStateReason());
        lastEvent.setText(s.getLastEventServerTimeMsc() == 0 ? ""
                : "last event " + Fmt.serverTime(s.getLastEventServerTimeMsc()) + " (server time)");
        feedRejections.setText(s.getFeedRejectionsCount() == 0 ? "" : "feed refused: " + s.getFeedRejectionsList().stream()
                .map(r -> r.getSymbol() + " " + r.getReason() + " " + Fmt.count(r.getCount()))
                .collect(java.util.stream.Collectors.joining(", ")));
        chart.show(snapshot.equity());
        positions.show(snapshot.positions());
    }
}
