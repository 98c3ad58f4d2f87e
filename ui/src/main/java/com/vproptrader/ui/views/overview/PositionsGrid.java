package com.vproptrader.ui.views.overview;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vproptrader.proto.Position;
import com.vproptrader.ui.views.Fmt;
import java.util.List;

/** Open positions as the terminal reports them. */
final class PositionsGrid extends Grid<Position> {

    private List<Position> currentItems = List.of();

    PositionsGrid() {
        super(Position.class, false);
        setId("positions-grid");
        addColumn(Position::getTicket).setHeader("Ticket").setAutoWidth(true);
        addColumn(Position::getSymbol).setHeader("Symbol").setAutoWidth(true);
        addColumn(p -> p.getSide().name()).setHeader("Side").setAutoWidth(true);
        addColumn(p -> Fmt.lots(p.getVolume())).setHeader("Lots").setAutoWidth(true);
        addColumn(p -> Fmt.price(p.getOpenPrice())).setHeader("Open").setAutoWidth(true);
        addColumn(p -> Fmt.price(p.getSl())).setHeader("SL").setAutoWidth(true);
        addColumn(p -> Fmt.price(p.getTp())).setHeader("TP").setAutoWidth(true);
        addColumn(p -> Fmt.signedMoney(p.getProfit() + p.getSwap() + p.getCommission(), "")).setHeader("P/L")
                .setAutoWidth(true);
        addColumn(p -> Fmt.serverTime(p.getOpenTimeMsc())).setHeader("Opened (server)").setAutoWidth(true);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
    }

    void show(List<Position> positions) {
        if (!positions.equals(currentItems)) {
            currentItems = positions;
            setItems(positions);
        }
        getElement().setAttribute("data-rows", Integer.toString(positions.size()));
    }
}
