package com.vproptrader.host.learn;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Every model version ever trained, with its training window, schema, out-of-sample metrics, ONNX bytes and
 * lineage, and the journal of what was promoted, rejected or rolled back and why: one SQLite file, one
 * connection, each change one durable transaction (WAL, synchronous=FULL). Not thread-safe: one owner, the
 * learning loop.
 */
public final class ModelRegistry implements AutoCloseable {
    /** One drift check: the newest part of a training window against the rest of it. */
    public record DriftCheck(long atMs, String version, double maxPsi, String worstFeature, double errorRatio,
                             boolean drifted, String reason) {
    }

    /** One line of the registry's journal. {@code replaced} is the version that stopped serving, if any. */
    public record Event(long seq, long atMs, String action, String version, String replaced, String detail) {
    }

    private final Handle handle;

    public ModelRegistry(Path file) {
        this.handle = Jdbi.create("jdbc:sqlite:" + file.toAbsolutePath()).open();
        try {
            handle.execute("PRAGMA journal_mode=WAL");
            handle.execute("PRAGMA synchronous=FULL");
            handle.execute("""
                    CREATE TABLE IF NOT EXISTS model_version (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, family TEXT NOT NULL,
                      schema_names TEXT NOT NULL, schema_hash TEXT NOT NULL,
                      train_from_ms INTEGER NOT NULL, train_to_ms INTEGER NOT NULL, train_rows INTEGER NOT NULL,
                      oos_auc REAL NOT NULL, oos_log_loss REAL NOT NULL, oos_brier REAL NOT NULL, oos_rows INTEGER NOT NULL,
                      export_diff REAL NOT NULL, parent TEXT NOT NULL, state TEXT NOT NULL,
                      published_as TEXT NOT NULL, reason TEXT NOT NULL, calibration TEXT NOT NULL,
                      onnx BLOB NOT NULL)""");
            handle.execute("""
                    CREATE TABLE IF NOT EXISTS model_event (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, action TEXT NOT NULL,
                      version TEXT NOT NULL, replaced TEXT NOT NULL, detail TEXT NOT NULL)""");
            handle.execute("""
                    CREATE TABLE IF NOT EXISTS drift_check (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, version TEXT NOT NULL,
                      max_psi REAL NOT NULL, worst_feature TEXT NOT NULL, error_ratio REAL NOT NULL,
                      drifted INTEGER NOT NULL, reason TEXT NOT NULL)""");
            addColumnIfMissing("wf_trades INTEGER NOT NULL DEFAULT 0");
            addColumnIfMissing("wf_pnl_r REAL NOT NULL DEFAULT 0");
            addColumnIfMissing("wf_sharpe REAL");
            addColumnIfMissing("wf_win_rate REAL");
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /** A registry file from before a column was added gets it (empty for the versions it already holds). */
    private void addColumnIfMissing(String definition) {
        String column = definition.substring(0, definition.indexOf(' '));
        boolean present = handle.createQuery("SELECT count(*) FROM pragma_table_info('model_version') WHERE name = :c")
                .bind("c", column).mapTo(Integer.class).one() > 0;
        if (!present) {
            handle.execute("ALTER TABLE model_version ADD COLUMN " + definition);
        }
    }

    /** Journals a step of a version's life that changes no state (e.g. it started running as shadow). */
    void note(String id, String action, String detail, long atMs) {
        handle.useTransaction(h -> event(h, atMs, action, id, "", detail));
    }

    /** Registers a verified candidate; returns its id. Its parent is the version serving now. */
    public ModelVersion register(ProbabilityModel model, byte[] onnx, long trainFromMs, long trainToMs, int trainRows,
                                 Metrics oos, WalkForwardTrading trading, List<Calibration.Bin> calibration,
                                 double exportDiff, long atMs) {
        return handle.inTransaction(h -> {
            long n = h.createQuery("SELECT count(*) FROM model_version").mapTo(Long.class).one() + 1;
            String id = "tp1-" + n;
            String parent = serving().map(ModelVersion::id).orElse("");
            h.createUpdate("""
                            INSERT INTO model_version (id, family, schema_names, schema_hash, train_from_ms, train_to_ms,
                              train_rows, oos_auc, oos_log_loss, oos_brier, oos_rows, export_diff, parent, state,
                              published_as, reason, calibration, onnx, wf_trades, wf_pnl_r, wf_sharpe, wf_win_rate)
                            VALUES (:id, :family, :names, :hash, :from, :to, :rows, :auc, :ll, :brier, :oosRows, :diff,
                              :parent, 'CANDIDATE', '', 'trained and verified', :calibration, :onnx, :wfTrades, :wfPnl,
                              :wfSharpe, :wfWin)""")
                    .bind("id", id).bind("family", model.family())
                    .bind("names", String.join("\n", model.schema().names())).bind("hash", model.schema().hash())
                    .bind("from", trainFromMs).bind("to", trainToMs).bind("rows", trainRows)
                    .bind("auc", oos.auc()).bind("ll", oos.logLoss()).bind("brier", oos.brier())
                    .bind("oosRows", oos.rows()).bind("diff", exportDiff).bind("parent", parent).bind("onnx", onnx)
                    .bind("calibration", Calibration.encode(calibration))
                    .bind("wfTrades", trading.trades()).bind("wfPnl", trading.pnlR())
                    .bind("wfSharpe", finiteOrNull(trading.sharpe())).bind("wfWin", finiteOrNull(trading.winRate()))
                    .execute();
            event(h, atMs, "register", id, "", String.format(java.util.Locale.ROOT,
                    "%s, %d rows, OOS AUC %.4f, walk-forward %d trades %+.1f R, export diff %.2e",
                    model.family(), trainRows, oos.auc(), trading.trades(), trading.pnlR(), exportDiff));
            return find(id).orElseThrow();
        });
    }

    public Optional<ModelVersion> find(String id) {
        return handle.createQuery("SELECT * FROM model_version WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> version(rs)).findOne();
    }

    public Optional<ModelVersion> serving() {
        return handle.createQuery("SELECT * FROM model_version WHERE state = 'SERVING'").map((rs, ctx) -> version(rs))
                .findOne();
    }

    /** Every version, oldest first. */
    public List<ModelVersion> versions() {
        return handle.createQuery("SELECT * FROM model_version ORDER BY seq").map((rs, ctx) -> version(rs)).list();
    }

    public byte[] onnx(String id) {
        return handle.createQuery("SELECT onnx FROM model_version WHERE id = :id").bind("id", id)
                .mapTo(byte[].class).one();
    }

    public ModelSchema schema(String id) {
        return new ModelSchema(List.of(handle.createQuery("SELECT schema_names FROM model_version WHERE id = :id")
                .bind("id", id).mapTo(String.class).one().split("\n")));
    }

    public List<Calibration.Bin> calibration(String id) {
        return Calibration.decode(handle.createQuery("SELECT calibration FROM model_version WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    void recordDrift(String version, DriftMonitor.Report r, long atMs) {
        var worst = r.psi().entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow();
        handle.createUpdate("""
                        INSERT INTO drift_check (at_ms, version, max_psi, worst_feature, error_ratio, drifted, reason)
                        VALUES (:at, :v, :psi, :f, :ratio, :d, :r)""")
                .bind("at", atMs).bind("v", version).bind("psi", worst.getValue()).bind("f", worst.getKey())
                .bind("ratio", r.errorRatio()).bind("d", r.drifted() ? 1 : 0).bind("r", r.reason()).execute();
    }

    /** Every drift check, oldest first. */
    public List<DriftCheck> drift() {
        return handle.createQuery("SELECT * FROM drift_check ORDER BY seq")
                .map((rs, ctx) -> new DriftCheck(rs.getLong("at_ms"), rs.getString("version"), rs.getDouble("max_psi"),
                        rs.getString("worst_feature"), rs.getDouble("error_ratio"), rs.getInt("drifted") == 1,
                        rs.getString("reason")))
                .list();
    }

    /** The journal, oldest first. */
    public List<Event> events() {
        return handle.createQuery("SELECT * FROM model_event ORDER BY seq")
                .map((rs, ctx) -> new Event(rs.getLong("seq"), rs.getLong("at_ms"), rs.getString("action"),
                        rs.getString("version"), rs.getString("replaced"), rs.getString("detail")))
                .list();
    }

    /** How many times a version was published (promotions and rollbacks): numbers the plugin versions. */
    int publications() {
        return handle.createQuery("SELECT count(*) FROM model_event WHERE action IN ('promote', 'rollback')")
                .mapTo(Integer.class).one();
    }

    /** The version the serving one replaced when it last started serving: where a rollback goes. */
    Optional<String> replacedByServing() {
        return serving().flatMap(s -> handle.createQuery("""
                        SELECT replaced FROM model_event WHERE version = :v AND action IN ('promote', 'rollback')
                        ORDER BY seq DESC LIMIT 1""").bind("v", s.id()).mapTo(String.class).findOne())
                .filter(r -> !r.isEmpty());
    }

    /** Makes {@code id} the serving version and retires the one it replaces, journaled, in one transaction. */
    void markServing(String id, String publishedAs, String action, String detail, long atMs) {
        handle.useTransaction(h -> {
            String replaced = serving().map(ModelVersion::id).orElse("");
            h.createUpdate("UPDATE model_version SET state = 'RETIRED', reason = :r WHERE state = 'SERVING'")
                    .bind("r", "replaced by " + id + " (" + action + ")").execute();
            h.createUpdate("UPDATE model_version SET state = 'SERVING', published_as = :p, reason = :r WHERE id = :id")
                    .bind("p", publishedAs).bind("r", action + ": " + detail).bind("id", id).execute();
            event(h, atMs, action, id, replaced, detail);
        });
    }

    void reject(String id, String detail, long atMs) {
        handle.useTransaction(h -> {
            h.createUpdate("UPDATE model_version SET state = 'REJECTED', reason = :r WHERE id = :id")
                    .bind("r", detail).bind("id", id).execute();
            event(h, atMs, "reject", id, "", detail);
        });
    }

    private static void event(Handle h, long atMs, String action, String version, String replaced, String detail) {
        h.createUpdate("INSERT INTO model_event (at_ms, action, version, replaced, detail) VALUES (:at, :a, :v, :r, :d)")
                .bind("at", atMs).bind("a", action).bind("v", version).bind("r", replaced).bind("d", detail).execute();
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double nanIfNull(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static ModelVersion version(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ModelVersion(rs.getString("id"), rs.getString("family"), rs.getString("schema_hash"),
                rs.getLong("train_from_ms"), rs.getLong("train_to_ms"), rs.getInt("train_rows"),
                new Metrics(rs.getDouble("oos_auc"), rs.getDouble("oos_log_loss"), rs.getDouble("oos_brier"),
                        rs.getInt("oos_rows")),
                rs.getDouble("export_diff"), rs.getString("parent"), ModelVersion.State.valueOf(rs.getString("state")),
                rs.getString("published_as"), rs.getString("reason"),
                new WalkForwardTrading(rs.getInt("wf_trades"), rs.getDouble("wf_pnl_r"), nanIfNull(rs, "wf_sharpe"),
                        nanIfNull(rs, "wf_win_rate")));
    }

    @Override
    public void close() {
        handle.close();
    }
}
