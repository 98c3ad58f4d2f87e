package com.vproptrader.host.engine;

import com.google.protobuf.Internal;
import com.vproptrader.proto.AlphaInput;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.Tick;
import java.util.List;

/**
 * What the loop remembers of one symbol: its spec, the last tick, the newest mid prices for the alphas,
 * and the order awaiting its answer. Owned by the event-loop thread.
 */
final class SymbolMarket {
    /** The newest mids, oldest first, at most {@link #historyLength}: the alphas' input copies it in one go. */
    private final Internal.DoubleList mids;
    private final int historyLength;
    SymbolSpec spec;
    Tick lastTick;
    /** The signal sent and not yet answered by a fill or reject; null when none. */
    Signal pending;

    boolean isPending(String signalKey) {
        return pending != null && pending.getSignalKey().equals(signalKey);
    }

    SymbolMarket(SymbolSpec spec, int historyLength) {
        this.spec = spec;
        this.historyLength = historyLength;
        this.mids = NO_MIDS.mutableCopyWithCapacity(historyLength);
    }

    double point() {
        return Math.pow(10, -spec.getDigits());
    }

    void add(Tick tick) {
        lastTick = tick;
        if (mids.size() == historyLength) {
            mids.remove(0); // one shift of the array, no allocation
        }
        mids.addDouble((tick.getBid() + tick.getAsk()) / 2);
    }

    int size() {
        return mids.size();
    }

    /** The i-th oldest kept mid (0 = oldest). */
    double mid(int i) {
        return mids.getDouble(i);
    }

    /**
     * The kept mids, oldest first, to be copied (not kept: the next tick changes them). A protobuf builder's
     * {@code addAll} takes them in one array copy.
     */
    List<Double> mids() {
        return mids;
    }

    /** Standard deviation of tick-to-tick mid changes over the kept history, in price. */
    double tickSigma() {
        int count = mids.size();
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

    /** The protobuf runtime's empty list of doubles: a copy of it with a capacity holds the mids unboxed. */
    private static final Internal.DoubleList NO_MIDS =
            (Internal.DoubleList) AlphaInput.getDefaultInstance().getMidHistoryList();
}
