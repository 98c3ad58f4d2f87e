package com.vproptrader.host.memory;

import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Signal;
import org.jdbi.v3.core.Handle;

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
    static void entry(Handle h, EntryContext e, RecentTrades recent, Set<String> versionsWritten) {
        Signal s = e.signal();
        EntryContext.Decision d = e.decision();
        SimilarTrades.Neighbourhood similar = e.features().isEmpty() ? SimilarTrades.Neighbourhood.NONE
                : SimilarTrades.Neighbourhood.of(SimilarTrades.exactOver(recent.closedBefore(h, s.getDecidedOnTickMsc(),
                        SIMILAR_AMONG)).exactNearest(e.features(), SIMILAR_K));
        recent.entryWritten(s.getSignalKey());
        h.createUpdate(ENTRY)
                .bind(0, s.getSignalKey()).bind(1, s.getSymbol()).bind(2, s.getSide().name()).bind(3, s.getAlpha())
                .bind(4, e.regime()).bind(5, e.session()).bind(6, s.getReferencePrice()).bind(7, s.getSl())
                .bind(8, s.getTp1()).bind(9, s.getTp2()).bind(10, s.getVolume()).bind(11, e.riskAtStop().cents())
                .bind(12, s.getDecidedOnTickMsc()).bind(13, e.governorState()).bind(14, orNull(d.q()))
                .bind(15, d.grade()).bind(16, orNull(d.modelProbability())).bind(17, d.modelVersion())
                .bind(18, String.join(",", d.plugins())).bind(19, similar.count()).bind(20, orNull(similar.winRate()))
                .bind(21, orNull(d.alphaStrength()))
                .execute();
        var batch = h.prepareBatch(ENTRY_FEATURE);
        e.features().forEach((name, value) -> batch.bind(0, s.getSignalKey()).bind(1, name).bind(2, value).add());
        if (batch.size() > 0) {
            batch.execute();
        }
        version(h, versionsWritten, "alpha", e.alphaId(), e.alphaVersion(), s.getDecidedOnTickMsc());
        if (!e.rulePack().isEmpty()) {
            version(h, versionsWritten, "rule_pack", e.rulePack(), "", s.getDecidedOnTickMsc());
        }
        for (String label : d.plugins()) {
            int at = label.indexOf('@');
            version(h, versionsWritten, "plugin", at < 0 ? label : label.substring(0, at),
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
    private static void version(Handle h, Set<String> written, String component, String name, String version,
                                long timeMsc) {
        if (!written.add(component + '\u0000' + name + '\u0000' + version)) {
            return;
        }
        h.execute("INSERT INTO versions VALUES (?,?,?,?) ON CONFLICT DO NOTHING", component, name, version, timeMsc);
    }

    static void fill(Handle h, long seq, Fill f) {
        h.execute(FILL, f.getDeal(), f.getPositionId(),
                f.getOrder(), f.getSymbol(), f.getSide().name(), f.getEntry().name(), f.getVolume(), f.getPrice(),
                f.getProfit(), f.getCommission(), f.getSwap(), f.getTimeMsc(), f.getSignalKey(), f.getReason(), seq);
    }

    static void trade(Handle h, long seq, ClosedTrade t) {
        h.execute(TRADE, t.positionId(),
                t.signalKey(), t.alpha(), t.alphaVersion(), t.regime(), t.session(), t.symbol(), t.side().name(),
                t.volume(), t.entryPrice(), t.exitPrice(), t.openTimeMsc(), t.closeTimeMsc(), t.pnl().cents(),
                t.riskAtStop().cents(), t.exitReason(), seq);
    }

    static void tradingDay(Handle h, long startMsc) {
        h.execute("INSERT INTO trading_days VALUES (?) ON CONFLICT DO NOTHING", startMsc);
    }

    /** A decision row: the journal row's kind and the line a person reads for it. */
    record Decision(long seq, long timeMsc, String kind, String symbol, String detail) {
    }

    /** The decisions of one indexed chunk, in one prepared batch. */
    static void decisions(Handle h, List<Decision> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch(DECISION);
        for (Decision d : decisions) {
            batch.bind(0, d.seq()).bind(1, d.timeMsc()).bind(2, d.kind()).bind(3, d.symbol()).bind(4, d.detail()).add();
        }
        batch.execute();
    }
}
