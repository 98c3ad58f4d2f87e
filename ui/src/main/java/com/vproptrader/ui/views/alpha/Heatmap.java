package com.vproptrader.ui.views.alpha;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import com.vproptrader.proto.AlphaWeight;
import com.vproptrader.proto.BanditArm;
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
    private List<Object> drawn = List.of();

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
        show(trades, List.of(), List.of());
    }

    /**
     * As {@link #show(List)}, with each alpha's vote weight beside its name and, in each cell, the regime bandit's
     * posterior mean win probability of that alpha × column (an arm without closed trades shows its prior).
     */
    void show(List<TradeRecord> trades, List<BanditArm> arms, List<AlphaWeight> weights) {
        List<Object> now = List.of(trades, arms, weights);
        if (now.equals(drawn)) {
            return;
        }
        drawn = now;
        getElement().removeAllChildren();
        Map<String, Map<String, Cell>> cells = cells(trades, column);
        Map<String, Map<String, BanditArm>> posterior = new TreeMap<>();
        arms.forEach(a -> posterior.computeIfAbsent(a.getAlpha(), k -> new TreeMap<>()).put(a.getRegime(), a));
        Map<String, Double> weightOf = new TreeMap<>();
        weights.forEach(w -> weightOf.put(w.getAlpha(), w.getWeight()));
        TreeSet<String> rows = new TreeSet<>(cells.keySet());
        rows.addAll(posterior.keySet());
        getElement().setAttribute("data-alphas", Integer.toString(cells.size()));
        if (rows.isEmpty()) {
            getElement().appendChild(new Element("span").setText("No closed trades yet: the heatmap fills as trades close."));
            return;
        }
        TreeSet<String> columns = new TreeSet<>();
        posterior.values().forEach(r -> columns.addAll(r.keySet()));
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
        for (String alpha : rows) {
            Element tr = new Element("tr");
            Double weight = weightOf.get(alpha);
            tr.appendChild(th(weight == null ? alpha : alpha + String.format(Locale.ROOT, " · weight %.3f", weight)));
            Map<String, Cell> row = cells.getOrDefault(alpha, Map.of());
            for (String c : columns) {
                Cell cell = row.get(c);
                Element td = cell == null ? td("", "transparent") : link(alpha, c, cell, extreme);
                BanditArm arm = posterior.getOrDefault(alpha, Map.of()).get(c);
                if (arm != null) {
                    td.appendChild(posteriorLine(arm));
                }
                tr.appendChild(td);
            }
            table.appendChild(tr);
        }
        getElement().appendChild(table);
    }

    /** "P(win) 0.531 · Beta(27.0, 23.9)": the posterior mean the bandit draws around, and the Beta behind it. */
    private static Element posteriorLine(BanditArm arm) {
        Element div = new Element("div").setText(String.format(Locale.ROOT, "P(win) %.3f · Beta(%.1f, %.1f)",
                arm.getMean(), arm.getA(), arm.getB()));
        div.setAttribute("data-posterior", arm.getAlpha() + "|" + arm.getRegime());
        div.setAttribute("title", "regime bandit's posterior mean win probability, from " + arm.getTrades()
                + " closed trades of this alpha in this regime shrunk toward its own rate");
        div.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
        return div;
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
