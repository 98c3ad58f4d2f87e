package com.vproptrader.host.exec;

import com.vproptrader.host.feature.DoubleRing;
import com.vproptrader.host.feature.TradingSession;
import java.util.function.DoubleConsumer;

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

    void forEachOldestFirst(DoubleConsumer to) {
        forEach(all, to);
    }

    void forEachOldestFirst(TradingSession session, DoubleConsumer to) {
        forEach(bySession[session.ordinal()], to);
    }

    int size(TradingSession session) {
        return bySession[session.ordinal()].size();
    }

    private static void forEach(DoubleRing ring, DoubleConsumer to) {
        for (int lag = ring.size() - 1; lag >= 0; lag--) {
            to.accept(ring.get(lag));
        }
    }
}
