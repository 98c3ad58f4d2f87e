package com.vproptrader.ui.views.plugins;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;

/** Filter choice and counts for the plugin list; fires {@link FilterChanged}, never filters by itself. */
final class PluginFilterBar extends Composite<HorizontalLayout> {

    private final Select<PluginFilter> filter = new Select<>();
    private final Span counts = new Span();

    PluginFilterBar() {
        filter.setId("plugin-filter");
        filter.setLabel("Show");
        filter.setItems(PluginFilter.values());
        filter.setItemLabelGenerator(PluginFilter::label);
        filter.setValue(PluginFilter.ALL);
        filter.addValueChangeListener(e -> fireEvent(new FilterChanged(this, e.getValue(), e.isFromClient())));
        counts.setId("plugin-counts");
        counts.getStyle().set("color", "var(--lumo-secondary-text-color)");
        getContent().add(filter, counts);
        getContent().setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    }

    void showCounts(int active, int quarantined, int total) {
        counts.setText(active + " active · " + quarantined + " quarantined · " + total + " versions known");
    }

    PluginFilter value() {
        return filter.getValue();
    }

    Registration addFilterChangedListener(ComponentEventListener<FilterChanged> listener) {
        return addListener(FilterChanged.class, listener);
    }

    /** The operator picked another filter. */
    static final class FilterChanged extends ComponentEvent<PluginFilterBar> {
        private final PluginFilter filter;

        FilterChanged(PluginFilterBar source, PluginFilter filter, boolean fromClient) {
            super(source, fromClient);
            this.filter = filter;
        }

        PluginFilter filter() {
            return filter;
        }
    }
}
