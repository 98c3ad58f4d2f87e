package com.vproptrader.plugins.breakout;

import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.plugin.api.Decimals;
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
 * Range breakout confirmed by volume: the channel is the highest high and lowest low of the
 * {@code channelBars} bars before the newest one. When the newest bar closes beyond it by at least
 * {@code minDepth} of the channel's width, on at least {@code volumeRatio} times the channel's mean volume, it
 * votes the break's direction; strength 0.5 at the minimum depth up to 1 at twice it. A break on ordinary
 * volume is not a vote (most of those fall back into the range). Volume is the bar's real volume when the
 * symbol has one, else its tick count. Parameters from {@code BreakoutAlpha.properties}; stateless.
 */
@Extension
public final class BreakoutAlpha implements AlphaStrategy {
    private final int channelBars;
    private final double minDepth;
    private final double volumeRatio;

    public BreakoutAlpha() {
        this(PluginConfig.of(BreakoutAlpha.class));
    }

    BreakoutAlpha(PluginConfig config) {
        this.channelBars = config.intAtLeast("channel_bars", 2);
        this.minDepth = config.positive("min_depth");
        this.volumeRatio = config.positive("volume_ratio");
    }

    @Override
    public AlphaNeeds needs() {
        return AlphaNeeds.newBuilder().setBars(channelBars + 1).build();
    }

    @Override
    public AlphaOutput evaluate(AlphaInput input) {
        int n = input.getBarsCount();
        if (n < channelBars + 1) {
            return Votes.none(String.format(Locale.ROOT, "warming up: %d of %d bars", n, channelBars + 1));
        }
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        double volume = 0;
        for (int i = n - 1 - channelBars; i < n - 1; i++) {
            Bar b = input.getBars(i);
            high = Math.max(high, b.getHigh());
            low = Math.min(low, b.getLow());
            volume += volumeOf(b);
        }
        double meanVolume = volume / channelBars;
        Bar last = input.getBars(n - 1);
        double width = high - low;
        if (!(width > 0) || !Double.isFinite(width) || !Double.isFinite(last.getClose())) {
            return Votes.none("flat or non-finite channel: no breakout");
        }
        double depth = last.getClose() > high ? (last.getClose() - high) / width
                : last.getClose() < low ? (last.getClose() - low) / width : 0;
        double ratio = meanVolume > 0 ? volumeOf(last) / meanVolume : 0;
        // "close %+.2f channel widths beyond the %d-bar range, volume %.2fx mean", built without a formatter
        String text = Decimals.fixed(Decimals.signed(new StringBuilder(96).append("close "), depth, 2)
                .append(" channel widths beyond the ").append(channelBars).append("-bar range, volume "), ratio, 2)
                .append("x mean").toString();
        if (Math.abs(depth) < minDepth) {
            return Votes.none(text + ": inside the range");
        }
        if (ratio < volumeRatio) {
            return Votes.none(text + String.format(Locale.ROOT, ": volume below %.2fx, unconfirmed", volumeRatio));
        }
        return Votes.vote(depth > 0 ? Side.BUY : Side.SELL, Votes.strengthBeyond(depth, minDepth), text);
    }

    private static double volumeOf(Bar b) {
        return b.getRealVolume() > 0 ? b.getRealVolume() : b.getTickVolume();
    }
}
