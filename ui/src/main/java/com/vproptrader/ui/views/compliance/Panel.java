package com.vproptrader.ui.views.compliance;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

/** The page's card frame: a white panel with an optional small heading. */
final class Panel {

    private Panel() {
    }

    static Div of(String heading, Component... content) {
        Div panel = new Div();
        if (heading != null) {
            H3 h = new H3(heading);
            h.getStyle().set("font-size", "var(--lumo-font-size-s)").set("text-transform", "uppercase")
                    .set("letter-spacing", "0.06em").set("color", "var(--lumo-secondary-text-color)")
                    .set("margin", "0 0 var(--lumo-space-s) 0");
            panel.add(h);
        }
        panel.add(content);
        panel.getStyle().set("padding", "var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-base-color)").set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("box-shadow", "var(--lumo-box-shadow-xs)").set("box-sizing", "border-box");
        return panel;
    }

    /** A small grey caption. */
    static Span caption(String text) {
        Span c = new Span(text);
        c.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)")
                .set("text-transform", "uppercase").set("letter-spacing", "0.05em");
        return c;
    }

    /** A bold, tabular value with an id for tests. */
    static Span value(String id) {
        Span s = new Span("–");
        s.setId(id);
        s.getStyle().set("font-variant-numeric", "tabular-nums").set("font-weight", "600");
        return s;
    }
}
