package com.vproptrader.host.engine;

import com.vproptrader.host.time.ServerClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.host.feature.FeatureConfig;
import com.vproptrader.host.feature.FeatureEngine;
import com.vproptrader.host.risk.VolatilityTarget;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.Tick;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenBookTest {
    private static final SymbolSpec EURUSD = SymbolSpec.newBuilder().setSymbol("EURUSD").setDigits(5)
            .setTickSize(0.00001).setTickValue(1).build();
    private static final SymbolSpec GBPUSD = EURUSD.toBuilder().setSymbol("GBPUSD").build();

    private final FeatureEngine features = new FeatureEngine(FeatureConfig.defaults(), ServerClock.NY_CLOSE);
    private final Map<String, SymbolMarket> markets = new HashMap<>();
    private final AccountBook book = new AccountBook();

    private void market(SymbolSpec spec, double mid) {
        SymbolMarket m = new SymbolMarket(spec, 8);
        m.add(Tick.newBuilder().setSymbol(spec.getSymbol()).setBid(mid).setAsk(mid).build());
        markets.put(spec.getSymbol(), m);
    }

    @Test
    void anOpenLong_isSeenWithItsDailyVol_andTheCandidateLast() {
        market(EURUSD, 1.10000);
        market(GBPUSD, 1.25000);
        book.positions.put(7L, Position.newBuilder().setTicket(7).setSymbol("EURUSD").setSide(Side.BUY).setVolume(2).build());

        OpenBook open = OpenBook.of(book, markets, features, "GBPUSD", Side.SELL, 1, 1.25);

        assertThat(open.symbols).containsExactly("EURUSD", "GBPUSD");
        // before realized vol is known: 0.6% of price a day; 2 lots × 0.0066 / 0.00001 × 1 = 1320 money
        assertThat(open.dailyVols[0]).isCloseTo(1320, within(1e-6));
        assertThat(open.dailyVols[1]).isCloseTo(-750, within(1e-6)); // short 1 lot × 0.0075 / 0.00001
        assertThat(open.exposures[0]).isCloseTo(2 * 1.1 / 0.00001, within(1e-3));
        assertThat(open.correlation[0][1]).isNaN();
    }

    @Test
    void anUnknownCorrelation_neverCountsAsAHedge_inTheVolTarget() {
        market(EURUSD, 1.10000);
        market(GBPUSD, 1.25000);
        book.positions.put(7L, Position.newBuilder().setTicket(7).setSymbol("EURUSD").setSide(Side.BUY).setVolume(0.5).build());

        var asHedge = OpenBook.of(book, markets, features, "GBPUSD", Side.SELL, 0, 1.25).forSizing();
        var sameWay = OpenBook.of(book, markets, features, "GBPUSD", Side.BUY, 0, 1.25).forSizing();

        assertThat(asHedge.correlation()[0][1]).isEqualTo(-1.0); // a short against a long: risks add at ρ = −1
        assertThat(sameWay.correlation()[0][1]).isEqualTo(1.0);
        VolatilityTarget target = VolatilityTarget.ONE_PERCENT;
        double shortRoom = target.maxLots(100_000, asHedge.signedDailyVols(), asHedge.correlation(), 750, -1);
        double longRoom = target.maxLots(100_000, sameWay.signedDailyVols(), sameWay.correlation(), 750, 1);
        assertThat(shortRoom).isCloseTo(longRoom, within(1e-9)); // no hedge credit without evidence
        // book vol 0.5 × 0.0066 / 0.00001 = 330; target 1% of 100k = 1000; at ρ = 1 the room is (1000 − 330) / 750
        assertThat(longRoom).isCloseTo((1000 - 330) / 750.0, within(1e-9));
    }
}
