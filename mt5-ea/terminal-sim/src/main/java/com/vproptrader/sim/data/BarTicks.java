package com.vproptrader.sim.data;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;
import java.util.List;

/**
 * Turns a bar into the four ticks MT5's tester uses for "1 minute OHLC": open, then one extreme, the
 * other extreme, close (bullish bars visit the low first). Ask = bid + the bar's spread. A coarse
 * stand-in for real ticks, for when only bars are available.
 */
public final class BarTicks {
    private BarTicks() {
    }

    /** @param barMillis the bar's length; ticks are placed at 0, 1/4, 2/4 and 3/4 of it */
    public static List<Tick> expand(Bar bar, int digits, long barMillis) {
        double scale = Math.pow(10, digits);
        double spread = bar.getSpreadPoints() / scale;
        boolean bullish = bar.getClose() >= bar.getOpen();
        double[] path = bullish
                ? new double[] {bar.getOpen(), bar.getLow(), bar.getHigh(), bar.getClose()}
                : new double[] {bar.getOpen(), bar.getHigh(), bar.getLow(), bar.getClose()};
        Tick[] ticks = new Tick[4];
        for (int i = 0; i < 4; i++) {
            ticks[i] = Tick.newBuilder().setSymbol(bar.getSymbol())
                    .setTimeMsc(bar.getOpenTimeMsc() + i * barMillis / 4)
                    .setBid(path[i]).setAsk(Math.round((path[i] + spread) * scale) / scale).setFlags(6).build();
        }
        return List.of(ticks);
    }
}
