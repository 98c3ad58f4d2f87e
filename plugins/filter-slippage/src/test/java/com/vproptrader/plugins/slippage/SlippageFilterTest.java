package com.vproptrader.plugins.slippage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.proto.FillSlippage;
import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.FilterVerdict;
import com.vproptrader.proto.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlippageFilterTest {
    private final SlippageFilter filter = new SlippageFilter();

    private static FillSlippage fill(Side side, double spread, double slippage) {
        return FillSlippage.newBuilder().setSide(side).setSpreadAtSendPoints(spread).setSlippagePoints(slippage)
                .setVolumeLots(1).build();
    }

    /** Slippage = 0.5 + 0.2 x spread exactly, buys and sells alike, spreads 5..14. */
    private static List<FillSlippage> linearFills() {
        List<FillSlippage> fills = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double spread = 5 + i % 10;
            fills.add(fill(i % 2 == 0 ? Side.BUY : Side.SELL, spread, 0.5 + 0.2 * spread));
        }
        return fills;
    }

    private static FilterInput input(List<FillSlippage> fills, Side side, double spread, double edge) {
        return FilterInput.newBuilder().setDirection(side).setSpreadPoints(spread).setExpectedMovePoints(edge)
                .addAllOwnFills(fills).build();
    }

    @Test
    void model_recoversAnExactLine() {
        SlippageModel m = SlippageModel.fit(linearFills(), Side.BUY, 5);

        assertThat(m.slope()).isCloseTo(0.2, within(1e-9));
        assertThat(m.intercept()).isCloseTo(0.5, within(1e-9));
        assertThat(m.predict(10)).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void model_ignoresAnOutlierFill() {
        List<FillSlippage> fills = linearFills();
        fills.add(fill(Side.BUY, 14, 60)); // one news fill

        SlippageModel m = SlippageModel.fit(fills, Side.BUY, 5);

        assertThat(m.slope()).isCloseTo(0.2, within(0.02));
        assertThat(m.predict(10)).isCloseTo(2.5, within(0.2));
    }

    @Test
    void model_givesEachSideItsOwnIntercept() {
        List<FillSlippage> fills = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fills.add(fill(Side.BUY, 5 + i, 3));  // buys slip 3 points whatever the spread
            fills.add(fill(Side.SELL, 5 + i, 0)); // sells do not
        }

        assertThat(SlippageModel.fit(fills, Side.BUY, 5).predict(8)).isCloseTo(3, within(1e-9));
        assertThat(SlippageModel.fit(fills, Side.SELL, 5).predict(8)).isCloseTo(0, within(1e-9));
    }

    @Test
    void negativeSlope_isTakenAsZero() {
        List<FillSlippage> fills = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fills.add(fill(Side.BUY, 5 + i, 10 - i));
        }

        assertThat(SlippageModel.fit(fills, Side.BUY, 5).slope()).isZero();
    }

    @Test
    void predictedSlippageEatingTheEdge_isBlocked_withTheNumbers() {
        FilterVerdict v = filter.check(input(linearFills(), Side.BUY, 10, 4));

        assertThat(v.getPass()).isFalse();
        assertThat(v.getReason()).isEqualTo(
                "predicted slippage 2.5 pts > 50% of edge 4.0 pts (0.50 + 0.20 x spread 10.0, BUY fit on 20 fills)");
    }

    @Test
    void predictedSlippageWellInsideTheEdge_passes() {
        FilterVerdict v = filter.check(input(linearFills(), Side.SELL, 10, 12));

        assertThat(v.getPass()).isTrue();
        assertThat(v.getReason()).isEqualTo(
                "ok: predicted slippage 2.5 pts <= 50% of edge 12.0 pts (0.50 + 0.20 x spread 10.0, SELL fit on 20 fills)");
    }

    @Test
    void favourableSlippage_isNotAReasonToTrade_butNeverBlocks() {
        List<FillSlippage> fills = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            fills.add(fill(Side.BUY, 5 + i % 3, -2));
        }

        FilterVerdict v = filter.check(input(fills, Side.BUY, 6, 0.1));

        assertThat(v.getPass()).isTrue();
        assertThat(v.getReason()).startsWith("ok: predicted slippage 0.0 pts");
    }

    @Test
    void fewSideFills_fitOnBothSides() {
        List<FillSlippage> fills = linearFills().subList(0, 12);
        fills = new ArrayList<>(fills.stream().map(f -> f.toBuilder().setSide(Side.SELL).build()).toList());
        fills.add(fill(Side.BUY, 10, 2.5));

        FilterVerdict v = filter.check(input(fills, Side.BUY, 10, 4));

        assertThat(v.getReason()).contains("both sides, 1 BUY of 13 fills");
    }

    @Test
    void fewFillsOrNoEdge_passesAndSaysWhy() {
        assertThat(filter.check(input(linearFills().subList(0, 9), Side.BUY, 10, 4)).getReason())
                .isEqualTo("ok: only 9 own fills, no slippage model yet");
        assertThat(filter.check(input(linearFills(), Side.BUY, 10, 0)).getReason())
                .isEqualTo("ok: no edge given, slippage not judged");
    }

    @Test
    void onlyTheNewestWindowOfFillsCounts() {
        List<FillSlippage> fills = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            fills.add(fill(Side.BUY, 5 + i % 5, 20)); // an old, bad broker period
        }
        fills.addAll(linearFills());

        SlippageFilter lastTwenty = new SlippageFilter(20, 10, 5, 0.5);

        assertThat(lastTwenty.check(input(fills, Side.BUY, 10, 12)).getPass()).isTrue();
        assertThat(filter.check(input(fills, Side.BUY, 10, 12)).getPass()).isFalse();
    }
}
