package com.vproptrader.ui.views.alpha;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import com.vproptrader.proto.TradeRecord;
import com.vproptrader.ui.views.Fmt;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Alpha (rows) × something (columns: symbol or regime) of closed trades: each cell is the expectancy (mean net
 * P/L per trade) with the trade count, green for positive and red for negative, stronger the further from zero
 * relative to the largest cell; a cell links to its trades.
 */
final class Heatmap extends Div {

    private final String columnName;
    private final String columnParam;
    private final Function<TradeRecord, String> column;
    private List<TradeRecord> drawn = List.of();

    record Cell(int trades, BigDecimal net) {
        double expectancy() {
            return trades == 0 ? 0 : net.doubleValue() / trades;
        }
    }

    Heatmap(String id, String columnName, String columnParam, Function<TradeRecord, String> column) {
        setId(id);
        this.columnName = columnName;
        this.columnParam = columnParam;
        this.column = column;
        getStyle().set("overflow-x", "auto").set("max-width", "100%");
    }

    /** alpha → column → cell. */
    static Map<String, Map<String, Cell>> cells(List<TradeRecord> trades, Function<TradeRecord, String> column) {
        Map<String, Map<String, Cell>> out = new TreeMap<>();
        for (TradeRecord t : trades) {
            String alpha = t.getAlpha().isEmpty() ? "(hand trade)" : t.getAlpha();
            BigDecimal pnl = t.getPnl().isEmpty() ? BigDecimal.ZERO : new BigDecimal(t.getPnl());
            out.computeIfAbsent(alpha, a -> new TreeMap<>()).merge(column.apply(t), new Cell(1, pnl),
                    (a, b) -> new Cell(a.trades() + b.trades(), a.net().add(b.net())));
        }
        return out;
    }

    void show(List<TradeRecord> trades) {
        if (trades.equals(drawn)) {
            return;
        }
        drawn = trades;
        getElement().removeAllChildren();
        Map<String, Map<String, Cell>> cells = cells(trades, column);
        getElement().setAttribute("data-alphas", Integer.toString(cells.size()));
        if (cells.isEmpty()) {
            getElement().appendChild(new Element("span").setText("No closed trades yet: the heatmap fills as trades close."));
            return;
        }
        TreeSet<String> columns = new TreeSet<>();
        double extreme = 1e-9;
        for (Map<String, Cell> row : cells.values()) {
            columns.addAll(row.keySet());
            for (Cell c : row.values()) {
                extreme = Math.max(extreme, Math.abs(c.expectancy()));
            }
        }
        Element table = new Element("table");
        table.getStyle().set("border-collapse", "collapse").set("font-size", "var(--lumo-font-size-s)");
        Element head = new Element("tr");
        head.appendChild(th("alpha \\ " + columnName));
        columns.forEach(c -> head.appendChild(th(c)));
        table.appendChild(head);
        for (Map.Entry<String, Map<String, Cell>> row : cells.entrySet()) {
            Element tr = new Element("tr");
            tr.appendChild(th(row.getKey()));
            for (String c : columns) {
                Cell cell = row.getValue().get(c);
                tr.appendChild(cell == null ? td("", "transparent") : link(row.getKey(), c, cell, extreme));
            }
            table.appendChild(tr);
        }
        getElement().appendChild(table);
    }

    private Element link(String alpha, String col, Cell cell, double extreme) {
        double strength = Math.min(1, Math.abs(cell.expectancy()) / extreme);
        String colour = String.format(Locale.ROOT, cell.expectancy() >= 0 ? "rgba(42,168,118,%.2f)" : "rgba(221,51,51,%.2f)",
                0.12 + 0.6 * strength);
        Element a = new Element("a").setText(Fmt.signedMoney(cell.expectancy(), "") + " · " + cell.trades());
        a.setAttribute("href", "trades?alpha=" + enc(alpha) + "&" + columnParam + "=" + enc(col));
        a.setAttribute("router-link", true);
        a.setAttribute("data-cell", alpha + "|" + col);
        a.getStyle().set("color", "var(--lumo-body-text-color)").set("text-decoration", "none");
        Element td = td("", colour);
        td.appendChild(a);
        return td;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Element th(String text) {
        Element th = new Element("th").setText(text);
        th.getStyle().set("text-align", "left").set("padding", "0.3em 0.6em").set("white-space", "nowrap");
        return th;
    }

    private static Element td(String text, String background) {
        Element td = new Element("td").setText(text);
        td.getStyle().set("background", background).set("padding", "0.3em 0.6em").set("white-space", "nowrap")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("font-variant-numeric", "tabular-nums");
        return td;
    }
}
