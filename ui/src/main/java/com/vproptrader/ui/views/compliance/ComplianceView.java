package com.vproptrader.ui.views.compliance;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vproptrader.proto.Status;
import com.vproptrader.ui.feed.AdminSnapshot;
import com.vproptrader.ui.views.Fmt;
import com.vproptrader.ui.views.LiveBinding;
import com.vproptrader.ui.views.MainLayout;
import com.vproptrader.ui.views.StatusBadge;

/**
 * Prop-firm compliance at a glance. For now it shows what {@code Status} carries (engine state and reason,
 * day P/L, balance, equity, vetoes). The rule pack, per-rule limit / value / headroom, the day anchor and
 * reset time, and the list of vetoes and breaches wait for AdminService fields (issue 4); the page says so.
 */
@Route(value = "compliance", layout = MainLayout.class)
@PageTitle("Compliance · VPropTrader")
public final class ComplianceView extends VerticalLayout {

    private final StatusBadge engine = new StatusBadge("compliance-engine-state");
    private final Span reason = new Span();
    private final Span dayPnl = field("compliance-day-pnl");
    private final Span balance = field("compliance-balance");
    private final Span equity = field("compliance-equity");
    private final Span vetoes = field("compliance-vetoes");
    private final Span rejects = field("compliance-rejects");
    private final Span badEvents = field("compliance-bad-events");

    public ComplianceView() {
        setId("compliance-view");
        reason.setId("compliance-engine-reason");
        HorizontalLayout state = new HorizontalLayout(new Span("Engine"), engine, reason);
        state.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        FormLayout figures = new FormLayout();
        figures.addFormItem(dayPnl, "Day P/L");
        figures.addFormItem(balance, "Balance");
        figures.addFormItem(equity, "Equity");
        figures.addFormItem(vetoes, "Vetoes (filters + governors)");
        figures.addFormItem(rejects, "Broker rejects");
        figures.addFormItem(badEvents, "Refused inbound events");
        figures.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));

        add(state, figures, pendingNote());
        LiveBinding.bind(this, this::render);
    }

    private static Div pendingNote() {
        Div note = new Div();
        note.setId("compliance-pending-note");
        note.getStyle().set("border-left", "4px solid var(--lumo-primary-color)").set("padding", "0 var(--lumo-space-m)")
                .set("background", "var(--lumo-contrast-5pct)");
        UnorderedList missing = new UnorderedList(
                new ListItem("the active rule pack (firm, program, phase)"),
                new ListItem("each rule's limit, current value and headroom, in money and %"),
                new ListItem("today's anchor (balance/equity at day start) and the next reset time and zone"),
                new ListItem("vetoes and breaches with their reason codes, live"));
        note.add(new H2("Not shown yet"), new Paragraph("The host's AdminService does not report these yet "
                + "(they come with the governors of issue 4); this page will show them as soon as it does:"), missing);
        return note;
    }

    private static Span field(String id) {
        Span s = new Span("–");
        s.setId(id);
        s.getStyle().set("font-variant-numeric", "tabular-nums").set("font-weight", "600");
        return s;
    }

    private void render(AdminSnapshot snapshot) {
        Status s = snapshot.status();
        String ccy = s.getAccount().getCurrency();
        boolean known = snapshot.hasStatus();
        engine.show(s.getEngineState().isEmpty() ? "unknown" : s.getEngineState(), StatusBadge.engineTone(s.getEngineState()));
        reason.setText(s.getEngineReason());
        dayPnl.setText(known ? Fmt.signedMoney(s.getDayPnl(), ccy) : "–");
        balance.setText(known ? Fmt.money(s.getAccount().getBalance(), ccy) : "–");
        equity.setText(known ? Fmt.money(s.getAccount().getEquity(), ccy) : "–");
        vetoes.setText(Fmt.count(s.getCounters().getVetoes()));
        rejects.setText(Fmt.count(s.getCounters().getRejects()));
        badEvents.setText(Fmt.count(s.getCounters().getBadEvents()));
    }
}
