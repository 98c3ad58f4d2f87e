package com.vproptrader.ui.views.learning;

import com.vaadin.flow.component.html.Div;
import com.vproptrader.proto.DriftPoint;
import com.vproptrader.ui.views.Fmt;
import java.util.List;
import java.util.Locale;

/**
 * Drift at each retrain: the largest feature PSI (solid) and the autoencoder's error ratio (dashed), each
 * against its threshold line (PSI 0.25, ratio 2); a point past either is drawn red. Server-side SVG.
 */
final class DriftChart extends Div {
    private static final int W = 600;
    private static final int H = 220;
    private static final int LEFT = 40;
    private static final int TOP = 14;
    private static final int BOTTOM = 30;
    static final double PSI_LINE = 0.25;
    static final double RATIO_LINE = 2.0;

    DriftChart() {
        setId("drift-chart");
        setWidth(W + "px");
        show(List.of());
    }

    void show(List<DriftPoint> points) {
        getElement().setAttribute("data-points", Integer.toString(points.size()));
        StringBuilder s = new StringBuilder(4_096);
        s.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ").append(W).append(' ').append(H)
                .append("' width='100%' role='img' aria-label='Drift' style='font: 11px sans-serif'>");
        if (points.isEmpty()) {
            s.append("<text x='").append(W / 2).append("' y='").append(H / 2)
                    .append("' text-anchor='middle' fill='gray'>no retrain yet</text></svg>");
            getElement().setProperty("innerHTML", s.toString());
            return;
        }
        double top = Math.max(RATIO_LINE * 1.25, points.stream()
                .mapToDouble(p -> Math.max(p.getMaxPsi(), p.getErrorRatio())).max().orElse(1) * 1.1);
        int plotW = W - LEFT - 10;
        int plotH = H - TOP - BOTTOM;
        for (double line : new double[] {PSI_LINE, RATIO_LINE}) {
            double y = TOP + plotH * (1 - line / top);
            s.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#e55' stroke-dasharray='2 3'/>"
                    + "<text x='%d' y='%.1f' text-anchor='end' fill='gray'>%.2f</text>", LEFT, W - 10, y, y, LEFT - 4, y + 4, line));
        }
        s.append(series(points, top, plotW, plotH, true)).append(series(points, top, plotW, plotH, false));
        s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' fill='gray'>%s</text>"
                + "<text x='%d' y='%d' text-anchor='end' fill='gray'>%s</text>"
                + "<text x='%d' y='%d' text-anchor='middle' fill='gray'>max PSI (solid) · reconstruction error ratio (dashed)</text>",
                LEFT, H - 8, Fmt.utc(points.get(0).getAtMs()), W - 10, H - 8,
                Fmt.utc(points.get(points.size() - 1).getAtMs()), W / 2, H - 8));
        getElement().setProperty("innerHTML", s.append("</svg>").toString());
    }

    private static String series(List<DriftPoint> points, double top, int plotW, int plotH, boolean psi) {
        StringBuilder line = new StringBuilder("<polyline fill='none' stroke='#1676f3' stroke-width='1.5' ")
                .append(psi ? "" : "stroke-dasharray='5 3' ").append("class='").append(psi ? "psi" : "ratio")
                .append("' points='");
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            DriftPoint p = points.get(i);
            double v = psi ? p.getMaxPsi() : p.getErrorRatio();
            double x = LEFT + (points.size() == 1 ? plotW / 2.0 : plotW * i / (double) (points.size() - 1));
            double y = TOP + plotH * (1 - v / top);
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            boolean over = psi ? v > PSI_LINE : v > RATIO_LINE;
            dots.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='3' fill='%s'><title>%s %s %.3f%s</title></circle>",
                    x, y, over ? "#e55" : "#1676f3", p.getVersion(), psi ? "max PSI" : "error ratio", v,
                    psi ? " (" + p.getWorstFeature() + ")" : ""));
        }
        return line.append("'/>").append(dots).toString();
    }
}
