package com.vproptrader.ops.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.gateway.frame.FrameCodec;
import com.vproptrader.gateway.frame.FrameException;
import com.vproptrader.host.govern.pack.RulePackException;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.marketdata.mt5.Mt5BarCsv;
import com.vproptrader.marketdata.mt5.Mt5TickCsv;
import com.vproptrader.proto.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The boundaries that read outside input: the EA's NDJSON frames, MT5 tick and bar exports, rule packs. Whatever
 * the bytes, each reader returns a value or refuses with its own exception and a message saying what and where;
 * it never throws anything else and never hangs (Fuzz).
 */
class BoundaryFuzzTest {
    private final FrameCodec codec = new FrameCodec();

    @Property
    void anEaLineIsDecodedOrRefusedWithAnErrorCode(@ForAll("ndjson") String line) {
        Fuzz.withinTime(() -> {
            try {
                codec.decodeEvent(line);
            } catch (FrameException e) {
                assertThat(e.code()).isNotNull();
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }

    @Property
    void anMt5TickExportIsReadOrRefusedNamingTheLine(@ForAll("mt5Ticks") String text) {
        Fuzz.withinTime(() -> {
            try (Mt5TickCsv csv = new Mt5TickCsv(new BufferedReader(new StringReader(text)), "EURUSD")) {
                while (csv.next() != null) {
                    // every row either reads or throws
                }
            } catch (IOException e) {
                assertThat(e.getMessage()).isNotBlank().containsAnyOf("MT5 tick file", "line");
            }
        });
    }

    @Property
    void anMt5BarExportIsReadOrRefusedNamingTheLine(@ForAll("mt5Bars") String text) {
        Fuzz.withinTime(() -> {
            try (Mt5BarCsv csv = new Mt5BarCsv(new BufferedReader(new StringReader(text)), "EURUSD", Timeframe.M1)) {
                while (csv.next() != null) {
                    // every row either reads or throws
                }
            } catch (IOException e) {
                assertThat(e.getMessage()).isNotBlank().containsAnyOf("MT5 bar file", "line");
            }
        });
    }

    @Property
    void aRulePackIsLoadedOrRefusedNamingThePack(@ForAll("rulePacks") String json) {
        Fuzz.withinTime(() -> {
            try {
                RulePackLoader.parse("ftmo-2step", json);
            } catch (RulePackException e) {
                assertThat(e.getMessage()).startsWith("rule pack 'ftmo-2step'");
            }
        });
    }

    @Provide
    Arbitrary<String> ndjson() {
        return Fuzz.inputs("ndjson");
    }

    @Provide
    Arbitrary<String> mt5Ticks() {
        return Fuzz.inputs("mt5-ticks");
    }

    @Provide
    Arbitrary<String> mt5Bars() {
        return Fuzz.inputs("mt5-bars");
    }

    @Provide
    Arbitrary<String> rulePacks() {
        return Fuzz.inputs("rule-packs");
    }
}
