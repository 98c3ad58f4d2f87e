package com.vproptrader.ui.views.compliance;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vproptrader.proto.VetoCount;
import com.vproptrader.proto.VetoSource;
import com.vproptrader.ui.views.Fmt;
import java.util.List;
import java.util.Locale;

/** Vetoes since the host started, by source (guard, filter, sizing, governor) and reason: they sum to the tile. */
final class VetoBreakdown extends Div {
    private final Div rows = new Div();
    private List<VetoCount> shown = List.of();

    VetoBreakdown() {
        setId("veto-breakdown");
        rows.getStyle().set("display", "grid").set("grid-template-columns", "auto minmax(0, 1fr) auto")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-s)");
        Div panel = Panel.of("Vetoes by reason (since the host started)", rows);
        panel.setWidthFull();
        add(panel);
        setWidthFull();
    }

    void show(List<VetoCount> counts) {
        if (counts.equals(shown)) {
            return;
        }
        shown = counts;
        rows.removeAll();
        if (counts.isEmpty()) {
            rows.add(new Span("No vetoes yet"));
            return;
        }
        for (VetoCount c : counts) {
            Span count = new Span(Fmt.count(c.getCount()));
            count.getElement().setAttribute("data-veto", source(c.getSource()) + ":" + c.getCode());
            count.getStyle().set("text-align", "right").set("font-variant-numeric", "tabular-nums");
            rows.add(new Span(source(c.getSource())), new Span(c.getCode()), count);
        }
    }

    private static String source(VetoSource s) {
        return s.name().replace("VETO_", "").toLowerCase(Locale.ROOT);
    }
}
