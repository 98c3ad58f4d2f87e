package com.vproptrader.plugins.momentum;

import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.AlphaOutput;
import com.vproptrader.proto.Side;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Tick momentum: the move of the mid over the last {@code lookback} ticks, in points of the symbol
 * (1 point = 10^-digits). Beyond {@code thresholdPoints} it proposes that direction, with a strength of
 * 0.5 at the threshold growing to 1 at twice the threshold; below it, or without enough history, it
 * proposes nothing. Stateless: the answer depends only on the input, so replay reproduces it.
 */
@Extension
public final class MomentumAlpha implements AlphaStrategy {
    static final int DEFAULT_LOOKBACK = 20;
    static final double DEFAULT_THRESHOLD_POINTS = 15;

    private final int lookback;
    private final double thresholdPoints;

    public MomentumAlpha() {
        this(DEFAULT_LOOKBACK, DEFAULT_THRESHOLD_POINTS);
    }

    MomentumAlpha(int lookback, double thresholdPoints) {
        if (lookback < 1 || !(thresholdPoints > 0)) {
            throw new IllegalArgumentException("lookback >= 1 and threshold > 0 required");
        }
        this.lookback = lookback;
        this.thresholdPoints = thresholdPoints;
    }

    @Override
    public AlphaOutput evaluate(AlphaInput input) {
        int n = input.getMidHistoryCount();
        if (n < lookback + 1) {
            return none(String.format(Locale.ROOT, "warming up: %d of %d mids", n, lookback + 1));
        }
        double point = point(input);
        if (!(point > 0)) {
            return none("no symbol digits or tick size: cannot size a point");
        }
        double last = input.getMidHistory(n - 1);
        double first = input.getMidHistory(n - 1 - lookback);
        double momentum = (last - first) / point;
        if (!Double.isFinite(momentum)) {
            return none("mid history holds a non-finite price");
        }
        String text = String.format(Locale.ROOT, "mom %+.1f pts over %d ticks (threshold %.1f)",
                momentum, lookback, thresholdPoints);
        if (Math.abs(momentum) < thresholdPoints) {
            return none(text);
        }
        return AlphaOutput.newBuilder()
                .setDirection(momentum > 0 ? Side.BUY : Side.SELL)
                .setStrength(Math.min(1.0, Math.abs(momentum) / (2 * thresholdPoints)))
                .setReason(text)
                .build();
    }

    /** One point in price units: from the digits, else the tick size (some CFDs report digits 0). */
    private static double point(AlphaInput input) {
        int digits = input.getSpec().getDigits();
        if (digits > 0) {
            return Math.pow(10, -digits);
        }
        return input.getSpec().getTickSize();
    }

    private static AlphaOutput none(String reason) {
        return AlphaOutput.newBuilder().setDirection(Side.SIDE_UNSPECIFIED).setStrength(0).setReason(reason).build();
    }
}
