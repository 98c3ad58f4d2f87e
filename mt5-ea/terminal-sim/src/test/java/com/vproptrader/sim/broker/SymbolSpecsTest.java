package com.vproptrader.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolSpecsTest {

    @Test
    void builtInSpecs_coverTheMajorsAndGold_withRealisticProperties() {
        SymbolSpecs specs = SymbolSpecs.builtIn();

        assertThat(specs.symbols()).contains("EURUSD", "GBPUSD", "USDJPY", "XAUUSD");
        SymbolSpec eurusd = specs.get("EURUSD").orElseThrow().spec();
        assertThat(eurusd.getDigits()).isEqualTo(5);
        assertThat(eurusd.getContractSize()).isEqualTo(100_000);
        assertThat(eurusd.getTickValue()).isEqualTo(1);
        assertThat(eurusd.getCommissionPerLot()).isPositive();
        Instrument jpy = specs.get("USDJPY").orElseThrow();
        assertThat(jpy.spec().getDigits()).isEqualTo(3);
        assertThat(jpy.baseCurrency()).isEqualTo("USD");
        assertThat(jpy.quoteCurrency()).isEqualTo("JPY");
        SymbolSpec gold = specs.get("XAUUSD").orElseThrow().spec();
        assertThat(gold.getContractSize()).isEqualTo(100);
        assertThat(gold.getStopsLevelPoints()).isPositive();
    }

    @Test
    void builtInSpecsFile_saysItsValuesAreIllustrative() throws Exception {
        try (InputStream in = SymbolSpecs.class.getResourceAsStream("symbol-specs.json")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("ILLUSTRATIVE", "NOT any broker's quote");
        }
    }

    @Test
    void specsFromConfigJson_parseProtoFieldsAndCurrencies_andReplaceBuiltIns() {
        SymbolSpecs mine = SymbolSpecs.parse("""
                {"symbols":[{"symbol":"EURUSD","base":"EUR","quote":"USD","digits":5,"contractSize":100000,
                 "tickSize":0.00001,"tickValue":1,"volumeMin":0.1,"volumeStep":0.1,"volumeMax":10,
                 "stopsLevelPoints":20,"swapLong":-1,"swapShort":-2,"commissionPerLot":3.5}]}""");
        SymbolSpecs merged = SymbolSpecs.builtIn().with(mine.get("EURUSD").orElseThrow());

        SymbolSpec eurusd = merged.get("EURUSD").orElseThrow().spec();
        assertThat(eurusd.getVolumeMin()).isEqualTo(0.1);
        assertThat(eurusd.getStopsLevelPoints()).isEqualTo(20);
        assertThat(eurusd.getCommissionPerLot()).isEqualTo(3.5);
        assertThat(merged.symbols()).contains("XAUUSD");
        assertThatThrownBy(() -> SymbolSpecs.parse("{\"symbols\":[{\"symbol\":\"X\",\"contractSize\":0}]}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usdjpyTickValue_isComputedFromTheCurrentPrice_inHelloAndInProfit() {
        Desk desk = new Desk(BrokerConfig.defaults(), Desk.tuesday());
        assertThat(desk.broker.hello("").getSymbolsList()).filteredOn(s -> s.getSymbol().equals("USDJPY"))
                .singleElement().satisfies(s -> assertThat(s.getTickValue()).isEqualTo(0.66667)); // reference, no price yet

        desk.tick("USDJPY", 150.000, 150.010);
        SymbolSpec live = desk.broker.symbolSpecs().stream().filter(s -> s.getSymbol().equals("USDJPY")).findFirst().orElseThrow();
        assertThat(live.getTickValue()).isCloseTo(0.001 * 100_000 / 150.005, within(1e-12));

        long ticket = Desk.fill(desk.send(desk.signal("USDJPY", Side.BUY, 1.0))).getPositionId();
        desk.tick("USDJPY", 151.010, 151.020);
        double profit = Desk.fill(desk.close(ticket, 0)).getProfit();
        // 1 lot x 100 000 USD x 1.000 JPY = 100 000 JPY, worth 100 000 / 151.015 USD at the closing mid
        assertThat(profit).isCloseTo(100_000 / 151.015, within(0.006));
    }

    @Test
    void crossTickValue_usesTheQuoteCurrencysUsdRate_whenThatPairHasAQuote() {
        Desk desk = new Desk(BrokerConfig.defaults(), Desk.tuesday());
        desk.tick("EURGBP", 0.86000, 0.86010);
        assertThat(tickValue(desk, "EURGBP")).isEqualTo(1.27); // GBPUSD unknown yet: the spec's reference value

        desk.tick("GBPUSD", 1.25000, 1.25010);
        assertThat(tickValue(desk, "EURGBP")).isCloseTo(1.25005, within(1e-9));
    }

    @Test
    void margin_isLotsTimesContractTimesPriceOverLeverage_inAccountCurrency() {
        Desk desk = new Desk(BrokerConfig.defaults().withSymbols(SymbolSpecs.builtIn()), Desk.tuesday());
        desk.tick("XAUUSD", 2050.00, 2050.30);
        desk.tick("USDJPY", 150.000, 150.010);

        desk.send(desk.signal("XAUUSD", Side.BUY, 1.0));
        assertThat(desk.broker.margin()).isCloseTo(1 * 100 * 2050.30 / 100, within(1e-6));
        desk.send(desk.signal("USDJPY", Side.SELL, 1.0));
        // 100 000 x 150.000 / 100 JPY converted at the USDJPY mid: about 1000 USD, as a USD-based pair should be
        assertThat(desk.broker.margin() - 2050.30).isCloseTo(100_000 * 150.000 / 100 / 150.005, within(1e-6));
    }

    private static double tickValue(Desk desk, String symbol) {
        List<SymbolSpec> specs = desk.broker.symbolSpecs();
        return specs.stream().filter(s -> s.getSymbol().equals(symbol)).findFirst().orElseThrow().getTickValue();
    }
}
