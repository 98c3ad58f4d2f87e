package com.vproptrader.host.exec;

import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;

/**
 * The newest signals sent, kept until their slot is reused so that every deal of a partly filled order
 * still finds its reference price and the spread it was sent into. A slot remembers whether the signal has
 * been answered (first fill or reject), which ends its round trip.
 */
final class SentSignals {
    private final String[] key;
    private final Side[] side;
    private final double[] referencePrice;
    private final double[] spreadAtSend;
    private final long[] sentNanos;
    private final boolean[] answered;
    private int next;
    /** Slots holding a signal not yet answered: while none does, the per-tick checks read no slot. */
    private int waiting;

    SentSignals(int capacity) {
        key = new String[capacity];
        side = new Side[capacity];
        referencePrice = new double[capacity];
        spreadAtSend = new double[capacity];
        sentNanos = new long[capacity];
        answered = new boolean[capacity];
    }

    void add(Signal signal, double spreadPoints, long nanos) {
        if (key[next] != null && !answered[next]) {
            waiting--; // forgotten unanswered: its slot is reused
        }
        waiting++;
        key[next] = signal.getSignalKey();
        side[next] = signal.getSide();
        referencePrice[next] = signal.getReferencePrice();
        spreadAtSend[next] = spreadPoints;
        sentNanos[next] = nanos;
        answered[next] = false;
        next = next + 1 == key.length ? 0 : next + 1;
    }

    /** The slot of {@code signalKey}, or -1 when it was never sent or has been forgotten. */
    int find(String signalKey) {
        for (int i = 0; i < key.length; i++) {
            if (signalKey.equals(key[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Marks the slot answered; returns its round trip in ms, or NaN when it was answered before. */
    double answer(int slot, long nanos) {
        if (answered[slot]) {
            return Double.NaN;
        }
        answered[slot] = true;
        waiting--;
        return (nanos - sentNanos[slot]) / 1e6;
    }

    /** Gives up on signals unanswered for {@code giveUpMs}: each is answered with its age, reported to {@code sink}. */
    void giveUp(long nanos, long giveUpMs, RoundTrips sink) {
        if (waiting == 0) {
            return;
        }
        for (int i = 0; i < key.length; i++) {
            if (key[i] != null && !answered[i] && (nanos - sentNanos[i]) / 1e6 >= giveUpMs) {
                sink.add(answer(i, nanos), nanos);
            }
        }
    }

    /** Age in ms of the oldest signal still waiting for its answer; 0 when none waits. */
    double oldestUnansweredMs(long nanos) {
        if (waiting == 0) {
            return 0;
        }
        double oldest = 0;
        for (int i = 0; i < key.length; i++) {
            if (key[i] != null && !answered[i]) {
                oldest = Math.max(oldest, (nanos - sentNanos[i]) / 1e6);
            }
        }
        return oldest;
    }

    Side side(int slot) {
        return side[slot];
    }

    double referencePrice(int slot) {
        return referencePrice[slot];
    }

    double spreadAtSend(int slot) {
        return spreadAtSend[slot];
    }
}
