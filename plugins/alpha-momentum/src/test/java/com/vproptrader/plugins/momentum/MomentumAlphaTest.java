package com.vproptrader.plugins.momentum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.AlphaOutput;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;
import org.junit.jupiter.api.Test;

class MomentumAlphaTest {
    private static final SymbolSpec EURUSD = SymbolSpec.newBuilder().setSymbol("EURUSD").setDigits(5).build();
    private static final SymbolSpec NAS100 = SymbolSpec.newBuilder().setSymbol("NAS100").setDigits(2).build();
    private final MomentumAlpha alpha = new MomentumAlpha(20, 60, 2.2);

    /**
     * 61 mids from {@code start}: 40 changes alternating +noise, -noise (no net move), then 20 changes of +step.
     * By hand: tick sigma = sqrt((40 noise² + 20 step²) / 60), move = 20 step, z = move / (sigma · √20).
     */
    private static AlphaInput path(SymbolSpec spec, double start, double noise, double step) {
        var in = AlphaInput.newBuilder().setSpec(spec);
        double mid = start;
        in.addMidHistory(mid);
        for (int i = 0; i < 40; i++) {
            mid += i % 2 == 0 ? noise : -noise;
            in.addMidHistory(mid);
        }
        for (int i = 0; i < 20; i++) {
            mid += step;
            in.addMidHistory(mid);
        }
        return in.build();
    }

    @Test
    void runOfTicksBeyondTheNoise_buys_withZAsComputedByHand() {
        // noise 2 points, trend 1 point a tick: sigma = sqrt(3) points, z = 20 / (sqrt(3)·sqrt(20)) = 2.582
        AlphaOutput out = alpha.evaluate(path(EURUSD, 1.10000, 2e-5, 1e-5));

        assertThat(out.getDirection()).isEqualTo(Side.BUY);
        assertThat(out.getStrength()).isCloseTo(2.5820 / 4.4, within(1e-4));
        assertThat(out.getReason()).isEqualTo("mom +2.58 sigma over 20 ticks (+20.0 pts, 1.73 pts a tick, threshold 2.20)");
    }

    @Test
    void theSameShapeOnAnIndex_votesTheSame_thoughItsPointsAreFortyTimesLarger() {
        AlphaOutput eur = alpha.evaluate(path(EURUSD, 1.10000, 2e-5, 1e-5));
        AlphaOutput nas = alpha.evaluate(path(NAS100, 18000.00, 0.80, 0.40)); // 80 and 40 points a tick

        assertThat(nas.getDirection()).isEqualTo(eur.getDirection());
        assertThat(nas.getStrength()).isCloseTo(eur.getStrength(), within(1e-9));
        assertThat(nas.getReason()).startsWith("mom +2.58 sigma");
    }

    @Test
    void aMoveThatIsLargeInPointsButOrdinaryForTheIndex_proposesNothing() {
        // 200 points over 20 ticks on an index whose ticks move 80 points: sigma = sqrt((40·0.96 + 20·0.01) / 60) = 0.802,
        // z = 2.0 / (0.802·sqrt(20)) = 0.56
        AlphaOutput out = alpha.evaluate(path(NAS100, 18000.00, 0.80 * Math.sqrt(1.5), 0.10));

        assertThat(out.getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
        assertThat(out.getReason()).isEqualTo("mom +0.56 sigma over 20 ticks, under the threshold 2.20");
    }

    @Test
    void belowThresholdReason_printsZToTwoDecimals_withItsSign() {
        assertThat(MomentumAlpha.signedHundredths(new StringBuilder(), 0.004)).hasToString("+0.00");
        assertThat(MomentumAlpha.signedHundredths(new StringBuilder(), 0.07)).hasToString("+0.07");
        assertThat(MomentumAlpha.signedHundredths(new StringBuilder(), -2.199)).hasToString("-2.20");
        assertThat(MomentumAlpha.signedHundredths(new StringBuilder(), 13.456)).hasToString("+13.46");
        assertThat(MomentumAlpha.signedHundredths(new StringBuilder(), -0.3)).hasToString("-0.30");
    }

    @Test
    void cleanFall_sellsAtFullStrength() {
        // a straight line: sigma = the step, z = -sqrt(20) = -4.47, beyond twice the threshold
        AlphaOutput out = alpha.evaluate(AlphaInput.newBuilder().setSpec(EURUSD)
                .addAllMidHistory(line(61, 1.10000, -1e-5)).build());

        assertThat(out.getDirection()).isEqualTo(Side.SELL);
        assertThat(out.getStrength()).isEqualTo(1.0);
    }

    @Test
    void pureNoise_proposesNothing_andSaysWhy() {
        AlphaOutput out = alpha.evaluate(path(EURUSD, 1.10000, 2e-5, 0));

        assertThat(out.getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
        assertThat(out.getStrength()).isZero();
        assertThat(out.getReason()).startsWith("mom +0.00 sigma");
    }

    @Test
    void tooShortHistory_isWarmingUp_untilTheNoiseWindowIsFull() {
        AlphaOutput out = alpha.evaluate(AlphaInput.newBuilder().setSpec(EURUSD)
                .addAllMidHistory(line(60, 1.1, 1e-5)).build());

        assertThat(out.getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
        assertThat(out.getReason()).isEqualTo("warming up: 60 of 61 mids");
    }

    @Test
    void flatOrNonFinitePrices_proposeNothing_neverThrow() {
        assertThat(alpha.evaluate(AlphaInput.newBuilder().setSpec(EURUSD).addAllMidHistory(line(61, 1.1, 0)).build())
                .getReason()).contains("no volatility");
        AlphaInput withNaN = path(EURUSD, 1.1, 2e-5, 1e-5).toBuilder().setMidHistory(60, Double.NaN).build();
        assertThat(alpha.evaluate(withNaN).getReason()).contains("non-finite");
        assertThat(alpha.evaluate(path(EURUSD, 1.1, 2e-5, 1e-5).toBuilder().clearSpec().build()).getDirection())
                .isEqualTo(Side.BUY); // the unit is the symbol's own noise: no point size needed to decide
        assertThat(alpha.evaluate(AlphaInput.getDefaultInstance())).isNotNull();
    }

    @Test
    void bundledConfig_isRead_andAsksForTicks() {
        MomentumAlpha bundled = new MomentumAlpha();

        assertThat(bundled.needs().getOnTicks()).isTrue();
        assertThat(bundled.evaluate(path(EURUSD, 1.10000, 2e-5, 1e-5)).getReason())
                .isEqualTo("mom +2.58 sigma over 20 ticks (+20.0 pts, 1.73 pts a tick, threshold 2.20)");
    }

    private static java.util.List<Double> line(int n, double start, double step) {
        var mids = new java.util.ArrayList<Double>();
        for (int i = 0; i < n; i++) {
            mids.add(start + step * i);
        }
        return mids;
    }
}
