package com.vproptrader.ui.views.compliance;

import com.vproptrader.ui.views.StatusBadge.Tone;
import java.util.Locale;

/**
 * A rule's fill bar, drawn on the server as SVG (a client-side widget would need an npm build): the used
 * share in the gauge's colour over a grey track, with ticks where the bar turns amber and red.
 */
final class HeadroomBar {

    private HeadroomBar() {
    }

    static String svg(RuleGauge gauge) {
        double w = 100 * gauge.used();
        StringBuilder s = new StringBuilder(512);
        s.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 8' preserveAspectRatio='none' width='100%' height='10'")
                .append(" role='img' aria-label='").append(gauge.usedText()).append("' class='headroom-bar'>");
        s.append("<rect x='0' y='0' width='100' height='8' rx='2' fill='#8882'/>");
        s.append(String.format(Locale.ROOT, "<rect class='used' x='0' y='0' width='%.2f' height='8' rx='2' fill='%s'/>",
                w, colour(gauge.tone())));
        if (gauge.kind() != RuleGauge.Kind.TARGET) {
            for (double at : new double[] {RuleGauge.WATCH_FROM, RuleGauge.NEAR_FROM}) {
                s.append(String.format(Locale.ROOT,
                        "<line x1='%.1f' x2='%.1f' y1='0' y2='8' stroke='#fff' stroke-width='0.6' vector-effect='non-scaling-stroke'/>",
                        at * 100, at * 100));
            }
        }
        return s.append("</svg>").toString();
    }

    static String colour(Tone tone) {
        return switch (tone) {
            case GOOD -> "#2aa876";
            case WARN -> "#e0a100";
            case BAD -> "#e5484d";
            case NEUTRAL -> "#1676f3";
        };
    }
}
