package com.vproptrader.plugins.sentiment;

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
 * Follows news/macro sentiment: the host feature {@code sentiment} (−1..1, + = bullish for the symbol's price).
 * At {@code |sentiment| >= entryLevel} it votes its sign, strength 0.5 at the entry level up to 1 at twice it.
 * Neutral, and says so, when no sentiment source serves (feature absent or NaN): that is its warm-up. A value
 * outside −1..1 is refused as bad input, never traded. Parameters from {@code SentimentAlpha.properties}.
 */
@Extension
public final class SentimentAlpha implements AlphaStrategy {
    static final String FEATURE = "sentiment";
    private final double entryLevel;

    public SentimentAlpha() {
        this(PluginConfig.of(SentimentAlpha.class));
    }

    SentimentAlpha(PluginConfig config) {
        this.entryLevel = config.number("entry_level", 1e-6, 1);
    }

    @Override
    public AlphaNeeds needs() {
        return AlphaNeeds.newBuilder().addFeatures(FEATURE).build();
    }

    @Override
    public AlphaOutput evaluate(AlphaInput input) {
        double s = input.getFeaturesOrDefault(FEATURE, Double.NaN);
        if (Double.isNaN(s)) {
            return Votes.none("neutral: no sentiment feature");
        }
        if (!(s >= -1 && s <= 1)) {
            return Votes.none(String.format(Locale.ROOT, "sentiment %s outside -1..1: ignored", s));
        }
        String text = String.format(Locale.ROOT, "sentiment %+.2f (entry %.2f)", s, entryLevel);
        if (Math.abs(s) < entryLevel) {
            return Votes.none(text);
        }
        return Votes.vote(s > 0 ? Side.BUY : Side.SELL, Votes.strengthBeyond(s, entryLevel), text);
    }
}
