package com.vproptrader.host.engine;

import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.Tick;

/**
 * What the loop remembers of one symbol: its spec, the last tick, a short ring of mid prices for the alphas,
 * and the order awaiting its answer. Owned by the event-loop thread.
 */
final class SymbolMarket {
    private final double[] mids;
    private int count;
    private int next;
    SymbolSpec spec;
    Tick lastTick;
    /** The signal sent and not yet answered by a fill or reject; null when none. */
    Signal pending;

    boolean isPending(String signalKey) {
        return pending != null && pending.getSignalKey().equals(signalKey);
    }

    SymbolMarket(SymbolSpec spec, int historyLength) {
        this.spec = spec;
        this.mids = new double[historyLength];
    }

    double point() {
        return Math.pow(10, -spec.getDigits());
    }

    void add(Tick tick) {
        lastTick = tick;
        mids[next] = (tick.getBid() + tick.getAsk()) / 2;
        next = (next + 1) % mids.length;
        count = Math.min(count + 1, mids.length);
    }

    int size() {
        return count;
    }

    /** The i-th oldest kept mid (0 = oldest). */
    double mid(int i) {
        return mids[(next - count + i + mids.length) % mids.length];
    }

    /** Standard deviation of tick-to-tick mid changes over the kept history, in price. */
    double tickSigma() {
        if (count < 3) {
            return 0;
        }
        double sum = 0;
        double sumSq = 0;
        for (int i = 1; i < count; i++) {
            double d = mid(i) - mid(i - 1);
            sum += d;
            sumSq += d * d;
        }
        int n = count - 1;
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    }
}
