package com.vproptrader.ui.views.compliance;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vproptrader.proto.ComplianceEvent;
import com.vproptrader.proto.Status;
import com.vproptrader.ui.feed.AdminSnapshot;
import com.vproptrader.ui.views.Fmt;
import com.vproptrader.ui.views.LiveBinding;
import com.vproptrader.ui.views.MainLayout;
import com.vproptrader.ui.views.StatTile;
import java.util.List;

/**
 * Prop-firm compliance at a glance, live from the Watch feed: the active rule pack and the engine's
 * state with its reason; the account figures the rules read; one card per rule with its limit, current
 * value and headroom (money and % of the initial balance); today's anchor and reset in broker server
 * time; the challenge navigator (pass probability, what most likely ends the attempt, days to pass, the risk
 * curve); and the vetoes, actions, state changes and warnings (e.g. inactivity) with their reason codes.
 */
@Route(value = "compliance", layout = MainLayout.class)
@PageTitle("Compliance · VPropTrader")
public final class ComplianceView extends VerticalLayout {

    private final PackHeader header = new PackHeader();
    private final StatTile balance = new StatTile("Balance", "compliance-balance");
    private final StatTile equity = new StatTile("Equity", "compliance-equity");
    private final StatTile dayPnl = new StatTile("Day P/L", "compliance-day-pnl");
    private final StatTile vetoes = new StatTile("Vetoes", "compliance-vetoes");
    private final StatTile rejects = new StatTile("Broker rejects", "compliance-rejects");
    private final StatTile badEvents = new StatTile("Refused events", "compliance-bad-events");
    private final TradingDayPanel day = new TradingDayPanel();
    private final RuleCards rules = new RuleCards(day);
    private final NavigatorPanel navigator = new NavigatorPanel();
    private final EventFilterBar eventFilter = new EventFilterBar();
    private final EventsGrid events = new EventsGrid();
    private final VetoBreakdown vetoBreakdown = new VetoBreakdown();
    private final OperatorPanel operator = new OperatorPanel((command, request) ->
            LiveBinding.feedOf(com.vaadin.flow.server.VaadinService.getCurrent()).act(command, request));
    private List<ComplianceEvent> latestEvents = List.of();

    public ComplianceView() {
        setId("compliance-view");
        setPadding(true);
        setSpacing(true);
        getStyle().set("background", "var(--lumo-contrast-5pct)").set("min-height", "100%").set("box-sizing", "border-box");

        FlexLayout tiles = new FlexLayout(balance, equity, dayPnl, vetoes, rejects, badEvents);
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.setWidthFull();
        tiles.getStyle().set("gap", "var(--lumo-space-s)");
        for (StatTile t : new StatTile[] {balance, equity, dayPnl, vetoes, rejects, badEvents}) {
            t.getStyle().set("background", "var(--lumo-base-color)").set("border", "1px solid var(--lumo-contrast-10pct)")
                    .set("flex", "1 1 8em").set("min-width", "8em");
            t.compact();
        }

        Div eventsPanel = Panel.of("Latest governor vetoes, actions, operator actions, state changes and warnings",
                eventFilter, events);
        eventsPanel.setWidthFull();

        add(header, operator, tiles, Panel.caption("Rules and headroom"), rules, navigator, vetoBreakdown, eventsPanel);
        eventFilter.addKindChangedListener(e -> showEvents());
        LiveBinding.bind(this, this::render);
    }

    private void render(AdminSnapshot snapshot) {
        Status s = snapshot.status();
        String ccy = s.getAccount().getCurrency();
        boolean known = snapshot.hasStatus();
        header.show(s);
        balance.show(known ? Fmt.cents(s.getBalanceCents(), ccy) : "–");
        equity.show(known ? Fmt.cents(s.getEquityCents(), ccy) : "–");
        dayPnl.showSigned(known ? Fmt.signedCents(s.getDayPnlCents(), ccy) : "–", s.getDayPnlCents());
        vetoes.show(Fmt.count(s.getCounters().getVetoes()));
        rejects.show(Fmt.count(s.getCounters().getRejects()));
        badEvents.show(Fmt.count(s.getCounters().getBadEvents()));
        rules.show(s.getCompliance(), ccy);
        vetoBreakdown.show(s.getVetoesList());
        day.show(s);
        navigator.show(s.getCompliance().getNavigator());
        latestEvents = s.getCompliance().getEventsList();
        eventFilter.showCounts(count(EventKind.VETO), count(EventKind.ACTION), count(EventKind.STATE),
                count(EventKind.WARNING), count(EventKind.OPERATOR));
        showEvents();
    }

    private long count(EventKind kind) {
        return latestEvents.stream().filter(kind).count();
    }

    private void showEvents() {
        events.show(latestEvents.stream().filter(eventFilter.value()).toList());
    }
}
