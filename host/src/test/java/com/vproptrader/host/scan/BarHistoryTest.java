package com.vproptrader.host.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.PeerCloses;
import com.vproptrader.proto.Timeframe;
import org.junit.jupiter.api.Test;

class BarHistoryTest {
    private static final long MINUTE = 60_000;

    @Test
    void peersAreAlignedOnTheSymbolsBarTimes_carryingTheirLastCloseOverTheirGaps() {
        BarHistory history = new BarHistory(Timeframe.M1, 10);
        for (int m = 0; m < 30; m++) { // more bars than the ring keeps: the oldest are evicted
            history.onBarClosed(bar("EURUSD", m, 1 + m / 100.0));
            if (m % 3 != 1) { // GBPUSD misses every third minute
                history.onBarClosed(bar("GBPUSD", m, 2 + m / 100.0));
            }
        }
        history.onBarClosed(bar("USDJPY", 27, 150)); // too young to cover the window

        AlphaInput.Builder in = AlphaInput.newBuilder();
        history.fill(in, "EURUSD", 5, true);

        assertThat(in.getBarsList()).extracting(Bar::getOpenTimeMsc)
                .containsExactly(25 * MINUTE, 26 * MINUTE, 27 * MINUTE, 28 * MINUTE, 29 * MINUTE);
        assertThat(in.getPeersList()).extracting(PeerCloses::getSymbol).containsExactly("GBPUSD");
        // minutes 25..29 of GBPUSD: 25 missing (carry 24), 26, 27, 28 missing (carry 27), 29
        assertThat(in.getPeers(0).getClosesList()).containsExactly(2.24, 2.26, 2.27, 2.27, 2.29);
    }

    @Test
    void aPeerWhoseBarsCameOutOfOrder_isAlignedAsAWalkFromItsOldestBar() {
        BarHistory history = new BarHistory(Timeframe.M1, 10);
        for (int m = 0; m < 6; m++) {
            history.onBarClosed(bar("EURUSD", m, 1));
        }
        history.onBarClosed(bar("GBPUSD", 0, 2.0));
        history.onBarClosed(bar("GBPUSD", 3, 2.3));
        history.onBarClosed(bar("GBPUSD", 2, 2.2)); // out of order: the walk stops at the first bar after a time
        history.onBarClosed(bar("GBPUSD", 5, 2.5));

        AlphaInput.Builder in = AlphaInput.newBuilder();
        history.fill(in, "EURUSD", 4, true);

        assertThat(in.getPeers(0).getClosesList()).containsExactly(2.0, 2.2, 2.2, 2.5);
    }

    private static Bar bar(String symbol, int minute, double close) {
        return Bar.newBuilder().setSymbol(symbol).setTimeframe(Timeframe.M1).setOpenTimeMsc(minute * MINUTE)
                .setOpen(close).setHigh(close).setLow(close).setClose(close).build();
    }
}
