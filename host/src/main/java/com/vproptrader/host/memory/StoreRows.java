package com.vproptrader.host.memory;

import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Signal;
import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** The INSERTs of the long-term store, one per kind of row. */
final class StoreRows {
    /** Neighbours summarised in each entry row, among the newest {@link #SIMILAR_AMONG} trades closed before it. */
    static final int SIMILAR_K = 10;
    static final int SIMILAR_AMONG = 1000;

    private static final String ENTRY = upsert("entries", "signal_key", "signal_key", "symbol", "side", "alpha",
            "regime", "session", "reference_price", "sl", "tp1", "tp2", "volume", "risk_cents", "decided_msc",
            "governor_state", "q", "grade", "model_probability", "model_version", "plugin_versions", "similar_count",
            "similar_win_rate", "alpha_strength");
    private static final String ENTRY_FEATURE = upsert("entry_features", "signal_key, name", "signal_key", "name",
            "value");
    private static final String FILL = upsert("fills", "journal_seq", "deal", "position_id", "order_id", "symbol",
            "side", "entry", "volume", "price", "profit", "commission", "swap", "time_msc", "signal_key", "reason",
            "journal_seq");
    private static final String TRADE = upsert("trades", "position_id", "position_id", "signal_key", "alpha",
            "alpha_version", "regime", "session", "symbol", "side", "volume", "entry_price", "exit_price",
            "open_time_msc", "close_time_msc", "pnl_cents", "risk_cents", "exit_reason", "journal_seq");
    private static final String VERSION = "INSERT INTO versions VALUES (?,?,?,?) ON CONFLICT DO NOTHING";
    private static final String TRADING_DAY = "INSERT INTO trading_days VALUES (?) ON CONFLICT DO NOTHING";
    private static final String DECISION = upsert("decisions", "journal_seq", "journal_seq", "time_msc", "kind",
            "symbol", "detail");

    private StoreRows() {
    }

    /**
     * INSERT of {@code columns} that replaces the row with the same {@code key} (a re-read of the journal writes
     * the same rows again): {@code ON CONFLICT … DO UPDATE}, the same text for SQLite and PostgreSQL.
     */
    static String upsert(String table, String key, String... columns) {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(",");
        StringJoiner updates = new StringJoiner(", ");
        List<String> keys = List.of(key.split(",\\s*"));
        for (String c : columns) {
            names.add(c);
            marks.add("?");
            if (!keys.contains(c)) {
                updates.add(c + " = excluded." + c);
            }
        }
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ") ON CONFLICT (" + key + ") DO UPDATE SET "
                + updates;
    }

    /**
     * The entry row, its features and the versions that decided it; {@code recent} gives the similar-trade sample and
     * {@code versionsWritten} the versions already written (each is written once: the first sighting stays).
     */
    static void entry(Chunk w, EntryContext e, RecentTrades recent, Set<String> versionsWritten) {
        Signal s = e.signal();
        EntryContext.Decision d = e.decision();
        SimilarTrades.Neighbourhood similar = e.features().isEmpty() ? SimilarTrades.Neighbourhood.NONE
                : SimilarTrades.Neighbourhood.of(SimilarTrades.exactOver(recent.closedBefore(w.handle(),
                        s.getDecidedOnTickMsc(), SIMILAR_AMONG)).exactNearest(e.features(), SIMILAR_K));
        recent.entryWritten(s.getSignalKey());
        w.run(ENTRY, s.getSignalKey(), s.getSymbol(), s.getSide().name(), s.getAlpha(), e.regime(), e.session(),
                s.getReferencePrice(), s.getSl(), s.getTp1(), s.getTp2(), s.getVolume(), e.riskAtStop().cents(),
                s.getDecidedOnTickMsc(), e.governorState(), orNull(d.q()), d.grade(), orNull(d.modelProbability()),
                d.modelVersion(), String.join(",", d.plugins()), similar.count(), orNull(similar.winRate()),
                orNull(d.alphaStrength()));
        for (Map.Entry<String, Double> feature : e.features().entrySet()) {
            w.batch(ENTRY_FEATURE, s.getSignalKey(), feature.getKey(), feature.getValue());
        }
        w.runBatch(ENTRY_FEATURE);
        version(w, versionsWritten, "alpha", e.alphaId(), e.alphaVersion(), s.getDecidedOnTickMsc());
        if (!e.rulePack().isEmpty()) {
            version(w, versionsWritten, "rule_pack", e.rulePack(), "", s.getDecidedOnTickMsc());
        }
        for (String label : d.plugins()) {
            int at = label.indexOf('@');
            version(w, versionsWritten, "plugin", at < 0 ? label : label.substring(0, at),
                    at < 0 ? "" : label.substring(at + 1), s.getDecidedOnTickMsc());
        }
    }

    private static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * The newest {@code newest} trades closed before {@code timeMsc} with their entry features, read through the
     * indexer's own transaction (trades it wrote earlier in this batch count): nothing the decision could not know.
     */
    static SimilarTrades.Sample closedBefore(Handle h, long timeMsc, int newest) {
        List<ClosedTrade> trades = new ArrayList<>(h.createQuery("SELECT * FROM trades WHERE close_time_msc < :t "
                        + "ORDER BY close_time_msc DESC, position_id DESC LIMIT :n").bind("t", timeMsc).bind("n", newest)
                .map((rs, ctx) -> TradeStore.trade(rs)).list());
        Collections.reverse(trades);
        Map<String, Map<String, Double>> features = new HashMap<>();
        if (!trades.isEmpty()) {
            h.createQuery("SELECT f.signal_key, f.name, f.value FROM entry_features f JOIN trades t "
                            + "ON t.signal_key = f.signal_key WHERE t.close_time_msc < :t AND t.close_time_msc >= :from")
                    .bind("t", timeMsc).bind("from", trades.get(0).closeTimeMsc())
                    .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getDouble(3)})
                    .forEach(r -> features.computeIfAbsent((String) r[0], k -> new HashMap<>())
                            .put((String) r[1], (Double) r[2]));
        }
        return new SimilarTrades.Sample(trades, trades.stream()
                .map(t -> features.getOrDefault(t.signalKey(), Map.of())).toList());
    }

    /** A version's first sighting; one already written is skipped (the INSERT would do nothing). */
    private static void version(Chunk w, Set<String> written, String component, String name, String version,
                                long timeMsc) {
        if (written.add(component + '\u0000' + name + '\u0000' + version)) {
            w.run(VERSION, component, name, version, timeMsc);
        }
    }

    static void fill(Chunk w, long seq, Fill f) {
        w.run(FILL, f.getDeal(), f.getPositionId(), f.getOrder(), f.getSymbol(), f.getSide().name(), f.getEntry().name(),
                f.getVolume(), f.getPrice(), f.getProfit(), f.getCommission(), f.getSwap(), f.getTimeMsc(),
                f.getSignalKey(), f.getReason(), seq);
    }

    static void trade(Chunk w, long seq, ClosedTrade t) {
        w.run(TRADE, t.positionId(), t.signalKey(), t.alpha(), t.alphaVersion(), t.regime(), t.session(), t.symbol(),
                t.side().name(), t.volume(), t.entryPrice(), t.exitPrice(), t.openTimeMsc(), t.closeTimeMsc(),
                t.pnl().cents(), t.riskAtStop().cents(), t.exitReason(), seq);
    }

    static void tradingDay(Chunk w, long startMsc) {
        w.run(TRADING_DAY, startMsc);
    }

    /** A decision: the journal row's kind and the line a person reads for it; run with the chunk's others at its end. */
    static void decision(Chunk w, long seq, long timeMsc, String kind, String symbol, String detail) {
        w.batch(DECISION, seq, timeMsc, kind, symbol, detail);
    }

    /**
     * The store's writes of one indexed chunk, in its transaction: each INSERT prepared once and bound through JDBC
     * (jdbi's binding of every argument of every row cost more than the insert itself), decisions in one batch.
     */
    static final class Chunk implements AutoCloseable {
        private final Handle handle;
        private final Map<String, PreparedStatement> prepared = new HashMap<>();

        Chunk(Handle handle) {
            this.handle = handle;
        }

        /** The transaction's handle, for the reads an entry needs. */
        Handle handle() {
            return handle;
        }

        void run(String sql, Object... values) {
            try {
                bind(statement(sql), values).executeUpdate();
            } catch (SQLException e) {
                throw failed(sql, e);
            }
        }

        void batch(String sql, Object... values) {
            try {
                bind(statement(sql), values).addBatch();
            } catch (SQLException e) {
                throw failed(sql, e);
            }
        }

        void runBatch(String sql) {
            PreparedStatement statement = prepared.get(sql);
            if (statement != null) {
                try {
                    statement.executeBatch();
                } catch (SQLException e) {
                    throw failed(sql, e);
                }
            }
        }

        /** Runs the decisions batched, then lets the statements go (the transaction commits after). */
        @Override
        public void close() {
            runBatch(DECISION);
            for (PreparedStatement statement : prepared.values()) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    throw failed("close", e);
                }
            }
            prepared.clear();
        }

        private PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement statement = prepared.get(sql);
            if (statement == null) {
                statement = handle.getConnection().prepareStatement(sql);
                prepared.put(sql, statement);
            }
            return statement;
        }

        /** Binds by Java type, as jdbi did: a null Double is a SQL NULL of a double column. */
        private static PreparedStatement bind(PreparedStatement statement, Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                int at = i + 1;
                Object value = values[i];
                if (value == null) {
                    statement.setNull(at, Types.DOUBLE);
                } else if (value instanceof String v) {
                    statement.setString(at, v);
                } else if (value instanceof Long v) {
                    statement.setLong(at, v);
                } else if (value instanceof Integer v) {
                    statement.setInt(at, v);
                } else if (value instanceof Double v) {
                    statement.setDouble(at, v);
                } else {
                    throw new IllegalArgumentException("no binding for " + value.getClass());
                }
            }
            return statement;
        }

        private static IllegalStateException failed(String sql, SQLException e) {
            return new IllegalStateException("long-term store write failed (" + sql + "): " + e.getMessage(), e);
        }
    }
}
