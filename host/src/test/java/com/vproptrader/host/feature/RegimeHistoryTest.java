package com.vproptrader.host.feature;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.host.feed.Timeframes;
import com.vproptrader.host.time.ServerClock;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.SymbolRegime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegimeHistoryTest {

    @Test
    void sinceIsTheCloseOfTheBarWhereTheClassifierChanged_notALaterBarInTheSameRegime() {
        FeatureEngine engine = new FeatureEngine(FeatureConfig.defaults(), ServerClock.NY_CLOSE);
        long period = Timeframes.periodMs(engine.config().timeframe());
        long t0 = 1_705_399_200_000L; // 2024-01-16 10:00 server time
        Random random = new Random(11);
        double close = 1.1;
        List<String> seen = new ArrayList<>();
        long lastChangeClose = 0;
        String previous = "";
        int changes = -1;
        // a quiet drift, then a strong trend, then a wide zig-zag: the classifier must change more than once
        for (int i = 0; i < 600; i++) {
            double step = i < 200 ? random.nextGaussian() * 1e-5 : i < 400 ? 4e-4 + random.nextGaussian() * 5e-5
                    : (i % 2 == 0 ? 1 : -1) * 2e-3;
            close += step;
            Bar bar = Bar.newBuilder().setSymbol("EURUSD").setTimeframe(engine.config().timeframe())
                    .setOpenTimeMsc(t0 + i * period).setOpen(close - step).setHigh(close + 1e-4).setLow(close - step - 1e-4)
                    .setClose(close).setTickVolume(50).build();
            engine.onBarClosed(bar);
            String regime = engine.features("EURUSD").regime().name();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(regime)) {
                previous = seen.isEmpty() ? "" : seen.get(seen.size() - 1);
                seen.add(regime);
                lastChangeClose = t0 + (i + 1) * period;
                changes++;
            }
            SymbolRegime now = engine.regimes().toProto().get(0);
            assertThat(now.getRegime()).isEqualTo(regime);
            assertThat(now.getSinceMsc()).as("bar %d", i).isEqualTo(lastChangeClose);
            assertThat(now.getPreviousRegime()).isEqualTo(previous);
            assertThat(now.getChanges()).isEqualTo(changes);
        }
        assertThat(seen).as("regimes the classifier went through").hasSizeGreaterThan(2).startsWith("UNKNOWN");
    }

    @Test
    void eachSymbolKeepsItsOwnHistory_andABarOfAnotherTimeframeChangesNothing() {
        FeatureEngine engine = new FeatureEngine(FeatureConfig.defaults(), ServerClock.NY_CLOSE);
        long period = Timeframes.periodMs(engine.config().timeframe());
        Bar eur = Bar.newBuilder().setSymbol("EURUSD").setTimeframe(engine.config().timeframe()).setOpenTimeMsc(60_000)
                .setOpen(1).setHigh(1).setLow(1).setClose(1).build();
        engine.onBarClosed(eur);
        engine.onBarClosed(eur.toBuilder().setSymbol("GBPUSD").setOpenTimeMsc(60_000 + period).build());
        engine.onBarClosed(eur.toBuilder().setTimeframe(com.vproptrader.proto.Timeframe.H4).setOpenTimeMsc(0).build());
        assertThat(engine.regimes().toProto()).extracting(SymbolRegime::getSymbol, SymbolRegime::getSinceMsc)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EURUSD", 60_000 + period),
                        org.assertj.core.groups.Tuple.tuple("GBPUSD", 60_000 + 2 * period));
    }
}
