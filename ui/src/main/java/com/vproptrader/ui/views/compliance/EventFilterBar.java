package com.vproptrader.ui.views.compliance;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;

/** Filter choice and counts for the event list; fires {@link KindChanged}, never filters by itself. */
final class EventFilterBar extends Composite<HorizontalLayout> {

    private final Select<EventKind> kind = new Select<>();
    private final Span counts = new Span();

    EventFilterBar() {
        kind.setId("compliance-event-filter");
        kind.setItems(EventKind.values());
        kind.setItemLabelGenerator(EventKind::label);
        kind.setValue(EventKind.ALL);
        kind.addValueChangeListener(e -> fireEvent(new KindChanged(this, e.getValue(), e.isFromClient())));
        counts.setId("compliance-event-counts");
        counts.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        getContent().add(kind, counts);
        getContent().setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    }

    void showCounts(long vetoes, long actions, long states, long warnings, long operatorActions) {
        counts.setText(vetoes + " vetoes · " + actions + " actions · " + states + " state changes · " + warnings
                + " warnings · " + operatorActions + " operator actions");
    }

    EventKind value() {
        return kind.getValue();
    }

    Registration addKindChangedListener(ComponentEventListener<KindChanged> listener) {
        return addListener(KindChanged.class, listener);
    }

    /** The operator picked another kind of event to see. */
    static final class KindChanged extends ComponentEvent<EventFilterBar> {
        private final EventKind kind;

        KindChanged(EventFilterBar source, EventKind kind, boolean fromClient) {
            super(source, fromClient);
            this.kind = kind;
        }

        EventKind kind() {
            return kind;
        }
    }
}
