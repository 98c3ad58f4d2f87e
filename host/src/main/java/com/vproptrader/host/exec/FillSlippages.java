package com.vproptrader.host.exec;

import com.vproptrader.proto.FillSlippage;
import com.vproptrader.proto.Side;
import java.util.function.Consumer;

/**
 * One symbol's newest entry fills as slippage samples: side, lots, slippage against the signal's reference
 * price and the spread when the signal left. Parallel primitive arrays; messages are built only when a
 * candidate asks.
 */
final class FillSlippages {
    private final boolean[] buy;
    private final double[] volume;
    private final double[] slippage;
    private final double[] spreadAtSend;
    private final long[] timeMsc;
    private int next;
    private int size;

    FillSlippages(int window) {
        buy = new boolean[window];
        volume = new double[window];
        slippage = new double[window];
        spreadAtSend = new double[window];
        timeMsc = new long[window];
    }

    /**
     * Records one deal. Slippage is signed so that positive is always worse for us: a buy filled above the
     * reference, a sell filled below it.
     */
    void add(Side side, double lots, double fillPrice, double referencePrice, double point, double spreadPoints,
             long fillTimeMsc) {
        boolean isBuy = side == Side.BUY;
        buy[next] = isBuy;
        volume[next] = lots;
        slippage[next] = (isBuy ? fillPrice - referencePrice : referencePrice - fillPrice) / point;
        spreadAtSend[next] = spreadPoints;
        timeMsc[next] = fillTimeMsc;
        next = next + 1 == buy.length ? 0 : next + 1;
        size = Math.min(size + 1, buy.length);
    }

    int size() {
        return size;
    }

    /** The i-th oldest kept sample's slippage (0 = oldest), points. */
    double slippage(int i) {
        return slippage[index(i)];
    }

    void forEachOldestFirst(Consumer<FillSlippage> to) {
        for (int i = 0; i < size; i++) {
            int k = index(i);
            to.accept(FillSlippage.newBuilder()
                    .setSide(buy[k] ? Side.BUY : Side.SELL)
                    .setVolumeLots(volume[k])
                    .setSlippagePoints(slippage[k])
                    .setSpreadAtSendPoints(spreadAtSend[k])
                    .setTimeMsc(timeMsc[k])
                    .build());
        }
    }

    private int index(int i) {
        int k = next - size + i;
        return k < 0 ? k + buy.length : k;
    }
}
