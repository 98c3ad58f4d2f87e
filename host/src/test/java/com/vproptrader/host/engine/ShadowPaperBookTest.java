package com.vproptrader.host.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.host.risk.StopLevels;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Tick;
import org.junit.jupiter.api.Test;

class ShadowPaperBookTest {
    private static Tick quote(String symbol, double bid, double ask) {
        return Tick.newBuilder().setSymbol(symbol).setBid(bid).setAsk(ask).build();
    }

    @Test
    void aShadowsLongSettlesAtTp1ByTheBid_andItsShortAtTheStopByTheAsk_inR() {
        ShadowPaperBook book = new ShadowPaperBook();
        // long at the ask 1.10010: SL 1.09990 (20 points), TP1 1.10040 (30 points) -> +1.5 R
        book.wouldTrade("alpha-x@2.0.0", "EURUSD", Side.BUY, 1.10010, new StopLevels(1.09990, 1.10040, 1.10058, 0.0002));
        // short at the bid 150.000: SL 150.100, TP1 149.850 -> -1 R when the ask reaches the stop
        book.wouldTrade("alpha-x@2.0.0", "USDJPY", Side.SELL, 150.000, new StopLevels(150.100, 149.850, 149.760, 0.1));

        book.onTick(quote("EURUSD", 1.10039, 1.10049)); // the ask is beyond TP1 but a long exits at the bid: still open
        assertThat(book.snapshot().get("alpha-x@2.0.0").open()).isEqualTo(2);
        book.onTick(quote("EURUSD", 1.10040, 1.10050));
        book.onTick(quote("USDJPY", 150.090, 150.100));

        ShadowPaperBook.Stats s = book.snapshot().get("alpha-x@2.0.0");
        assertThat(s.trades()).isEqualTo(2);
        assertThat(s.open()).isZero();
        assertThat(s.wins()).isEqualTo(1);
        assertThat(s.pnlR()).isCloseTo(1.5 - 1, within(1e-9));
        assertThat(s.winRate()).isEqualTo(0.5);
    }

    @Test
    void oneVirtualPositionPerShadowAndSymbol_andNoVoteOpensNothing() {
        ShadowPaperBook book = new ShadowPaperBook();
        StopLevels levels = new StopLevels(1.0990, 1.1015, 1.1024, 0.001);
        book.wouldTrade("m@1", "EURUSD", Side.BUY, 1.1000, levels);
        book.wouldTrade("m@1", "EURUSD", Side.BUY, 1.1001, levels);
        book.wouldTrade("m@1", "EURUSD", Side.SIDE_UNSPECIFIED, 1.1001, levels);
        book.wouldTrade("other@1", "EURUSD", Side.SELL, 1.1000, new StopLevels(1.1010, 1.0985, 1.0976, 0.001));

        assertThat(book.snapshot().get("m@1").open()).isEqualTo(1);
        assertThat(book.snapshot().get("other@1").open()).isEqualTo(1);
        book.onTick(quote("GBPUSD", 2, 2.0001));
        assertThat(book.snapshot().get("m@1").trades()).isZero();
        assertThat(book.snapshot().get("m@1").winRate()).isNaN();
    }
}
