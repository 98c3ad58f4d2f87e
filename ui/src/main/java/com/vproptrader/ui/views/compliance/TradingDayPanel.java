package com.vproptrader.ui.views.compliance;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import com.vproptrader.proto.Compliance;
import com.vproptrader.proto.Status;
import com.vproptrader.ui.views.Fmt;
import java.time.Duration;

/**
 * Today's anchor (balance and equity at the day start), when the day started and when it resets, in
 * broker server time, the firm's reset zone, and the trading days counted toward the minimum.
 */
final class TradingDayPanel extends Div {

    private final Span anchorBalance = Panel.value("compliance-anchor-balance");
    private final Span anchorEquity = Panel.value("compliance-anchor-equity");
    private final Span dayStart = Panel.value("compliance-day-start");
    private final Span nextReset = Panel.value("compliance-next-reset");
    private final Span resetIn = new Span();
    private final Span zone = Panel.value("compliance-reset-zone");
    private final Span days = Panel.value("compliance-trading-days");
    private final ProgressBar daysBar = new ProgressBar(0, 1, 0);

    TradingDayPanel() {
        resetIn.setId("compliance-reset-in");
        resetIn.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        for (Span fixed : new Span[] {anchorBalance, anchorEquity, dayStart, nextReset, days, resetIn}) {
            fixed.getStyle().set("white-space", "nowrap");
        }
        zone.getStyle().set("overflow-wrap", "anywhere");
        daysBar.setId("compliance-trading-days-bar");
        daysBar.getStyle().set("margin-top", "var(--lumo-space-s)");
        Div rows = new Div(
                row("Anchor balance", anchorBalance),
                row("Anchor equity", anchorEquity),
                row("Day started", dayStart),
                row("Next reset", nextReset, resetIn),
                row("Firm's reset zone", zone),
                row("Trading days", days));
        rows.getStyle().set("display", "grid").set("grid-template-columns", "auto minmax(0, 1fr)").set("gap", "var(--lumo-space-xs) var(--lumo-space-m)")
                .set("align-items", "baseline");
        Div panel = Panel.of("Trading day · broker server time", rows, daysBar);
        panel.setSizeFull();
        add(panel);
        setId("compliance-day");
        getStyle().set("min-width", "0");
    }

    void show(Status s) {
        Compliance c = s.getCompliance();
        String ccy = s.getAccount().getCurrency();
        boolean known = s.hasCompliance() && c.getDayStartMsc() != 0;
        anchorBalance.setText(known ? Fmt.cents(c.getDayStartBalanceCents(), ccy) : "–");
        anchorEquity.setText(known ? Fmt.cents(c.getDayStartEquityCents(), ccy) : "–");
        dayStart.setText(known ? Fmt.serverTime(c.getDayStartMsc()) : "–");
        nextReset.setText(c.getNextResetMsc() == 0 ? "–" : Fmt.serverTime(c.getNextResetMsc()));
        long serverNow = s.getAccount().getServerTimeMsc() != 0 ? s.getAccount().getServerTimeMsc() : s.getLastEventServerTimeMsc();
        resetIn.setText(c.getNextResetMsc() == 0 || serverNow == 0 ? "" : in(c.getNextResetMsc() - serverNow));
        zone.setText(c.getResetZone().isEmpty() ? "–" : c.getResetZone());
        int required = c.getTradingDaysRequired();
        days.setText(!s.hasCompliance() ? "–" : required == 0 ? c.getTradingDays() + " (no minimum)"
                : c.getTradingDays() + " / " + required + (c.getTradingDays() >= required ? " · met" : ""));
        daysBar.setValue(required == 0 ? (s.hasCompliance() ? 1 : 0) : Math.min(1, c.getTradingDays() / (double) required));
        if (required > 0 && c.getTradingDays() >= required) {
            daysBar.addThemeVariants(ProgressBarVariant.LUMO_SUCCESS);
        } else {
            daysBar.removeThemeVariants(ProgressBarVariant.LUMO_SUCCESS);
        }
    }

    private static String in(long ms) {
        if (ms <= 0) {
            return "due";
        }
        Duration d = Duration.ofMillis(ms);
        return d.toHours() > 0 ? "in " + d.toHours() + " h " + d.toMinutesPart() + " min" : "in " + d.toMinutes() + " min";
    }

    private static Div row(String caption, Span... values) {
        Div v = new Div(values);
        v.getStyle().set("display", "flex").set("gap", "0 var(--lumo-space-s)").set("align-items", "baseline").set("flex-wrap", "wrap")
                .set("min-width", "0");
        Span c = new Span(caption);
        c.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div pair = new Div(c, v);
        pair.getStyle().set("display", "contents");
        return pair;
    }
}
