package com.vproptrader.host.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.host.it.PluginJars;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.Timeframe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner over the real alpha plugin JARs, loaded by the real plugin host (replay's lockstep host). */
class ScannerTest {
    private static final SymbolSpec EURUSD = SymbolSpec.newBuilder().setSymbol("EURUSD").setDigits(5)
            .setTickSize(0.00001).setTickValue(1).build();
    private static final long T0 = 1_767_261_600_000L;

    @TempDir
    Path dir;
    private PluginHost host;
    private final List<String> notes = new ArrayList<>();
    private final BarHistory bars = new BarHistory(Timeframe.M1, 240);

    private Scanner scanner(String... modules) throws IOException {
        Path folder = dir.resolve("plugins");
        Files.createDirectories(folder);
        for (String m : modules) {
            Files.copy(PluginJars.jar(m), folder.resolve(m + ".jar"));
        }
        host = PluginHost.lockstep(folder);
        host.start();
        return new Scanner(ScanConfig.defaults(), host, bars, new AlphaWeights(WeightRule.DEFAULT), Set.of("atr_14"), notes::add);
    }

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    /** SYNTHETIC: 20 bars ranging 1.1000..1.1010 on 100 ticks, then a bar closing at 1.1020 on 400 ticks. */
    private void rangeThenBreakUp() {
        for (int i = 0; i < 20; i++) {
            bar(i, 1.1005, 1.1010, 1.1000, 1.1005, 100);
        }
        bar(20, 1.1006, 1.1021, 1.1005, 1.1020, 400);
    }

    private void bar(int i, double open, double high, double low, double close, long ticks) {
        bars.onBarClosed(Bar.newBuilder().setSymbol("EURUSD").setTimeframe(Timeframe.M1).setOpenTimeMsc(T0 + 60_000L * i)
                .setOpen(open).setHigh(high).setLow(low).setClose(close).setTickVolume(ticks).build());
    }

    private Optional<Candidate> scan(Scanner s, int tickNo) {
        Tick tick = Tick.newBuilder().setSymbol("EURUSD").setTimeMsc(T0 + 21 * 60_000L + tickNo)
                .setBid(1.10200).setAsk(1.10202).build();
        return s.scan(host.current(), tick, null, names -> AlphaInput.newBuilder().setTick(tick).setSpec(EURUSD),
                TradeEvidence.NONE);
    }

    @Test
    void rangeBreakOnVolume_agreedByBreakoutAndVolume_isGradedAPlus() throws IOException {
        Scanner s = scanner("alpha-breakout", "alpha-volume");
        rangeThenBreakUp();

        Candidate c = scan(s, 0).orElseThrow();

        assertThat(c.side()).isEqualTo(Side.BUY);
        assertThat(c.agreement()).isEqualTo(1.0);
        assertThat(c.votes()).extracting(Vote::alphaId).containsExactlyInAnyOrder("alpha-breakout", "alpha-volume");
        assertThat(c.grade()).isEqualTo(Grade.A_PLUS);
        assertThat(s.stats().evaluations()).isEqualTo(2);
    }

    @Test
    void aMeanReversionFadeAgainstTheBreak_splitsTheVote_andTheCandidateDoesNotProceed() throws IOException {
        Scanner s = scanner("alpha-breakout", "alpha-volume", "alpha-mean-reversion");
        rangeThenBreakUp();

        Candidate c = scan(s, 0).orElseThrow();

        assertThat(c.votes()).anySatisfy(v -> {
            assertThat(v.alphaId()).isEqualTo("alpha-mean-reversion");
            assertThat(v.side()).isEqualTo(Side.SELL);
        });
        assertThat(c.side()).isEqualTo(Side.BUY);
        assertThat(c.agreement()).isLessThan(0.5);
        assertThat(c.grade().proceeds()).isFalse();
        assertThat(s.stats().rejections("grade_" + c.grade().label())).isEqualTo(1);
    }

    @Test
    void betweenBarCloses_onlyAlphasThatAskForTicks_areEvaluated() throws IOException {
        Scanner s = scanner("alpha-breakout", "alpha-momentum");
        rangeThenBreakUp();

        scan(s, 0); // the bar close: both
        scan(s, 1); // a tick: momentum only
        scan(s, 2);

        assertThat(s.stats().evaluations()).isEqualTo(4);
        assertThat(s.stats().scans()).isEqualTo(3);
    }

    @Test
    void beforeTheirWarmUp_barAlphasDoNotVote() throws IOException {
        Scanner s = scanner("alpha-breakout", "alpha-volume", "alpha-mean-reversion", "alpha-correlation");
        for (int i = 0; i < 15; i++) {
            bar(i, 1.1005, 1.1010, 1.1000, i == 14 ? 1.1050 : 1.1005, i == 14 ? 5000 : 100);
        }

        assertThat(scan(s, 0)).isEmpty();
        assertThat(s.stats().rejections("no_vote")).isEqualTo(1);
        assertThat(s.stats().evaluations()).isEqualTo(4);
    }

    @Test
    void aFeatureAPluginReadsButTheHostDoesNotCompute_isReported() throws IOException {
        Scanner s = scanner("alpha-sentiment");
        rangeThenBreakUp();

        scan(s, 0);

        assertThat(notes).anySatisfy(n -> assertThat(n).contains("alpha-sentiment").contains("'sentiment'"));
    }
}
