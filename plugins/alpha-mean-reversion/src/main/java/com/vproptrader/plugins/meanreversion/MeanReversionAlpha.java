package com.vproptrader.plugins.meanreversion;

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
 * Mean reversion: how far the last close sits from the mean of the last {@code lookbackBars} closes, in their
 * standard deviations (z). At {@code |z| >= entryZ} it bets on the way back: SELL above the mean, BUY below,
 * strength 0.5 at the entry z up to 1 at twice it. Parameters from {@code MeanReversionAlpha.properties}.
 * Stateless: the answer depends only on the bars in the input.
 */
@Extension
public final class MeanReversionAlpha implements AlphaStrategy {
    private final int lookbackBars;
    private final double entryZ;

    public MeanReversionAlpha() {
        this(PluginConfig.of(MeanReversionAlpha.class));
    }

    MeanReversionAlpha(PluginConfig config) {
        this.lookbackBars = config.intAtLeast("lookback_bars", 3);
        this.entryZ = config.positive("entry_z");
    }

    @Override
    public AlphaNeeds needs() {
        return AlphaNeeds.newBuilder().setBars(lookbackBars).build();
    }

    @Override
    public AlphaOutput evaluate(AlphaInput input) {
        int n = input.getBarsCount();
        if (n < lookbackBars) {
            return Votes.none(String.format(Locale.ROOT, "warming up: %d of %d bars", n, lookbackBars));
        }
        // Two passes: prices near 1.1 with sub-pip moves lose digits in a sum of squares.
        double sum = 0;
        for (int i = n - lookbackBars; i < n; i++) {
            sum += input.getBars(i).getClose();
        }
        double mean = sum / lookbackBars;
        double squares = 0;
        for (int i = n - lookbackBars; i < n; i++) {
            double d = input.getBars(i).getClose() - mean;
            squares += d * d;
        }
        double sd = Math.sqrt(squares / lookbackBars);
        double last = input.getBars(n - 1).getClose();
        double z = (last - mean) / sd;
        if (!Double.isFinite(z)) {
            return Votes.none("flat or non-finite closes: no z-score");
        }
        String text = String.format(Locale.ROOT, "close z %+.2f vs %d-bar mean (entry %.2f)", z, lookbackBars, entryZ);
        if (Math.abs(z) < entryZ) {
            return Votes.none(text);
        }
        return Votes.vote(z > 0 ? Side.SELL : Side.BUY, Votes.strengthBeyond(z, entryZ), text + ": fade");
    }
}
