package com.vproptrader.ui.views.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.EquityPoint;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EquityChartTest {

    private static EquityPoint point(long t, double balance, double equity) {
        return EquityPoint.newBuilder().setTimeMsc(t).setBalance(balance).setEquity(equity).build();
    }

    @Test
    void svg_withFewerThanTwoPoints_saysItIsWaiting() {
        assertThat(EquityChart.svg(List.of(point(1, 100, 100)))).contains("waiting for equity points").doesNotContain("polyline");
    }

    @Test
    void svg_drawsEquityAndBalanceInsideThePlot() {
        String svg = EquityChart.svg(List.of(point(0, 100, 90), point(1000, 100, 110)));
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("class='equity'", "class='balance'");
        // first equity point lowest (bottom of the plot area), last highest (top)
        String equity = svg.substring(svg.indexOf("class='equity' points='") + 23);
        String[] xy = equity.substring(0, equity.indexOf('\'')).trim().split(" ");
        assertThat(xy).hasSize(2);
        double y0 = Double.parseDouble(xy[0].split(",")[1]);
        double y1 = Double.parseDouble(xy[1].split(",")[1]);
        assertThat(y0).isGreaterThan(y1);
        assertThat(Double.parseDouble(xy[0].split(",")[0])).isEqualTo(90.0);
    }

    @Test
    void svg_ofALongSeries_drawsAtMostMaxDrawnPoints() {
        List<EquityPoint> many = IntStream.range(0, 5000).mapToObj(i -> point(i * 1000L, 100, 100 + i % 17)).toList();
        String svg = EquityChart.svg(many);
        String equity = svg.substring(svg.indexOf("class='equity' points='") + 23);
        assertThat(equity.substring(0, equity.indexOf('\'')).trim().split(" ")).hasSize(EquityChart.MAX_DRAWN);
    }

    @Test
    void svg_ofAFlatSeries_doesNotDivideByZero() {
        String svg = EquityChart.svg(List.of(point(5, 100, 100), point(5, 100, 100)));
        assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
    }
}
