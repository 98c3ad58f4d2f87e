package com.vproptrader.ui.views.learning;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vproptrader.proto.ModelVersionInfo;
import com.vproptrader.ui.views.Fmt;
import java.util.List;
import java.util.Locale;

/** Every registered model version with its out-of-sample evidence, newest first. */
final class VersionsGrid extends Grid<ModelVersionInfo> {
    private List<ModelVersionInfo> shown = List.of();

    VersionsGrid() {
        super(ModelVersionInfo.class, false);
        setId("versions-grid");
        addColumn(ModelVersionInfo::getId).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        addColumn(ModelVersionInfo::getFamily).setHeader("Model").setAutoWidth(true).setFlexGrow(0);
        addColumn(ModelVersionInfo::getState).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        addColumn(v -> f4(v.getOosAuc())).setHeader("OOS AUC").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        addColumn(v -> f4(v.getOosLogLoss())).setHeader("Log loss").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        addColumn(v -> f4(v.getOosBrier())).setHeader("Brier").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        addColumn(v -> v.getWfTrades() == 0 ? "–" : String.format(Locale.ROOT, "%d trades %+.1f R, Sharpe %s, win %s",
                v.getWfTrades(), v.getWfPnlR(), f2(v.getWfSharpe()), pct(v.getWfWinRate())))
                .setHeader("Walk-forward trading").setAutoWidth(true);
        addColumn(v -> Fmt.count(v.getOosRows())).setHeader("OOS rows").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        addColumn(v -> Fmt.count(v.getTrainRows())).setHeader("Trained on").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        addColumn(v -> Fmt.utc(v.getTrainFromMs()) + " → " + Fmt.utc(v.getTrainToMs())).setHeader("Window (UTC)")
                .setAutoWidth(true);
        addColumn(v -> String.format(Locale.ROOT, "%.1e", v.getExportDiff())).setHeader("ONNX diff").setAutoWidth(true);
        addColumn(ModelVersionInfo::getParent).setHeader("Parent").setAutoWidth(true);
        addColumn(ModelVersionInfo::getPublishedAs).setHeader("Served as").setAutoWidth(true);
        addColumn(ModelVersionInfo::getReason).setHeader("Why").setWidth("20em").setFlexGrow(1);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
    }

    void show(List<ModelVersionInfo> oldestFirst) {
        List<ModelVersionInfo> newestFirst = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(newestFirst);
        if (!newestFirst.equals(shown)) {
            String selected = getSelectedItems().stream().findFirst().map(ModelVersionInfo::getId).orElse(null);
            shown = newestFirst;
            setItems(newestFirst);
            newestFirst.stream().filter(v -> v.getId().equals(selected)).findFirst().ifPresent(this::select);
        }
        getElement().setAttribute("data-rows", Integer.toString(newestFirst.size()));
        getElement().setAttribute("data-states", newestFirst.stream().map(v -> v.getId() + "=" + v.getState())
                .collect(java.util.stream.Collectors.joining(",")));
    }

    private static String f2(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    private static String f4(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }
}
