package com.vproptrader.ui.views.plugins;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.PluginState;
import com.vproptrader.ui.views.Fmt;
import com.vproptrader.ui.views.StatusBadge;
import java.util.List;

/** One row per plugin version the host knows. */
final class PluginsGrid extends Grid<PluginInfo> {

    private List<PluginInfo> shown = List.of();

    PluginsGrid() {
        super(PluginInfo.class, false);
        setId("plugins-grid");
        addColumn(PluginInfo::getPluginId).setHeader("Plugin").setAutoWidth(true).setFlexGrow(0);
        addColumn(PluginInfo::getVersion).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        addColumn(p -> Fmt.pluginKinds(p.getKindsList())).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        // A fixed width: auto width measures the first rows (ACTIVE) and cuts DISABLED and QUARANTINED off.
        addColumn(new ComponentRenderer<>(PluginsGrid::stateBadge)).setHeader("State").setWidth("10em").setFlexGrow(0);
        addColumn(PluginInfo::getReason).setHeader("Reason").setWidth("18em").setFlexGrow(1);
        addColumn(p -> Fmt.count(p.getCalls())).setHeader("Calls").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        addColumn(p -> Fmt.count(p.getFailures())).setHeader("Failures").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        addColumn(PluginInfo::getJar).setHeader("JAR").setWidth("14em").setFlexGrow(0);
        addColumn(p -> p.getShadow() ? "shadow: " + Fmt.count(p.getShadowAgreed()) + " / " + Fmt.count(p.getShadowCompared())
                + " agreed" : "").setHeader("Shadow").setAutoWidth(true).setFlexGrow(0);
        addColumn(p -> Fmt.utc(p.getSinceMs())).setHeader("Since").setAutoWidth(true).setFlexGrow(0);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
    }

    void show(List<PluginInfo> plugins) {
        if (!plugins.equals(shown)) {
            shown = plugins;
            setItems(plugins);
        }
        getElement().setAttribute("data-rows", Integer.toString(plugins.size()));
    }

    private static Span stateBadge(PluginInfo p) {
        StatusBadge badge = new StatusBadge("state-" + p.getPluginId() + "-" + p.getVersion());
        PluginState state = p.getState();
        badge.show(state == PluginState.PLUGIN_STATE_UNSPECIFIED ? "unknown" : state.name(), switch (state) {
            case ACTIVE -> StatusBadge.Tone.GOOD;
            case LOADING, DISABLED -> StatusBadge.Tone.WARN;
            case QUARANTINED -> StatusBadge.Tone.BAD;
            default -> StatusBadge.Tone.NEUTRAL;
        });
        return badge;
    }
}
