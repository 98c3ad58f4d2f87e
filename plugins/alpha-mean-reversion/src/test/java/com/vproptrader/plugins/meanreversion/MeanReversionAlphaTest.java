package com.vproptrader.plugins.meanreversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.plugin.api.PluginConfig;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MeanReversionAlphaTest {
    private static final SymbolSpec EURUSD = SymbolSpec.newBuilder().setSymbol("EURUSD").setDigits(5).build();
    private final MeanReversionAlpha alpha = new MeanReversionAlpha(config(20, 2.0));

    static PluginConfig config(int lookback, double entryZ) {
        Properties p = new Properties();
        p.setProperty("lookback_bars", "" + lookback);
        p.setProperty("entry_z", "" + entryZ);
        return PluginConfig.of("test", p);
    }

    /** Synthetic closes: 1.10000 ± 2 points alternating, then the given last closes. */
    static AlphaInput path(int quietBars, double... lastCloses) {
        AlphaInput.Builder in = AlphaInput.newBuilder().setSpec(EURUSD);
        for (int i = 0; i < quietBars; i++) {
            double c = 1.10000 + (i % 2 == 0 ? 2e-5 : -2e-5);
            in.addBars(Bar.newBuilder().setOpen(c).setHigh(c).setLow(c).setClose(c));
        }
        for (double c : lastCloses) {
            in.addBars(Bar.newBuilder().setOpen(c).setHigh(c).setLow(c).setClose(c));
        }
        return in.build();
    }

    @Test
    void spikeAboveTheMean_sellsAgainstIt() {
        var out = alpha.evaluate(path(19, 1.10030));

        assertThat(out.getDirection()).isEqualTo(Side.SELL);
        assertThat(out.getStrength()).isGreaterThanOrEqualTo(0.5);
        assertThat(out.getReason()).contains("fade");
    }

    @Test
    void spikeBelowTheMean_buysAgainstIt() {
        assertThat(alpha.evaluate(path(19, 1.09970)).getDirection()).isEqualTo(Side.BUY);
    }

    @Test
    void strength_isHandComputed_fromTheZScore() {
        // 18 closes at 0 offset and two at +x: mean = x/10, sd = 0.3x, last z = (x - x/10)/0.3x = 3.
        AlphaInput.Builder in = AlphaInput.newBuilder().setSpec(EURUSD);
        for (int i = 0; i < 18; i++) {
            in.addBars(Bar.newBuilder().setClose(1.1));
        }
        in.addBars(Bar.newBuilder().setClose(1.1001)).addBars(Bar.newBuilder().setClose(1.1001));

        var out = alpha.evaluate(in.build());

        assertThat(out.getDirection()).isEqualTo(Side.SELL);
        assertThat(out.getStrength()).isCloseTo(0.75, within(1e-6)); // z 3 against entry 2: 3 / (2·2)
    }

    @Test
    void cleanTrend_staysWithinTheBand_andDoesNotFadeIt() {
        AlphaInput.Builder in = AlphaInput.newBuilder().setSpec(EURUSD);
        for (int i = 0; i < 20; i++) {
            in.addBars(Bar.newBuilder().setClose(1.1 + i * 1e-5));
        }
        // the last of 20 evenly spaced closes is 1.65 sd above their mean: below 2
        assertThat(alpha.evaluate(in.build()).getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
    }

    @Test
    void beforeItsWarmUp_neverVotes_evenOnAHugeSpike() {
        var out = alpha.evaluate(path(10, 1.2));

        assertThat(out.getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
        assertThat(out.getReason()).isEqualTo("warming up: 11 of 20 bars");
    }

    @Test
    void flatCloses_proposeNothing_neverThrow() {
        AlphaInput.Builder in = AlphaInput.newBuilder().setSpec(EURUSD);
        for (int i = 0; i < 20; i++) {
            in.addBars(Bar.newBuilder().setClose(1.1));
        }
        assertThat(alpha.evaluate(in.build()).getReason()).contains("flat");
        assertThat(alpha.evaluate(AlphaInput.getDefaultInstance()).getDirection()).isEqualTo(Side.SIDE_UNSPECIFIED);
    }

    @Test
    void bundledConfig_isRead_andDeclaresItsWarmUp() {
        var bundled = new MeanReversionAlpha();

        assertThat(bundled.needs().getBars()).isEqualTo(20);
        assertThat(bundled.evaluate(path(19, 1.10030)).getDirection()).isEqualTo(Side.SELL);
    }
}
