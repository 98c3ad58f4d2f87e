package com.vproptrader.host.exec;

import com.google.protobuf.Internal;
import com.vproptrader.host.feature.DoubleRing;
import com.vproptrader.host.feature.TradingSession;
import com.vproptrader.proto.FilterInput;
import java.util.List;

/**
 * One symbol's recent spreads in points: the newest over all sessions, and the newest of each session of
 * day. A session's ring keeps its spreads across days, so London's spread is judged against earlier London
 * hours rather than against the thin Asian book before it.
 */
final class SpreadHistory {
    private final DoubleRing all;
    private final DoubleRing[] bySession = new DoubleRing[TradingSession.values().length];

    SpreadHistory(int window, int sessionWindow) {
        all = new DoubleRing(window);
        for (int i = 0; i < bySession.length; i++) {
            bySession[i] = new DoubleRing(sessionWindow);
        }
    }

    void add(double spreadPoints, TradingSession session) {
        all.push(spreadPoints);
        bySession[session.ordinal()].push(spreadPoints);
    }

    /** The spreads over all sessions, oldest first, in a list a protobuf builder takes in one array copy. */
    List<Double> oldestFirst() {
        return oldestFirst(all);
    }

    /** The spreads of {@code session}, oldest first, as {@link #oldestFirst()}. */
    List<Double> oldestFirst(TradingSession session) {
        return oldestFirst(bySession[session.ordinal()]);
    }

    int size(TradingSession session) {
        return bySession[session.ordinal()].size();
    }

    private static List<Double> oldestFirst(DoubleRing ring) {
        Internal.DoubleList out = NO_SPREADS.mutableCopyWithCapacity(ring.size());
        for (int lag = ring.size() - 1; lag >= 0; lag--) {
            out.addDouble(ring.get(lag));
        }
        return out;
    }

    /** The protobuf runtime's empty list of doubles: a copy of it with a capacity holds spreads unboxed. */
    private static final Internal.DoubleList NO_SPREADS =
            (Internal.DoubleList) FilterInput.getDefaultInstance().getRecentSpreadsPointsList();
}
