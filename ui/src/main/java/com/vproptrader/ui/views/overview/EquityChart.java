package com.vproptrader.ui.views.overview;

import com.vaadin.flow.component.html.Div;
import com.vproptrader.proto.EquityPoint;
import com.vproptrader.ui.views.Fmt;
import java.util.List;
import java.util.Locale;

/**
 * Equity (solid) and balance (dashed) over time, drawn on the server as SVG. Server-side on purpose: a
 * client-side chart library would need an npm frontend build, and the UI runs on Vaadin's pre-compiled
 * bundle. At most {@link #MAX_DRAWN} points are drawn (evenly picked, the newest always included).
 */
final class EquityChart extends Div {

    static final int MAX_DRAWN = 600;
    static final int WIDE = 1200;
    static final int NARROW = 560;
    private static final int H = 300;
    private static final int LEFT = 90;
    private static final int RIGHT = 10;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;

    /** A horizontal line at a money level, e.g. the pack's daily floor. */
    record Floor(String label, double level) {
    }

    private String drawn = "";
    private int width = WIDE;
    private List<EquityPoint> points = List.of();
    private List<Floor> floors = List.of();

    EquityChart() {
        setId("equity-chart");
        setWidthFull();
        getElement().setProperty("innerHTML", svg(List.of()));
        // narrow windows get a narrower drawing, so the labels stay readable when scaled down to a phone
        addAttachListener(e -> {
            e.getUI().getPage().retrieveExtendedClientDetails(d -> fit(d.getWindowInnerWidth()));
            e.getUI().getPage().addBrowserWindowResizeListener(r -> fit(r.getWidth()));
        });
    }

    private void fit(int windowWidth) {
        int w = windowWidth < 800 ? NARROW : WIDE;
        if (w != width) {
            width = w;
            show(points, floors);
        }
    }

    void show(List<EquityPoint> points, List<Floor> floors) {
        this.points = points;
        this.floors = floors;
        getElement().setAttribute("data-points", Integer.toString(points.size()));
        String svg = svg(points, floors, width);
        if (!svg.equals(drawn)) {
            drawn = svg;
            getElement().setProperty("innerHTML", svg);
        }
    }

    static String svg(List<EquityPoint> all) {
        return svg(all, List.of(), WIDE);
    }

    static String svg(List<EquityPoint> all, List<Floor> floors, int W) {
        StringBuilder s = new StringBuilder(16_384);
        s.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ").append(W).append(' ').append(H)
                .append("' width='100%' role='img' aria-label='Equity curve' style='font: 13px sans-serif'>");
        s.append("<rect x='0' y='0' width='").append(W).append("' height='").append(H)
                .append("' fill='none'/>");
        if (all.size() < 2) {
            s.append("<text x='").append(W / 2).append("' y='").append(H / 2)
                    .append("' text-anchor='middle' fill='gray'>waiting for equity points…</text></svg>");
            return s.toString();
        }
        List<EquityPoint> pts = sample(all);
        long t0 = pts.get(0).getTimeMsc();
        long t1 = Math.max(t0 + 1, pts.get(pts.size() - 1).getTimeMsc());
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (EquityPoint p : pts) {
            lo = Math.min(lo, Math.min(p.getEquity(), p.getBalance()));
            hi = Math.max(hi, Math.max(p.getEquity(), p.getBalance()));
        }
        for (Floor f : floors) {
            lo = Math.min(lo, f.level());
            hi = Math.max(hi, f.level());
        }
        double pad = Math.max((hi - lo) * 0.05, Math.max(1e-9, Math.abs(hi) * 1e-5));
        lo -= pad;
        hi += pad;
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            double v = lo + (hi - lo) * i / 4;
            double y = TOP + plotH - plotH * (double) i / 4;
            s.append(String.format(Locale.ROOT,
                    "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#8884' stroke-width='1'/>"
                            + "<text x='%d' y='%.1f' text-anchor='end' fill='gray'>%s</text>",
                    LEFT, W - RIGHT, y, y, LEFT - 6, y + 4, Fmt.money(v, "")));
        }
        s.append(String.format(Locale.ROOT,
                "<text x='%d' y='%d' fill='gray'>%s</text><text x='%d' y='%d' text-anchor='end' fill='gray'>%s</text>",
                LEFT, H - 8, Fmt.serverTime(t0), W - RIGHT, H - 8, Fmt.serverTimeLabelled(t1)));
        s.append(String.format(Locale.ROOT, "<g transform='translate(%d,%d)'>"
                + "<line x1='0' x2='22' y1='-4' y2='-4' stroke='#2aa876' stroke-width='2'/>"
                + "<text x='26' y='0' fill='gray'>equity</text>"
                + "<line x1='80' x2='102' y1='-4' y2='-4' stroke='#1676f3' stroke-dasharray='4 3'/>"
                + "<text x='106' y='0' fill='gray'>balance</text></g>", W - RIGHT - 160, TOP + 14));
        for (Floor f : floors) {
            double y = TOP + plotH - plotH * (f.level() - lo) / (hi - lo);
            s.append(String.format(Locale.ROOT, "<line class='floor' x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#d33' "
                    + "stroke-dasharray='6 4' stroke-width='1.2'/><text x='%d' y='%.1f' fill='#d33'>%s %s</text>",
                    LEFT, W - RIGHT, y, y, LEFT + 4, y - 4, f.label(), Fmt.money(f.level(), "")));
        }
        s.append(polyline(pts, t0, t1, lo, hi, plotW, plotH, true, "#1676f3", "stroke-width='1.2' stroke-dasharray='4 3'"));
        s.append(polyline(pts, t0, t1, lo, hi, plotW, plotH, false, "#2aa876", "stroke-width='2'"));
        return s.append("</svg>").toString();
    }

    private static String polyline(List<EquityPoint> pts, long t0, long t1, double lo, double hi, int plotW, int plotH,
                                   boolean balance, String colour, String extra) {
        StringBuilder s = new StringBuilder("<polyline fill='none' stroke='").append(colour).append("' ").append(extra)
                .append(" class='").append(balance ? "balance" : "equity").append("' points='");
        for (EquityPoint p : pts) {
            double x = LEFT + plotW * (double) (p.getTimeMsc() - t0) / (t1 - t0);
            double v = balance ? p.getBalance() : p.getEquity();
            double y = TOP + plotH - plotH * (v - lo) / (hi - lo);
            s.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return s.append("'/>").toString();
    }

    private static List<EquityPoint> sample(List<EquityPoint> all) {
        if (all.size() <= MAX_DRAWN) {
            return all;
        }
        java.util.ArrayList<EquityPoint> out = new java.util.ArrayList<>(MAX_DRAWN);
        double step = (all.size() - 1) / (double) (MAX_DRAWN - 1);
        for (int i = 0; i < MAX_DRAWN; i++) {
            out.add(all.get((int) Math.round(i * step)));
        }
        return out;
    }
}
