package com.vproptrader.host.engine;

import com.vproptrader.host.journal.Journal;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.ReconcileRecord;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.Position;

import java.util.HashMap;
import java.util.Map;

/** What a reconnecting terminal's snapshot changes in the host's view of the account. Event-loop thread only. */
final class Reconciliation {
    private Reconciliation() {
    }

    /**
     * The terminal's snapshot is the truth about positions: what changed while the link was down (stops hit,
     * a hand close, an order executed after we lost the link) is journaled, then the book takes the snapshot.
     */
    static void apply(Hello hello, AccountBook book, Map<String, SymbolMarket> markets, Journal journal) {
        long t = hello.getServerTimeMsc();
        Map<Long, Position> theirs = new HashMap<>();
        hello.getPositionsList().forEach(p -> theirs.put(p.getTicket(), p));
        for (Position ours : book.positions.values()) {
            Position their = theirs.get(ours.getTicket());
            if (their == null) {
                journal.append(t, ours.getSymbol(), record("closed while disconnected", ours));
            } else if (their.getVolume() != ours.getVolume() || their.getSide() != ours.getSide()) {
                journal.append(t, ours.getSymbol(), record("changed while disconnected", their));
            }
        }
        for (Position their : hello.getPositionsList()) {
            if (!book.positions.containsKey(their.getTicket())) {
                journal.append(t, their.getSymbol(), record("adopted from terminal", their));
            }
            SymbolMarket market = markets.get(their.getSymbol());
            if (market != null && market.isPending(their.getSignalKey())) {
                market.pending = null; // executed while we could not hear the fill
            }
        }
        book.replacePositions(hello.getPositionsList());
    }

    private static JournalRecord record(String change, Position position) {
        return JournalRecord.newBuilder().setReconcile(ReconcileRecord.newBuilder().setChange(change).setPosition(position))
                .build();
    }
}
