package com.vproptrader.plugins.volume;

import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.plugin.api.PluginConfig;
import com.vproptrader.plugin.api.Votes;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.AlphaNeeds;
import com.vproptrader.proto.AlphaOutput;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Side;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Volume spike with conviction: the newest bar's volume as a z-score against the {@code lookbackBars} bars
 * before it. At {@code z >= entryZ}, when the bar's body is at least {@code minBody} of its high-low range (the
 * heavy trading pushed price one way rather than churning), it votes the bar's direction; strength 0.5 at the
 * entry z up to 1 at twice it. Volume is real volume when the symbol has it, else the tick count. Parameters
 * from {@code VolumeAlpha.properties}; stateless.
 */
@Extension
public final class VolumeAlpha implements AlphaStrategy {
    private final int lookbackBars;
    private final double entryZ;
    private final double minBody;

    public VolumeAlpha() {
        this(PluginConfig.of(VolumeAlpha.class));
    }

    VolumeAlpha(PluginConfig config) {
        this.lookbackBars = config.intAtLeast("lookback_bars", 3);
        this.entryZ = config.positive("entry_z");
        this.minBody = config.number("min_body", 0, 1);
    }

    @Override
    public AlphaNeeds needs() {
        return AlphaNeeds.newBuilder().setBars(lookbackBars + 1).build();
    }

    @Override
    public AlphaOutput evaluate(AlphaInput input) {
        int n = input.getBarsCount();
        if (n < lookbackBars + 1) {
            return Votes.none(String.format(Locale.ROOT, "warming up: %d of %d bars", n, lookbackBars + 1));
        }
        double sum = 0;
        for (int i = n - 1 - lookbackBars; i < n - 1; i++) {
            sum += volumeOf(input.getBars(i));
        }
        double mean = sum / lookbackBars;
        double squares = 0;
        for (int i = n - 1 - lookbackBars; i < n - 1; i++) {
            double d = volumeOf(input.getBars(i)) - mean;
            squares += d * d;
        }
        // A perfectly regular volume history has sd 0: measure against at least one unit (a tick, a contract).
        double sd = Math.max(1, Math.sqrt(squares / lookbackBars));
        Bar last = input.getBars(n - 1);
        double z = (volumeOf(last) - mean) / sd;
        double range = last.getHigh() - last.getLow();
        double body = range > 0 ? (last.getClose() - last.getOpen()) / range : 0;
        if (!Double.isFinite(z) || !Double.isFinite(body)) {
            return Votes.none("non-finite bar: no vote");
        }
        String text = String.format(Locale.ROOT, "volume z %+.2f vs %d bars (entry %.2f), body %+.2f of range",
                z, lookbackBars, entryZ, body);
        if (z < entryZ) {
            return Votes.none(text);
        }
        if (Math.abs(body) < minBody) {
            return Votes.none(text + String.format(Locale.ROOT, ": body under %.2f, churn", minBody));
        }
        return Votes.vote(body > 0 ? Side.BUY : Side.SELL, Votes.strengthBeyond(z, entryZ), text);
    }

    private static double volumeOf(Bar b) {
        return b.getRealVolume() > 0 ? b.getRealVolume() : b.getTickVolume();
    }
}
