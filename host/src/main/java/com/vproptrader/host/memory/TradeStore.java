package com.vproptrader.host.memory;

import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.Side;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The account's long-term memory (jdbi, schema by Flyway migrations in {@code db/memory/<database>}): closed
 * trades, fills, what was known at each entry, every decision with its reason, and the versions that decided.
 * SQLite (a file beside the journal, the default) or PostgreSQL (one database per account), chosen by the JDBC URL;
 * every statement is written once for both (upserts as {@code ON CONFLICT}, no dialect-only functions).
 * Written only by the {@link JournalIndexer}; everything in it can be rebuilt from the journal.
 */
public final class TradeStore implements AutoCloseable {
    /** What a LIMIT of "all rows" binds: SQLite's -1 is not valid in PostgreSQL. */
    static final int NO_LIMIT = Integer.MAX_VALUE;

    private final Jdbi jdbi;
    private final String url;
    /** The indexer's connection ({@link #write}); null until its first write. */
    private Handle writer;

    private TradeStore(String url) {
        this.url = url;
        String database;
        if (url.startsWith("jdbc:sqlite:")) {
            database = "sqlite";
        } else if (url.startsWith("jdbc:postgresql:")) {
            database = "postgresql";
        } else {
            throw new IllegalArgumentException("long-term store URL must be jdbc:sqlite:… or jdbc:postgresql:…, got "
                    + redacted(url));
        }
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/memory/" + database).load().migrate();
        jdbi = Jdbi.create(url);
    }

    /** Opens (creating and migrating when needed) the SQLite store in {@code file}. */
    public static TradeStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
        return new TradeStore("jdbc:sqlite:" + file.toAbsolutePath() + "?journal_mode=WAL&synchronous=NORMAL");
    }

    /**
     * Opens (migrating when needed) the store at a JDBC URL: {@code jdbc:sqlite:FILE} or
     * {@code jdbc:postgresql://HOST:PORT/DATABASE?user=…&password=…} (the database must exist; one per account).
     */
    public static TradeStore at(String jdbcUrl) {
        return new TradeStore(jdbcUrl);
    }

    /** The JDBC URL without its password, for logs. */
    public String where() {
        return redacted(url);
    }

    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** The last journal row this store has read. */
    public long indexedSeq() {
        return jdbi.withHandle(h -> h.createQuery("SELECT journal_seq FROM indexed").mapTo(Long.class).one());
    }

    /**
     * Runs {@code writes} and moves the read mark to {@code seq}, all in one transaction, on the writer's connection:
     * kept open from write to write (a SQLite connection's open, and the checkpoint when it closes, cost more than a
     * chunk's rows), and dropped after a failed write so the next starts afresh. The indexer's thread only.
     */
    void write(long seq, Consumer<Handle> writes) {
        if (writer == null) {
            writer = jdbi.open();
        }
        try {
            writer.useTransaction(h -> {
                writes.accept(h);
                h.execute("UPDATE indexed SET journal_seq = ?", seq);
            });
        } catch (RuntimeException e) {
            closeWriter();
            throw e;
        }
    }

    private void closeWriter() {
        Handle h = writer;
        writer = null;
        if (h != null) {
            h.close();
        }
    }

    /** Closed trades with a close time in [fromMsc, toMsc), oldest close first; {@code limit <= 0} means all. */
    public List<ClosedTrade> trades(long fromMsc, long toMsc, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM trades WHERE close_time_msc >= :from "
                        + "AND close_time_msc < :to ORDER BY close_time_msc, position_id LIMIT :limit")
                .bind("from", fromMsc).bind("to", toMsc).bind("limit", limit <= 0 ? NO_LIMIT : limit)
                .map((rs, ctx) -> trade(rs)).list());
    }

    /** The newest {@code count} closed trades, oldest close first. */
    public List<ClosedTrade> newestTrades(int count) {
        List<ClosedTrade> newestFirst = jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM trades ORDER BY close_time_msc DESC, position_id DESC LIMIT :n")
                .bind("n", count).map((rs, ctx) -> trade(rs)).list());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    public List<ClosedTrade> allTrades() {
        return trades(Long.MIN_VALUE, Long.MAX_VALUE, 0);
    }

    /** Feature values at the entry of {@code signalKey}, in name order (empty when unknown or before warm-up). */
    public Map<String, Double> entryFeatures(String signalKey) {
        Map<String, Double> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT name, value FROM entry_features WHERE signal_key = ? ORDER BY name")
                .bind(0, signalKey).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getDouble(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Rows of one table in primary-key order, each as column → value (for comparisons and exports). */
    public List<Map<String, Object>> rows(String table) {
        if (!List.of("trades", "fills", "entries", "entry_features", "decisions", "versions", "trading_days", "digests")
                .contains(table)) {
            throw new IllegalArgumentException("no table " + table);
        }
        String order = switch (table) {
            case "trades" -> "position_id";
            case "entries" -> "signal_key";
            case "entry_features" -> "signal_key, name";
            case "versions" -> "component, name, version";
            case "trading_days" -> "start_msc";
            case "digests" -> "day_start_msc";
            default -> "journal_seq";
        };
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM " + table + " ORDER BY " + order).mapToMap().list());
    }

    public int tradeCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM trades").mapTo(Integer.class).one());
    }

    /** Entry features of every signal, by signal key. */
    public Map<String, Map<String, Double>> allEntryFeatures() {
        Map<String, Map<String, Double>> out = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT signal_key, name, value FROM entry_features")
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getDouble(3)})
                .forEach(r -> out.computeIfAbsent((String) r[0], k -> new java.util.HashMap<>())
                        .put((String) r[1], (Double) r[2])));
        return out;
    }

    /** Each trade with its take-profit levels, its best exit price and whether a stop closed part of it. */
    public List<LabelRow> labelRows() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.*, coalesce(e.tp1, 0) AS tp1, coalesce(e.tp2, 0) AS tp2, e.alpha_strength,
                               CASE WHEN t.side = 'BUY'
                                    THEN (SELECT max(price) FROM fills f WHERE f.position_id = t.position_id AND f.entry <> 'ENTRY_IN')
                                    ELSE (SELECT min(price) FROM fills f WHERE f.position_id = t.position_id AND f.entry <> 'ENTRY_IN')
                               END AS best_exit,
                               EXISTS (SELECT 1 FROM fills f WHERE f.position_id = t.position_id AND f.reason = 'sl') AS stopped
                        FROM trades t LEFT JOIN entries e ON e.signal_key = t.signal_key
                        ORDER BY t.close_time_msc, t.position_id""")
                .map((rs, ctx) -> new LabelRow(trade(rs), rs.getDouble("tp1"), rs.getDouble("tp2"),
                        rs.getDouble("best_exit"), rs.getBoolean("stopped"), nan(rs, "alpha_strength")))
                .list());
    }

    /** What the training labels are read from. */
    public record LabelRow(ClosedTrade trade, double tp1, double tp2, double bestExitPrice, boolean stopped,
                           double alphaStrength) {
    }

    /** Event time of the newest row the store has read (a decision, an entry or a closed trade); 0 when empty. */
    public long latestEventMsc() {
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(max(t), 0) FROM ("
                + "SELECT max(time_msc) AS t FROM decisions UNION ALL SELECT max(close_time_msc) FROM trades "
                + "UNION ALL SELECT max(decided_msc) FROM entries) AS newest").mapTo(Long.class).one());
    }

    /** Starts of the trading days the governors reset, oldest first (broker server time). */
    public long[] tradingDayStarts() {
        return jdbi.withHandle(h -> h.createQuery("SELECT start_msc FROM trading_days ORDER BY start_msc")
                .mapTo(Long.class).list()).stream().mapToLong(Long::longValue).toArray();
    }

    public void saveDigest(long dayStartMsc, long dayEndMsc, String json) {
        jdbi.useHandle(h -> h.execute("INSERT INTO digests VALUES (?,?,?) ON CONFLICT (day_start_msc) "
                + "DO UPDATE SET day_end_msc = excluded.day_end_msc, json = excluded.json", dayStartMsc, dayEndMsc, json));
    }

    /** Stored digests as JSON, the newest {@code days} (all when <= 0), oldest first. */
    public List<String> digests(int days) {
        List<String> newestFirst = jdbi.withHandle(h -> h.createQuery(
                        "SELECT json FROM digests ORDER BY day_start_msc DESC LIMIT :n")
                .bind("n", days <= 0 ? NO_LIMIT : days).mapTo(String.class).list());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The trade log: closed trades with what was known at entry, newest {@code limit} (all when <= 0), oldest first. */
    public List<TradeLogRow> tradeLog(long fromMsc, long toMsc, String alpha, String symbol, int limit) {
        List<TradeLogRow> newestFirst = jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.*, e.reference_price, e.sl, e.tp1, e.tp2, e.governor_state, e.decided_msc,
                               e.q, e.grade, e.model_probability, e.model_version, e.plugin_versions,
                               e.similar_count, e.similar_win_rate, e.alpha_strength,
                               (SELECT value FROM entry_features f WHERE f.signal_key = t.signal_key AND f.name = 'spread')
                                 AS spread,
                               (SELECT name FROM versions v WHERE v.component = 'rule_pack'
                                  AND v.first_seen_msc <= t.open_time_msc ORDER BY v.first_seen_msc DESC LIMIT 1)
                                 AS rule_pack
                        FROM trades t LEFT JOIN entries e ON e.signal_key = t.signal_key
                        WHERE t.close_time_msc >= :from AND t.close_time_msc < :to
                          AND (:alpha = '' OR t.alpha = :alpha) AND (:symbol = '' OR t.symbol = :symbol)
                        ORDER BY t.close_time_msc DESC, t.position_id DESC LIMIT :limit""")
                .bind("from", fromMsc).bind("to", toMsc).bind("alpha", alpha).bind("symbol", symbol)
                .bind("limit", limit <= 0 ? NO_LIMIT : limit)
                .map((rs, ctx) -> new TradeLogRow(trade(rs), rs.getDouble("reference_price"), rs.getDouble("sl"),
                        rs.getDouble("tp1"), rs.getDouble("tp2"), rs.getDouble("spread"),
                        nonNull(rs.getString("governor_state")), nonNull(rs.getString("rule_pack")),
                        votes(h, rs.getLong("decided_msc"), rs.getString("symbol")),
                        new EntryContext.Decision(nan(rs, "q"), nonNull(rs.getString("grade")),
                                nan(rs, "model_probability"), nonNull(rs.getString("model_version")),
                                split(rs.getString("plugin_versions")), nan(rs, "alpha_strength")),
                        new SimilarTrades.Neighbourhood(rs.getInt("similar_count"),
                                (int) Math.round(rs.getInt("similar_count") * nan(rs, "similar_win_rate")))))
                .list());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Every alpha's candidate at the deciding tick, as journaled. */
    private static List<String> votes(Handle h, long decidedMsc, String symbol) {
        return h.createQuery("SELECT detail FROM decisions WHERE kind = 'candidate' AND time_msc = ? AND symbol = ? "
                + "ORDER BY journal_seq").bind(0, decidedMsc).bind(1, symbol).mapTo(String.class).list();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** A nullable REAL column: NaN for NULL. */
    private static double nan(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }

    /**
     * A closed trade with what the trade log adds from its entry (zeros and "" for a hand trade): the decision
     * that opened it and how its nearest earlier trades had turned out.
     */
    public record TradeLogRow(ClosedTrade trade, double referencePrice, double sl, double tp1, double tp2,
                              double spreadAtEntry, String governorState, String rulePack, List<String> alphaVotes,
                              EntryContext.Decision decision, SimilarTrades.Neighbourhood similar) {
    }

    static ClosedTrade trade(ResultSet rs) throws SQLException {
        return new ClosedTrade(rs.getLong("position_id"), rs.getString("signal_key"), rs.getString("alpha"),
                rs.getString("alpha_version"), rs.getString("regime"), rs.getString("session"), rs.getString("symbol"),
                Side.valueOf(rs.getString("side")), rs.getDouble("volume"), rs.getDouble("entry_price"),
                rs.getDouble("exit_price"), rs.getLong("open_time_msc"), rs.getLong("close_time_msc"),
                Money.ofCents(rs.getLong("pnl_cents")), Money.ofCents(rs.getLong("risk_cents")),
                rs.getString("exit_reason"));
    }

    /** Lets go of the writer's connection (once its writes are done); reads open a connection per call. */
    @Override
    public void close() {
        closeWriter();
    }
}
