package com.vproptrader.plugins.momentum;

import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.plugin.api.PluginConfig;
import com.vproptrader.plugin.api.Votes;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.AlphaNeeds;
import com.vproptrader.proto.AlphaOutput;
import com.vproptrader.proto.Side;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Tick momentum: the move of the mid over the last {@code lookback} ticks, in points of the symbol
 * (1 point = 10^-digits). Beyond {@code thresholdPoints} it proposes that direction, with a strength of
 * 0.5 at the threshold growing to 1 at twice the threshold; below it, or without enough history, it
 * proposes nothing. Evaluated on every tick (it reads the tick history, not bars). Parameters from
 * {@code MomentumAlpha.properties}. Stateless: the answer depends only on the input, so replay reproduces it.
 */
@Extension
public final class MomentumAlpha implements AlphaStrategy {
    private final int lookback;
    private final double thresholdPoints;

    public MomentumAlpha() {
        this(PluginConfig.of(MomentumAlpha.class));
    }

    MomentumAlpha(PluginConfig config) {
        this(config.intAtLeast("lookback_ticks", 1), config.positive("threshold_points"));
    }

    MomentumAlpha(int lookback, double thresholdPoints) {
        if (lookback < 1 || !(thresholdPoints > 0)) {
            throw new IllegalArgumentException("lookback >= 1 and threshold > 0 required");
        }
        this.lookback = lookback;
        this.thresholdPoints = thresholdPoints;
    }

    @Override
    public AlphaNeeds needs() {
        return AlphaNeeds.newBuilder().setOnTicks(true).build();
    }

    @Override
    public AlphaOutput evaluate(AlphaInput input) {
        int n = input.getMidHistoryCount();
        if (n < lookback + 1) {
            return none(String.format(Locale.ROOT, "warming up: %d of %d mids", n, lookback + 1));
        }
        double point = Votes.point(input.getSpec());
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
        return Votes.vote(momentum > 0 ? Side.BUY : Side.SELL, Votes.strengthBeyond(momentum, thresholdPoints), text);
    }

    private static AlphaOutput none(String reason) {
        return Votes.none(reason);
    }
}
