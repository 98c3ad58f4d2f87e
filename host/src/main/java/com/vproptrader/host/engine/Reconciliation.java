package com.vproptrader.host.engine;

import com.vproptrader.host.journal.Journal;
import com.vproptrader.proto.JournalKind;
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
                journal.note(JournalKind.KIND_RECONCILE, t, ours.getSymbol(), "closed while disconnected: " + Journal.toJson(ours));
            } else if (their.getVolume() != ours.getVolume() || their.getSide() != ours.getSide()) {
                journal.note(JournalKind.KIND_RECONCILE, t, ours.getSymbol(), "changed while disconnected: " + Journal.toJson(their));
            }
        }
        for (Position their : hello.getPositionsList()) {
            if (!book.positions.containsKey(their.getTicket())) {
                journal.note(JournalKind.KIND_RECONCILE, t, their.getSymbol(), "adopted from terminal: " + Journal.toJson(their));
            }
            SymbolMarket market = markets.get(their.getSymbol());
            if (market != null && market.isPending(their.getSignalKey())) {
                market.pending = null; // executed while we could not hear the fill
            }
        }
        book.replacePositions(hello.getPositionsList());
    }
}
