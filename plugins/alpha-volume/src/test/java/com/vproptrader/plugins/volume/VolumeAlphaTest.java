package com.vproptrader.plugins.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.plugin.api.PluginConfig;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Side;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class VolumeAlphaTest {
    private final VolumeAlpha alpha = new VolumeAlpha(config());

    static PluginConfig config() {
        Properties p = new Properties();
        p.setProperty("lookback_bars", "20");
        p.setProperty("entry_z", "3");
        p.setProperty("min_body", "0.6");
        return PluginConfig.of("test", p);
    }

    /**
     * Synthetic: 20 bars alternating 90 and 110 ticks (mean 100, sd 10), then one bar of {@code volume} ticks
     * opening at 1.1000 and closing at {@code close}, its range one point beyond both.
     */
    static AlphaInput quietThen(long volume, double close) {
        return quietThen(volume, close, Math.max(close, 1.1) + 1e-5, Math.min(close, 1.1) - 1e-5);
    }

    static AlphaInput quietThen(long volume, double close, double high, double low) {
        AlphaInput.Builder in = AlphaInput.newBuilder();
        for (int i = 0; i < 20; i++) {
            in.addBars(Bar.newBuilder().setOpen(1.1).setHigh(1.1002).setLow(1.0998).setClose(1.1)
                    .setTickVolume(i % 2 == 0 ? 90 : 110));
        }
        return in.addBars(Bar.newBuilder().setOpen(1.1000).setHigh(high).setLow(low).setClose(close)
                .setTickVolume(volume)).build();
    }

    @Test
    void volumeSpike_onAStrongUpBar_buys_withStrengthFromTheZScore() {
        var out = alpha.evaluate(quietThen(145, 1.1008)); // z = (145 - 100) / 10 = 4.5, body 8 of 10 points

        assertThat(out.getDirection()).isEqualTo(Side.BUY);
        assertThat(out.getStrength()).isCloseTo(0.75, within(1e-6)); // 4.5 / (2·3)
    }

    @Test
    void volumeSpike_onAStrongDownBar_sells() {
        assertThat(alpha.evaluate(quietThen(200, 1.0991)).getDirection()).isEqualTo(Side.SELL);
    }

    @Test
    void volumeSpike_onAChurningBar_isNoVote() {
        var out = alpha.evaluate(quietThen(200, 1.1002, 1.1010, 1.0990)); // body +0.1 of range

        assertThat(out.getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
        assertThat(out.getReason()).contains("churn");
    }

    @Test
    void ordinaryVolume_isNoVote() {
        assertThat(alpha.evaluate(quietThen(115, 1.1009)).getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
    }

    @Test
    void beforeItsWarmUp_neverVotes() {
        AlphaInput shortHistory = quietThen(500, 1.1009).toBuilder().removeBars(0).build();

        assertThat(alpha.evaluate(shortHistory).getReason()).isEqualTo("warming up: 20 of 21 bars");
        assertThat(alpha.evaluate(shortHistory).getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
    }

    @Test
    void bundledConfig_isRead() {
        var bundled = new VolumeAlpha();

        assertThat(bundled.needs().getBars()).isEqualTo(21);
        assertThat(bundled.evaluate(quietThen(200, 1.1009)).getDirection()).isEqualTo(Side.BUY);
    }
}
