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
    private final MomentumAlpha alpha = new MomentumAlpha(20, 15);

    /** 21 mids moving linearly by {@code totalPoints} from 1.10000 (synthetic path). */
    private static AlphaInput move(double totalPoints, SymbolSpec spec) {
        var in = AlphaInput.newBuilder().setSpec(spec);
        for (int i = 0; i <= 20; i++) {
            in.addMidHistory(1.10000 + totalPoints * 1e-5 * i / 20);
        }
        return in.build();
    }

    @Test
    void riseBeyondThreshold_buys_withStrengthScaledByTheMove() {
        AlphaOutput out = alpha.evaluate(move(22.5, EURUSD));

        assertThat(out.getDirection()).isEqualTo(Side.BUY);
        assertThat(out.getStrength()).isCloseTo(0.75, within(1e-6));
        assertThat(out.getReason()).isEqualTo("mom +22.5 pts over 20 ticks (threshold 15.0)");
    }

    @Test
    void fallBeyondTwiceTheThreshold_sells_atFullStrength() {
        AlphaOutput out = alpha.evaluate(move(-40, EURUSD));

        assertThat(out.getDirection()).isEqualTo(Side.SELL);
        assertThat(out.getStrength()).isEqualTo(1.0);
    }

    @Test
    void moveBelowThreshold_proposesNothing_andSaysWhy() {
        AlphaOutput out = alpha.evaluate(move(10, EURUSD));

        assertThat(out.getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
        assertThat(out.getStrength()).isZero();
        assertThat(out.getReason()).startsWith("mom +10.0 pts");
    }

    @Test
    void pointsFollowTheSymbolDigits() {
        SymbolSpec usdjpy = SymbolSpec.newBuilder().setSymbol("USDJPY").setDigits(3).build();
        var in = AlphaInput.newBuilder().setSpec(usdjpy);
        for (int i = 0; i <= 20; i++) {
            in.addMidHistory(150.000 + 0.020 * i / 20); // +20 points of 0.001
        }

        AlphaOutput out = alpha.evaluate(in.build());

        assertThat(out.getDirection()).isEqualTo(Side.BUY);
        assertThat(out.getReason()).startsWith("mom +20.0 pts");
    }

    @Test
    void tooShortHistory_isWarmingUp() {
        AlphaOutput out = alpha.evaluate(AlphaInput.newBuilder().setSpec(EURUSD).addMidHistory(1.1).build());

        assertThat(out.getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
        assertThat(out.getReason()).isEqualTo("warming up: 1 of 21 mids");
    }

    @Test
    void missingSpecOrNonFinitePrice_proposesNothing_neverThrows() {
        assertThat(alpha.evaluate(move(50, SymbolSpec.getDefaultInstance())).getDirection())
                .isEqualTo(Side.SIDE_UNSPECIFIED);
        AlphaInput withNaN = move(50, EURUSD).toBuilder().setMidHistory(20, Double.NaN).build();
        assertThat(alpha.evaluate(withNaN).getReason()).contains("non-finite");
        assertThat(alpha.evaluate(AlphaInput.getDefaultInstance())).isNotNull();
    }

    @Test
    void bundledConfig_isRead_andAsksForTicks() {
        MomentumAlpha bundled = new MomentumAlpha();

        assertThat(bundled.needs().getOnTicks()).isTrue();
        assertThat(bundled.evaluate(move(22.5, EURUSD)).getReason()).isEqualTo("mom +22.5 pts over 20 ticks (threshold 15.0)");
    }
}
