package com.vproptrader.ui.views.learning;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.PluginState;
import com.vproptrader.ui.views.Fmt;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Shadow versions beside the version serving their plugin id: how often they agreed, and a promote button. */
final class ShadowsGrid extends Grid<ShadowsGrid.Row> {
    /** A running shadow and the serving version of the same id ("" when none serves). */
    record Row(PluginInfo shadow, String serving) {
    }

    private List<Row> shown = List.of();

    ShadowsGrid(Consumer<PluginInfo> promote) {
        super(Row.class, false);
        setId("shadows-grid");
        addColumn(r -> r.shadow().getPluginId()).setHeader("Plugin").setAutoWidth(true);
        addColumn(r -> Fmt.pluginKinds(r.shadow().getKindsList())).setHeader("Kind").setAutoWidth(true);
        addColumn(r -> r.shadow().getVersion()).setHeader("Shadow").setAutoWidth(true);
        addColumn(Row::serving).setHeader("Serving").setAutoWidth(true);
        addColumn(r -> Fmt.count(r.shadow().getShadowCompared())).setHeader("Compared").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        addColumn(r -> r.shadow().getShadowCompared() == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%",
                100.0 * r.shadow().getShadowAgreed() / r.shadow().getShadowCompared())).setHeader("Agreed")
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        addColumn(r -> String.format(Locale.ROOT, "%d (+%d open)", r.shadow().getWouldBeTrades(),
                r.shadow().getWouldBeOpen())).setHeader("Paper trades").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        addColumn(r -> r.shadow().getWouldBeTrades() == 0 ? "–" : String.format(Locale.ROOT, "%+.2f R, %.0f%% won",
                r.shadow().getWouldBePnlR(), 100 * r.shadow().getWouldBeWinRate())).setHeader("Would-be P&L")
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        addColumn(new ComponentRenderer<>(r -> {
            Button b = new Button("Promote", e -> promote.accept(r.shadow()));
            b.setId("promote-shadow-" + r.shadow().getPluginId());
            return b;
        })).setHeader("").setAutoWidth(true);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
    }

    void show(List<PluginInfo> plugins) {
        List<Row> rows = plugins.stream().filter(p -> p.getShadow() && p.getState() == PluginState.ACTIVE)
                .map(s -> new Row(s, plugins.stream().filter(p -> !p.getShadow() && p.getState() == PluginState.ACTIVE
                        && p.getPluginId().equals(s.getPluginId())).map(PluginInfo::getVersion).findFirst().orElse("")))
                .toList();
        if (!rows.equals(shown)) {
            shown = rows;
            setItems(rows);
        }
        getElement().setAttribute("data-rows", Integer.toString(rows.size()));
    }
}
