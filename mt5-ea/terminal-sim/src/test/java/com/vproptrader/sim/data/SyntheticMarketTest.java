package com.vproptrader.sim.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.Tick;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticMarketTest {

    @Test
    void sixSymbols_comeInTimeOrder_eachOnItsOwnDigits_andTheFirstIsTheOneSymbolGenerator() {
        SyntheticMarket market = new SyntheticMarket(42, SymbolProfile.SIX, 2_000);
        List<Tick> all = new ArrayList<>();
        market.forEachRemaining(all::add);

        assertThat(all).hasSize(12_000);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).getTimeMsc()).isGreaterThanOrEqualTo(all.get(i - 1).getTimeMsc());
        }
        Map<String, Integer> digits = Map.of("EURUSD", 5, "GBPUSD", 5, "USDJPY", 3, "XAUUSD", 2, "US30", 1, "NAS100", 2);
        for (Tick t : all) {
            assertThat(BigDecimal.valueOf(t.getBid()).stripTrailingZeros().scale())
                    .as(t.getSymbol() + " bid " + t.getBid()).isLessThanOrEqualTo(digits.get(t.getSymbol()));
        }
        List<Tick> eurusd = all.stream().filter(t -> t.getSymbol().equals("EURUSD")).toList();
        List<Tick> alone = new ArrayList<>();
        new SyntheticTicks(42, "EURUSD", 2_000).forEachRemaining(alone::add);
        assertThat(eurusd).isEqualTo(alone);
    }

    @Test
    void eachSymbolsSpreadAndNoise_lookLikeItsMarket() {
        SyntheticMarket market = SyntheticMarket.of(7, "EURUSD,XAUUSD,US30,NAS100", 5_000);
        Map<String, double[]> spreadRange = new HashMap<>();
        market.forEachRemaining(t -> {
            double[] r = spreadRange.computeIfAbsent(t.getSymbol(), s -> new double[] {Double.MAX_VALUE, 0});
            double spread = t.getAsk() - t.getBid();
            r[0] = Math.min(r[0], spread);
            r[1] = Math.max(r[1], spread);
        });

        assertThat(spreadRange.get("EURUSD")[1]).isLessThan(0.0002);     // under 2 pips
        assertThat(spreadRange.get("XAUUSD")[0]).isGreaterThanOrEqualTo(0.19); // 20 cents and up
        assertThat(spreadRange.get("US30")[0]).isGreaterThanOrEqualTo(1.99);   // 2 index points and up
        assertThat(spreadRange.get("NAS100")[1]).isLessThan(2.01);
    }
}
