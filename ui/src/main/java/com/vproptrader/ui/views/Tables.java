package com.vproptrader.ui.views;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;

/** How the pages' grids look and behave: compact, striped, all rows shown, an empty grid says why. */
public final class Tables {

    private Tables() {
    }

    /** A read-only grid with {@code id} that says {@code emptyText} when it has no rows. */
    public static <T> Grid<T> grid(Class<T> type, String id, String emptyText) {
        Grid<T> grid = new Grid<>(type, false);
        grid.setId(id);
        grid.setEmptyStateText(emptyText);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        return grid;
    }

    /** Replaces the rows when they changed (keeps scroll and selection otherwise); marks the row count. */
    public static <T> void show(Grid<T> grid, List<T> rows) {
        Object shown = ComponentUtil.getData(grid, "vpt-rows");
        if (!rows.equals(shown)) {
            grid.setItems(rows);
            ComponentUtil.setData(grid, "vpt-rows", List.copyOf(rows));
        }
        grid.getElement().setAttribute("data-rows", Integer.toString(rows.size()));
    }
}
