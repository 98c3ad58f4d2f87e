package com.vproptrader.plugins.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.plugin.api.PluginConfig;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.Side;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SentimentAlphaTest {
    private final SentimentAlpha alpha = new SentimentAlpha(config(0.3));

    static PluginConfig config(double entry) {
        Properties p = new Properties();
        p.setProperty("entry_level", "" + entry);
        return PluginConfig.of("test", p);
    }

    private static AlphaInput withSentiment(double s) {
        return AlphaInput.newBuilder().putFeatures("sentiment", s).putFeatures("atr_14", 0.0012).build();
    }

    @Test
    void withoutASentimentFeature_isNeutral() {
        var out = alpha.evaluate(AlphaInput.newBuilder().putFeatures("atr_14", 0.0012).build());

        assertThat(out.getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
        assertThat(out.getReason()).isEqualTo("neutral: no sentiment feature");
        assertThat(alpha.evaluate(withSentiment(Double.NaN)).getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
    }

    @Test
    void bullishSentiment_buys_atFullStrengthFromTwiceTheEntry() {
        var out = alpha.evaluate(withSentiment(0.6));

        assertThat(out.getDirection()).isEqualTo(Side.BUY);
        assertThat(out.getStrength()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void bearishSentiment_sells_withStrengthScaled() {
        var out = alpha.evaluate(withSentiment(-0.45));

        assertThat(out.getDirection()).isEqualTo(Side.SELL);
        assertThat(out.getStrength()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void mildSentiment_isNoVote() {
        assertThat(alpha.evaluate(withSentiment(0.2)).getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
    }

    @Test
    void sentimentOutsideItsRange_isRefused_notTraded() {
        var out = alpha.evaluate(withSentiment(3));

        assertThat(out.getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
        assertThat(out.getReason()).contains("outside");
    }

    @Test
    void bundledConfig_isRead_andDeclaresTheFeature() {
        var bundled = new SentimentAlpha();

        assertThat(bundled.needs().getFeaturesList()).containsExactly("sentiment");
        assertThat(bundled.evaluate(withSentiment(0.6)).getDirection()).isEqualTo(Side.BUY);
    }
}
