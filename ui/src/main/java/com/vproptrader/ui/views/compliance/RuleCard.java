package com.vproptrader.ui.views.compliance;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vproptrader.proto.RuleHeadroom;
import com.vproptrader.ui.views.Fmt;
import com.vproptrader.ui.views.StatusBadge;
import java.util.Locale;

/** One rule of the pack: status, description, fill bar, limit, current value and headroom (money and %). */
final class RuleCard extends Div {

    private final String idBase;
    private final Span title = new Span();
    private final StatusBadge status;
    private final Span description = new Span();
    private final Div bar = new Div();
    private final Span used = new Span();
    private final Span limit;
    private final Span current;
    private final Span headroom;
    private final Span headroomPct;
    private RuleHeadroom shown;
    private RuleGauge shownGauge;

    RuleCard(String rule) {
        idBase = "rule-" + safeId(rule);
        setId(idBase);
        addClassName("rule-card");
        getElement().setAttribute("data-rule", rule);
        status = new StatusBadge(idBase + "-status");
        title.setText(label(rule));
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-m)");
        Div top = new Div(title, status);
        top.getStyle().set("display", "flex").set("justify-content", "space-between").set("align-items", "center")
                .set("gap", "var(--lumo-space-s)");
        description.setId(idBase + "-description");
        description.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)")
                .set("min-height", "2.4em");
        used.setId(idBase + "-used");
        used.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
        limit = figure(idBase + "-limit");
        current = figure(idBase + "-current");
        headroom = figure(idBase + "-headroom");
        headroomPct = figure(idBase + "-headroom-pct");
        headroom.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("white-space", "nowrap");
        headroomPct.getStyle().set("font-weight", "400").set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)").set("white-space", "nowrap");
        Div headline = new Div(headroom, headroomPct);
        headline.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "baseline")
                .set("flex-wrap", "wrap");
        Div figures = new Div(cell("Limit", limit), cell("Current", current));
        figures.getStyle().set("display", "grid").set("grid-template-columns", "1fr 1fr").set("gap", "var(--lumo-space-s)")
                .set("margin-top", "var(--lumo-space-xs)");
        add(top, description, cell("Headroom", headline), bar, used, figures);
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("padding", "var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-base-color)").set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("box-shadow", "var(--lumo-box-shadow-xs)");
    }

    void show(RuleHeadroom rule, RuleGauge gauge, String ccy) {
        if (rule.equals(shown) && gauge.equals(shownGauge)) {
            return;  // the feed repeats unchanged rules several times a second
        }
        shown = rule;
        shownGauge = gauge;
        boolean counted = !RuleValues.money(rule);
        description.setText(rule.getDescription());
        status.show(gauge.label(), gauge.tone());
        bar.getElement().setProperty("innerHTML", HeadroomBar.svg(gauge));
        used.setText(gauge.usedText());
        limit.setText(counted ? Fmt.count(rule.getLimit()) : Fmt.money(RuleValues.limit(rule), ""));
        current.setText(rule.getNotStarted() ? "no trade yet"
                : counted ? Fmt.count(rule.getCurrent()) : Fmt.money(RuleValues.current(rule), ""));
        headroom.setText(counted ? Fmt.count(rule.getHeadroom()) : Fmt.money(RuleValues.headroom(rule), ccy));
        headroomPct.setText(counted ? "left" : String.format(Locale.ROOT, "%.2f%% of initial", rule.getHeadroomPct()));
        headroom.getStyle().set("color", HeadroomBar.colour(gauge.tone()));
        getStyle().set("border-top", "3px solid " + HeadroomBar.colour(gauge.tone()));
        getElement().setAttribute("data-kind", gauge.kind().name());
        getElement().setAttribute("data-tone", gauge.tone().name());
        getElement().setAttribute("data-used", String.format(Locale.ROOT, "%.3f", gauge.used()));
    }

    /** "daily_loss" → "Daily loss". */
    static String label(String rule) {
        String words = rule.replace('_', ' ').replace('-', ' ').trim();
        return words.isEmpty() ? "(unnamed rule)" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String safeId(String rule) {
        return rule.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    }

    private static Span figure(String id) {
        Span s = new Span("–");
        s.setId(id);
        s.getStyle().set("font-variant-numeric", "tabular-nums").set("font-weight", "600");
        return s;
    }

    private static Div cell(String caption, com.vaadin.flow.component.Component value) {
        Span c = new Span(caption);
        c.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xxs)")
                .set("color", "var(--lumo-secondary-text-color)").set("text-transform", "uppercase").set("letter-spacing", "0.05em");
        return new Div(c, value);
    }
}
