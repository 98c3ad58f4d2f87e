package com.vproptrader.ui.views.compliance;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vproptrader.proto.ComplianceEvent;
import com.vproptrader.ui.views.Fmt;
import com.vproptrader.ui.views.StatusBadge;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Vetoes, governor actions, engine state changes and warnings, newest first, with their reason codes. */
final class EventsGrid extends Grid<ComplianceEvent> {

    private List<ComplianceEvent> shown = List.of();

    EventsGrid() {
        super(ComplianceEvent.class, false);
        setId("compliance-events");
        addColumn(e -> Fmt.serverTime(e.getTimeMsc())).setHeader("Time (server)").setWidth("12rem").setFlexGrow(0);
        addColumn(new ComponentRenderer<>(EventsGrid::kindBadge)).setHeader("Kind").setWidth("6rem").setFlexGrow(0);
        addColumn(new ComponentRenderer<>(EventsGrid::code)).setHeader("Reason code").setWidth("13rem").setFlexGrow(0);
        addColumn(ComplianceEvent::getSymbol).setHeader("Symbol").setWidth("6rem").setFlexGrow(0);
        addColumn(ComplianceEvent::getDetail).setHeader("Detail").setWidth("12rem").setFlexGrow(1);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setHeight("18em");
        setEmptyStateText("No vetoes, actions, state changes or warnings yet");
    }

    /** Shows {@code events} (oldest first, as the host sends them) newest first. */
    void show(List<ComplianceEvent> events) {
        if (!events.equals(shown)) {
            shown = events;
            List<ComplianceEvent> newestFirst = new ArrayList<>(events);
            Collections.reverse(newestFirst);
            setItems(newestFirst);
        }
        getElement().setAttribute("data-rows", Integer.toString(events.size()));
    }

    private static Span kindBadge(ComplianceEvent e) {
        StatusBadge badge = new StatusBadge("event-kind-" + e.getTimeMsc());
        badge.getElement().removeAttribute("id");
        badge.show(EventKind.word(e.getKind()), switch (e.getKind()) {
            case EVENT_VETO -> StatusBadge.Tone.WARN;
            case EVENT_ACTION -> StatusBadge.Tone.BAD;
            default -> StatusBadge.Tone.NEUTRAL;
        });
        return badge;
    }

    private static Span code(ComplianceEvent e) {
        Span s = new Span(e.getReasonCode());
        s.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("font-weight", "600")
                .set("font-size", "var(--lumo-font-size-s)");
        return s;
    }
}
