package com.vproptrader.host.memory;

import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Signal;
import org.jdbi.v3.core.Handle;

/** The INSERTs of the long-term store, one per kind of row. */
final class StoreRows {
    private StoreRows() {
    }

    static void entry(Handle h, EntryContext e) {
        Signal s = e.signal();
        h.createUpdate("INSERT OR REPLACE INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .bind(0, s.getSignalKey()).bind(1, s.getSymbol()).bind(2, s.getSide().name()).bind(3, s.getAlpha())
                .bind(4, e.regime()).bind(5, e.session()).bind(6, s.getReferencePrice()).bind(7, s.getSl())
                .bind(8, s.getTp1()).bind(9, s.getTp2()).bind(10, s.getVolume()).bind(11, e.riskAtStop().cents())
                .bind(12, s.getDecidedOnTickMsc()).bind(13, e.governorState()).execute();
        var batch = h.prepareBatch("INSERT OR REPLACE INTO entry_features VALUES (?,?,?)");
        e.features().forEach((name, value) -> batch.bind(0, s.getSignalKey()).bind(1, name).bind(2, value).add());
        if (batch.size() > 0) {
            batch.execute();
        }
        version(h, "alpha", e.alphaId(), e.alphaVersion(), s.getDecidedOnTickMsc());
        if (!e.rulePack().isEmpty()) {
            version(h, "rule_pack", e.rulePack(), "", s.getDecidedOnTickMsc());
        }
    }

    private static void version(Handle h, String component, String name, String version, long timeMsc) {
        h.execute("INSERT OR IGNORE INTO versions VALUES (?,?,?,?)", component, name, version, timeMsc);
    }

    static void fill(Handle h, long seq, Fill f) {
        h.execute("INSERT OR REPLACE INTO fills VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", f.getDeal(), f.getPositionId(),
                f.getOrder(), f.getSymbol(), f.getSide().name(), f.getEntry().name(), f.getVolume(), f.getPrice(),
                f.getProfit(), f.getCommission(), f.getSwap(), f.getTimeMsc(), f.getSignalKey(), f.getReason(), seq);
    }

    static void trade(Handle h, long seq, ClosedTrade t) {
        h.execute("INSERT OR REPLACE INTO trades VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", t.positionId(),
                t.signalKey(), t.alpha(), t.alphaVersion(), t.regime(), t.session(), t.symbol(), t.side().name(),
                t.volume(), t.entryPrice(), t.exitPrice(), t.openTimeMsc(), t.closeTimeMsc(), t.pnl().cents(),
                t.riskAtStop().cents(), t.exitReason(), seq);
    }

    static void tradingDay(Handle h, long startMsc) {
        h.execute("INSERT OR IGNORE INTO trading_days VALUES (?)", startMsc);
    }

    static void decision(Handle h, long seq, long timeMsc, String kind, String symbol, String detail) {
        h.execute("INSERT OR REPLACE INTO decisions VALUES (?,?,?,?,?)", seq, timeMsc, kind, symbol, detail);
    }
}
