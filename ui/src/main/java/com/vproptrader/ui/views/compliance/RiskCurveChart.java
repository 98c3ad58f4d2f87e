package com.vproptrader.ui.views.compliance;

import com.vaadin.flow.component.html.Div;
import com.vproptrader.proto.ChallengeForecast;
import com.vproptrader.proto.RiskPoint;
import java.util.List;
import java.util.Locale;

/**
 * The navigator's risk curve: probability of passing (with its 95% interval as a bar) against risk per trade,
 * the advised level ringed, drawn on the server as SVG like the equity chart.
 */
final class RiskCurveChart extends Div {
    private static final int W = 520;
    private static final int H = 220;
    private static final int LEFT = 46;
    private static final int RIGHT = 14;
    private static final int TOP = 12;
    private static final int BOTTOM = 34;
    private String drawn = "";

    RiskCurveChart() {
        setId("navigator-risk-curve");
        setWidthFull();
        getStyle().set("max-width", W + "px");
        getElement().setProperty("innerHTML", svg(ChallengeForecast.getDefaultInstance()));
    }

    /** Redraws only when the picture changes (the forecast's time alone does not). */
    void show(ChallengeForecast f) {
        String picture = svg(f);
        if (!picture.equals(drawn)) {
            drawn = picture;
            getElement().setAttribute("data-points", Integer.toString(f.getRiskCurveCount()));
            getElement().setProperty("innerHTML", picture);
        }
    }

    static String svg(ChallengeForecast f) {
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ").append(W).append(' ').append(H)
                .append("' width='100%' role='img' aria-label='Pass probability against risk per trade'"
                        + " style='font: 11px sans-serif'>");
        List<RiskPoint> pts = f.getRiskCurveList();
        if (pts.isEmpty()) {
            return s.append("<text x='").append(W / 2).append("' y='").append(H / 2)
                    .append("' text-anchor='middle' fill='gray'>waiting for the first simulation…</text></svg>").toString();
        }
        double x0 = pts.get(0).getRiskPct();
        double x1 = Math.max(x0 + 1e-9, pts.get(pts.size() - 1).getRiskPct());
        double pad = pts.size() == 1 ? 0.25 : (x1 - x0) * 0.08;
        x0 = Math.max(0, x0 - pad);
        x1 += pad;
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4.0;
            s.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#8884'/>"
                    + "<text x='%d' y='%.1f' text-anchor='end' fill='gray'>%d%%</text>", LEFT, W - RIGHT, y, y,
                    LEFT - 6, y + 4, i * 25));
        }
        StringBuilder line = new StringBuilder();
        for (RiskPoint p : pts) {
            double x = LEFT + plotW * (p.getRiskPct() - x0) / (x1 - x0);
            double y = TOP + plotH * (1 - p.getPass().getEstimate());
            double yLow = TOP + plotH * (1 - p.getPass().getLow());
            double yHigh = TOP + plotH * (1 - p.getPass().getHigh());
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            s.append(String.format(Locale.ROOT, "<line class='interval' x1='%.1f' x2='%.1f' y1='%.1f' y2='%.1f'"
                    + " stroke='#1676f3' stroke-width='3' stroke-opacity='0.35'/>", x, x, yLow, yHigh));
            s.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' text-anchor='middle' fill='gray'>%s%%</text>",
                    x, H - BOTTOM + 16, pct(p.getRiskPct())));
            boolean advised = Math.abs(p.getRiskPct() - f.getAdvisedRiskPct()) < 1e-9;
            s.append(String.format(Locale.ROOT, "<circle class='%s' cx='%.1f' cy='%.1f' r='%d' fill='%s'"
                            + " stroke='#2aa876' stroke-width='2'><title>%s%% per trade: P(pass) %.1f%%</title></circle>",
                    advised ? "point advised" : "point", x, y, advised ? 7 : 4, advised ? "white" : "#2aa876",
                    pct(p.getRiskPct()), p.getPass().getEstimate() * 100));
        }
        s.append("<polyline fill='none' stroke='#2aa876' stroke-width='2' points='").append(line).append("'/>");
        s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle' fill='gray'>risk per trade"
                + " (%% of balance) · ring = advised</text>", LEFT + plotW / 2, H - 4));
        return s.append("</svg>").toString();
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
