package com.vproptrader.ui.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A labelled figure (shared by the pages); the value span carries {@code id} so tests and operators can find it. */
public final class StatTile extends Div {

    private final Span value = new Span("–");

    public StatTile(String label, String id) {
        Span caption = new Span(label);
        caption.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)")
                .set("text-transform", "uppercase").set("letter-spacing", "0.05em");
        value.setId(id);
        value.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600")
                .set("font-variant-numeric", "tabular-nums");
        add(caption, value);
        addClassName("vpt-tile");
        getStyle().set("display", "flex").set("flex-direction", "column").set("min-width", "9em")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-contrast-5pct)");
    }

    /** A smaller value, for pages that show many tiles in one row. */
    public StatTile compact() {
        value.getStyle().set("font-size", "var(--lumo-font-size-l)").set("white-space", "nowrap");
        return this;
    }

    public void show(String text) {
        value.setText(text);
    }

    /** Colours the value by sign: green above zero, red below. */
    public void showSigned(String text, double sign) {
        value.setText(text);
        value.getStyle().set("color", sign > 0 ? "var(--lumo-success-text-color)"
                : sign < 0 ? "var(--lumo-error-text-color)" : "var(--lumo-body-text-color)");
    }
}
