package com.vproptrader.plugins.breakout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.plugin.api.PluginConfig;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Side;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BreakoutAlphaTest {
    private final BreakoutAlpha alpha = new BreakoutAlpha(config());

    static PluginConfig config() {
        Properties p = new Properties();
        p.setProperty("channel_bars", "20");
        p.setProperty("min_depth", "0.1");
        p.setProperty("volume_ratio", "1.5");
        return PluginConfig.of("test", p);
    }

    /** Synthetic: 20 bars ranging 1.1000..1.1010 on 100 ticks each, then one bar closing at {@code close}. */
    static AlphaInput rangeThen(double close, long volume) {
        AlphaInput.Builder in = AlphaInput.newBuilder();
        for (int i = 0; i < 20; i++) {
            in.addBars(Bar.newBuilder().setOpen(1.1005).setHigh(1.1010).setLow(1.1000).setClose(1.1005)
                    .setTickVolume(100));
        }
        return in.addBars(Bar.newBuilder().setOpen(1.1005).setHigh(Math.max(close, 1.1005))
                .setLow(Math.min(close, 1.1005)).setClose(close).setTickVolume(volume)).build();
    }

    @Test
    void rangeBreakUp_withVolume_buys() {
        var out = alpha.evaluate(rangeThen(1.1012, 300));

        assertThat(out.getDirection()).isEqualTo(Side.BUY);
        // 2 points beyond a 10-point range = depth 0.2 = twice the minimum: full strength
        assertThat(out.getStrength()).isCloseTo(1.0, within(1e-6));
        assertThat(out.getReason()).contains("volume 3.00x");
    }

    @Test
    void rangeBreakDown_withVolume_sells() {
        var out = alpha.evaluate(rangeThen(1.09985, 200));

        assertThat(out.getDirection()).isEqualTo(Side.SELL);
        assertThat(out.getStrength()).isCloseTo(0.75, within(1e-6)); // depth 0.15 vs minimum 0.1
        assertThat(out.getReason()).isEqualTo("close -0.15 channel widths beyond the 20-bar range, volume 2.00x mean");
    }

    @Test
    void rangeBreak_onOrdinaryVolume_isUnconfirmed() {
        var out = alpha.evaluate(rangeThen(1.1012, 100));

        assertThat(out.getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
        assertThat(out.getReason()).contains("unconfirmed");
    }

    @Test
    void closeInsideTheRange_isNoVote_evenOnHeavyVolume() {
        assertThat(alpha.evaluate(rangeThen(1.1008, 1000)).getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
    }

    @Test
    void beforeItsWarmUp_neverVotes() {
        AlphaInput full = rangeThen(1.1020, 1000);
        AlphaInput shortHistory = full.toBuilder().removeBars(0).build();

        var out = alpha.evaluate(shortHistory);

        assertThat(out.getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
        assertThat(out.getReason()).isEqualTo("warming up: 20 of 21 bars");
        assertThat(alpha.evaluate(AlphaInput.getDefaultInstance()).getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
    }

    @Test
    void realVolume_isPreferred_overTickCount() {
        AlphaInput in = rangeThen(1.1012, 100);
        AlphaInput.Builder b = in.toBuilder();
        for (int i = 0; i < 20; i++) {
            b.setBars(i, b.getBars(i).toBuilder().setRealVolume(10));
        }
        b.setBars(20, b.getBars(20).toBuilder().setRealVolume(50));

        assertThat(alpha.evaluate(b.build()).getDirection()).isEqualTo(Side.BUY);
    }

    @Test
    void bundledConfig_isRead() {
        var bundled = new BreakoutAlpha();

        assertThat(bundled.needs().getBars()).isEqualTo(21);
        assertThat(bundled.evaluate(rangeThen(1.1012, 300)).getDirection()).isEqualTo(Side.BUY);
    }
}
