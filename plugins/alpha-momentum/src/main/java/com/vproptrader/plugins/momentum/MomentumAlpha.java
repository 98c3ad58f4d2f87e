package com.vproptrader.plugins.momentum;

import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.plugin.api.Decimals;
import com.vproptrader.plugin.api.PluginConfig;
import com.vproptrader.plugin.api.Votes;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.AlphaNeeds;
import com.vproptrader.proto.AlphaOutput;
import com.vproptrader.proto.Side;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Tick momentum in the symbol's own volatility: the move of the mid over the last {@code lookback} ticks divided
 * by what noise alone would move it over as many ticks, σ_tick·√lookback, where σ_tick is the realised volatility
 * of one tick (root mean square of the last {@code sigmaTicks} tick-to-tick mid changes). So the same threshold
 * means the same rarity on EURUSD (~1.5 points of noise a tick) as on an index (~40): a threshold in points would
 * vote on every tick of one and never on the other. Beyond {@code thresholdSigma} it proposes that direction,
 * strength 0.5 at the threshold growing to 1 at twice it; below it, or without enough history, nothing.
 * Evaluated on every tick (it reads the tick history, not bars). Parameters from {@code MomentumAlpha.properties}.
 * Stateless: the answer depends only on the input, so replay reproduces it. It runs on every tick and mostly
 * proposes nothing, so that answer's reason is built cheaply (z to two decimals and the threshold); a vote's reason
 * gives the move and the noise in points as well.
 */
@Extension
public final class MomentumAlpha implements AlphaStrategy {
    private final int lookback;
    private final int sigmaTicks;
    private final double thresholdSigma;
    /** The end of every below-threshold reason, made once: {@code " sigma over N ticks, under the threshold T"}. */
    private final String underThreshold;
    /** The fixed parts of a vote's reason, made once: {@code " sigma over N ticks ("}, {@code ", threshold T)"}. */
    private final String overTicks;
    private final String threshold;

    public MomentumAlpha() {
        this(PluginConfig.of(MomentumAlpha.class));
    }

    MomentumAlpha(PluginConfig config) {
        this(config.intAtLeast("lookback_ticks", 1), config.intAtLeast("sigma_ticks", 2),
                config.positive("threshold_sigma"));
    }

    MomentumAlpha(int lookback, int sigmaTicks, double thresholdSigma) {
        if (lookback < 1 || sigmaTicks < 2 || !(thresholdSigma > 0)) {
            throw new IllegalArgumentException("lookback >= 1, sigma_ticks >= 2 and threshold > 0 required");
        }
        this.lookback = lookback;
        this.sigmaTicks = sigmaTicks;
        this.thresholdSigma = thresholdSigma;
        this.underThreshold = String.format(Locale.ROOT, " sigma over %d ticks, under the threshold %.2f", lookback,
                thresholdSigma);
        this.overTicks = " sigma over " + lookback + " ticks (";
        this.threshold = String.format(Locale.ROOT, ", threshold %.2f)", thresholdSigma);
    }

    @Override
    public AlphaNeeds needs() {
        return AlphaNeeds.newBuilder().setOnTicks(true).build();
    }

    @Override
    public AlphaOutput evaluate(AlphaInput input) {
        int n = input.getMidHistoryCount();
        int warmUp = Math.max(lookback, sigmaTicks) + 1;
        if (n < warmUp) {
            return Votes.none(String.format(Locale.ROOT, "warming up: %d of %d mids", n, warmUp));
        }
        double squares = 0;
        for (int i = n - sigmaTicks; i < n; i++) {
            double d = input.getMidHistory(i) - input.getMidHistory(i - 1);
            squares += d * d;
        }
        double tickSigma = Math.sqrt(squares / sigmaTicks);
        double move = input.getMidHistory(n - 1) - input.getMidHistory(n - 1 - lookback);
        if (!Double.isFinite(move) || !Double.isFinite(tickSigma)) {
            return Votes.none("mid history holds a non-finite price");
        }
        if (!(tickSigma > 0)) {
            return Votes.none(String.format(Locale.ROOT, "mid unchanged over %d ticks: no volatility to measure against",
                    sigmaTicks));
        }
        double z = move / (tickSigma * Math.sqrt(lookback));
        if (Math.abs(z) < thresholdSigma) {
            return Votes.none(signedHundredths(new StringBuilder(64).append("mom "), z).append(underThreshold).toString());
        }
        double point = Votes.point(input.getSpec());
        // "mom %+.2f sigma over %d ticks (%+.1f pts, %.2f pts a tick, threshold %.2f)", built without a formatter
        StringBuilder text = Decimals.signed(new StringBuilder(96).append("mom "), z, 2).append(overTicks);
        if (point > 0) {
            Decimals.fixed(Decimals.signed(text, move / point, 1).append(" pts, "), tickSigma / point, 2)
                    .append(" pts a tick");
        } else {
            text.append(String.format(Locale.ROOT, "%+.6g, %.3g a tick", move, tickSigma));
        }
        return Votes.vote(z > 0 ? Side.BUY : Side.SELL, Votes.strengthBeyond(z, thresholdSigma),
                text.append(threshold).toString());
    }

    /** {@code x} to two decimals with its sign always shown ("+0.42"), without a formatter's parsing on every tick. */
    static StringBuilder signedHundredths(StringBuilder to, double x) {
        long hundredths = Math.round(Math.abs(x) * 100);
        to.append(x < 0 || (x == 0 && 1 / x < 0) ? '-' : '+').append(hundredths / 100).append('.');
        long frac = hundredths % 100;
        return to.append(frac < 10 ? "0" : "").append(frac);
    }
}
