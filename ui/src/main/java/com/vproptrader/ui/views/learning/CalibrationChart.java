package com.vproptrader.ui.views.learning;

import com.vaadin.flow.component.html.Div;
import com.vproptrader.proto.CalibrationBin;
import java.util.List;
import java.util.Locale;

/**
 * Out-of-sample reliability of one version: predicted probability (x) against the share that reached TP1
 * first (y), one dot per bin sized by its entries, and the diagonal a calibrated model follows. Server-side
 * SVG like the other charts (no frontend build).
 */
final class CalibrationChart extends Div {
    private static final int S = 300;
    private static final int PAD = 34;

    CalibrationChart() {
        setId("calibration-chart");
        setWidth(S + "px");
        show("", List.of());
    }

    void show(String version, List<CalibrationBin> bins) {
        getElement().setAttribute("data-bins", Integer.toString(bins.size()));
        getElement().setAttribute("data-version", version);
        int plot = S - 2 * PAD;
        StringBuilder s = new StringBuilder(4_096);
        s.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ").append(S).append(' ').append(S)
                .append("' width='100%' role='img' aria-label='Calibration' style='font: 11px sans-serif'>");
        s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#8886'/>",
                PAD, PAD, plot, plot));
        s.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#8888' stroke-dasharray='4 3'/>",
                PAD, PAD + plot, PAD + plot, PAD));
        s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle' fill='gray'>predicted P(TP1 first)</text>"
                + "<text x='10' y='%d' fill='gray' transform='rotate(-90 10 %d)' text-anchor='middle'>observed</text>"
                + "<text x='%d' y='18' fill='gray'>%s</text>",
                S / 2, S - 8, S / 2, S / 2, PAD, version.isEmpty() ? "no version" : version));
        int max = bins.stream().mapToInt(CalibrationBin::getCount).max().orElse(1);
        for (CalibrationBin b : bins) {
            double x = PAD + plot * b.getPredicted();
            double y = PAD + plot * (1 - b.getObserved());
            double r = 3 + 7 * Math.sqrt(b.getCount() / (double) max);
            s.append(String.format(Locale.ROOT, "<circle class='bin' cx='%.1f' cy='%.1f' r='%.1f' fill='#1676f3aa'>"
                    + "<title>%.3f predicted, %.3f observed, %d entries</title></circle>",
                    x, y, r, b.getPredicted(), b.getObserved(), b.getCount()));
        }
        getElement().setProperty("innerHTML", s.append("</svg>").toString());
    }
}
