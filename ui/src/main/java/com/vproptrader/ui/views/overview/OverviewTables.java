package com.vproptrader.ui.views.overview;

import com.vaadin.flow.component.grid.Grid;
import com.vproptrader.proto.ComplianceEvent;
import com.vproptrader.proto.ComplianceEventKind;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.TradeRecord;
import com.vproptrader.ui.views.Fmt;
import com.vproptrader.ui.views.Tables;
import java.util.List;

/** The Overview's three small tables: latest prices, recent closed trades, latest vetoes and refusals. */
final class OverviewTables {

    static final int RECENT = 12;

    private OverviewTables() {
    }

    static Grid<Tick> prices() {
        Grid<Tick> g = Tables.grid(Tick.class, "prices-grid", "No prices yet: the terminal has sent no tick");
        g.addColumn(Tick::getSymbol).setHeader("Symbol").setAutoWidth(true);
        g.addColumn(t -> Fmt.quote(t.getBid())).setHeader("Bid").setAutoWidth(true);
        g.addColumn(t -> Fmt.quote(t.getAsk())).setHeader("Ask").setAutoWidth(true);
        g.addColumn(t -> Fmt.quote(t.getAsk() - t.getBid())).setHeader("Spread").setAutoWidth(true);
        g.addColumn(t -> Fmt.serverTime(t.getTimeMsc())).setHeader("Time (server)").setAutoWidth(true);
        return g;
    }

    static Grid<TradeRecord> trades(String id) {
        Grid<TradeRecord> g = Tables.grid(TradeRecord.class, id, "No closed trades yet");
        g.addColumn(t -> Fmt.serverTime(t.getCloseTimeMsc())).setHeader("Closed (server)").setAutoWidth(true);
        g.addColumn(TradeRecord::getSymbol).setHeader("Symbol").setAutoWidth(true);
        g.addColumn(t -> t.getSide().name()).setHeader("Side").setAutoWidth(true);
        g.addColumn(TradeRecord::getAlpha).setHeader("Alpha").setAutoWidth(true);
        g.addColumn(TradeRecord::getRegime).setHeader("Regime").setAutoWidth(true);
        g.addColumn(t -> Fmt.lots(t.getVolume())).setHeader("Lots").setAutoWidth(true);
        g.addColumn(t -> Fmt.signedDecimal(t.getPnl())).setHeader("P/L").setAutoWidth(true);
        g.addColumn(t -> Fmt.ratio(t.getRMultiple())).setHeader("R").setAutoWidth(true);
        g.addColumn(TradeRecord::getExitReason).setHeader("Exit").setAutoWidth(true);
        return g;
    }

    static Grid<ComplianceEvent> vetoes() {
        Grid<ComplianceEvent> g = Tables.grid(ComplianceEvent.class, "vetoes-grid", "No veto or refusal yet");
        g.addColumn(e -> Fmt.serverTime(e.getTimeMsc())).setHeader("Time (server)").setAutoWidth(true);
        g.addColumn(ComplianceEvent::getSymbol).setHeader("Symbol").setAutoWidth(true);
        g.addColumn(ComplianceEvent::getReasonCode).setHeader("Reason").setAutoWidth(true);
        g.addColumn(ComplianceEvent::getDetail).setHeader("Detail").setFlexGrow(1);
        return g;
    }

    /** Governor vetoes and actions, newest first (the host keeps a bounded list, oldest first). */
    static List<ComplianceEvent> latestVetoes(List<ComplianceEvent> events) {
        List<ComplianceEvent> out = new java.util.ArrayList<>();
        for (int i = events.size() - 1; i >= 0 && out.size() < RECENT; i--) {
            ComplianceEventKind k = events.get(i).getKind();
            if (k == ComplianceEventKind.EVENT_VETO || k == ComplianceEventKind.EVENT_ACTION) {
                out.add(events.get(i));
            }
        }
        return out;
    }
}
