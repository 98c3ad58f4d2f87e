package com.vproptrader.ops.replay;

import com.vproptrader.host.it.JournalRows;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.Tick;
import com.vproptrader.sim.broker.BrokerConfig;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.broker.SymbolSpecs;
import com.vproptrader.sim.data.SyntheticTicks;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Symbols that are not 5-digit FX go through the whole loop on the terminal's own specs: USDJPY (3 digits),
 * gold (2) and an index CFD (1). Their prices come from the synthetic EURUSD-like walk scaled to the
 * symbol's level and rounded to its digits. Every signal must sit on the symbol's price grid, respect its stops
 * level and volume step, and risk no more money at its stop than the pack's per-trade cap — money computed
 * from the spec's tick size and tick value, not from a 5-digit assumption.
 */
class SymbolSpecsThroughTheLoopTest {
    private static final double PER_TRADE_CAP = 1_000.00; // FTMO 2-Step pack: 1% of the 100,000 account

    @ParameterizedTest(name = "{0}")
    @CsvSource({"USDJPY, 137.0", "XAUUSD, 1900.0", "US30, 35000.0"})
    void signals_of_a_non_fx_symbol_follow_its_spec(String symbol, double scale, @TempDir Path dir) throws Exception {
        SymbolSpec spec = SymbolSpecs.builtIn().get(symbol).orElseThrow().spec();
        HostConfig config = HostConfig.defaults().withPluginDir(PluginJars.installAll(dir.resolve("plugins")))
                .withJournalFile(dir.resolve("journal.db"));
        Replay.run(config, MarketSource.of(scaled(symbol, scale, spec, 20_000).iterator()),
                new SimBroker(BrokerConfig.defaults().withAccountId("specs")));

        List<Signal> signals = signals(config);
        assertThat(signals).as("the loop trades " + symbol).isNotEmpty();
        double point = Math.pow(10, -spec.getDigits());
        for (Signal s : signals) {
            assertThat(s.getSymbol()).isEqualTo(symbol);
            for (double price : new double[] {s.getSl(), s.getTp1(), s.getTp2(), s.getReferencePrice()}) {
                assertThat(Math.abs(price / spec.getTickSize() - Math.rint(price / spec.getTickSize())))
                        .as("%s on the %s price grid", price, symbol).isLessThan(1e-6);
            }
            double stopDistance = Math.abs(s.getReferencePrice() - s.getSl());
            assertThat(stopDistance).as("stop beyond the stops level").isGreaterThanOrEqualTo(
                    spec.getStopsLevelPoints() * point - 1e-9);
            assertThat(s.getVolume()).isGreaterThanOrEqualTo(spec.getVolumeMin());
            double steps = s.getVolume() / spec.getVolumeStep();
            assertThat(Math.abs(steps - Math.rint(steps))).as("volume on the step").isLessThan(1e-6);
            double lossAtStop = stopDistance / spec.getTickSize() * spec.getTickValue() * s.getVolume();
            assertThat(lossAtStop).as("money at the stop from the spec's tick value").isLessThanOrEqualTo(PER_TRADE_CAP);
        }
    }

    /** The synthetic walk moved to the symbol's price level and grid; spreads stay at least one tick. */
    static List<Tick> scaled(String symbol, double scale, SymbolSpec spec, int count) {
        List<Tick> out = new ArrayList<>(count);
        SyntheticTicks source = new SyntheticTicks(42, "EURUSD", count);
        double tick = spec.getTickSize();
        while (source.hasNext()) {
            Tick t = source.next();
            double bid = Math.rint(t.getBid() * scale / tick) * tick;
            double ask = Math.max(Math.rint(t.getAsk() * scale / tick) * tick, bid + tick);
            out.add(Tick.newBuilder().setSymbol(symbol).setTimeMsc(t.getTimeMsc()).setFlags(t.getFlags())
                    .setBid(round(bid, spec.getDigits())).setAsk(round(ask, spec.getDigits())).build());
        }
        return out;
    }

    private static double round(double price, int digits) {
        return new java.math.BigDecimal(price).setScale(digits, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    static List<Signal> signals(HostConfig config) {
        return JournalRows.records(config.journalFile(), JournalKind.KIND_SIGNAL).stream()
                .map(r -> r.getSignal()).toList();
    }
}
