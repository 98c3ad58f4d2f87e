package com.vproptrader.ui.views.overview;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vproptrader.proto.PositionView;
import com.vproptrader.ui.views.Fmt;
import java.util.List;

/** Open positions as the terminal reports them, their P/L in exact cents. */
final class PositionsGrid extends Grid<PositionView> {

    private List<PositionView> currentItems = List.of();

    PositionsGrid() {
        super(PositionView.class, false);
        setId("positions-grid");
        addColumn(v -> v.getPosition().getTicket()).setHeader("Ticket").setAutoWidth(true);
        addColumn(v -> v.getPosition().getSymbol()).setHeader("Symbol").setAutoWidth(true);
        addColumn(v -> v.getPosition().getSide().name()).setHeader("Side").setAutoWidth(true);
        addColumn(v -> Fmt.lots(v.getPosition().getVolume())).setHeader("Lots").setAutoWidth(true);
        addColumn(v -> Fmt.price(v.getPosition().getOpenPrice())).setHeader("Open").setAutoWidth(true);
        addColumn(v -> Fmt.price(v.getPosition().getSl())).setHeader("SL").setAutoWidth(true);
        addColumn(v -> Fmt.price(v.getPosition().getTp())).setHeader("TP").setAutoWidth(true);
        addColumn(v -> Fmt.signedCents(v.getNetCents(), "")).setHeader("P/L")
                .setAutoWidth(true);
        addColumn(v -> Fmt.serverTime(v.getPosition().getOpenTimeMsc())).setHeader("Opened (server)").setAutoWidth(true);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
    }

    void show(List<PositionView> positions) {
        if (!positions.equals(currentItems)) {
            currentItems = positions;
            setItems(positions);
        }
        getElement().setAttribute("data-rows", Integer.toString(positions.size()));
    }
}
