package com.vproptrader.host.scan;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alpha weights of one account in the host's state file (table {@code alpha_weights}), one durable commit
 * per save (WAL, synchronous=FULL), next to the governors' state.
 */
public final class SqliteWeightStore implements WeightStore, AutoCloseable {
    private final Handle handle;
    private final String account;

    public SqliteWeightStore(Path file, String account) {
        this(file, account, true);
    }

    /**
     * With {@code powerCutSafe} false (a replay, whose state file is made afresh for the run and thrown away) a
     * save is not flushed to the disk: it costs microseconds instead of an fsync on the loop.
     */
    public SqliteWeightStore(Path file, String account, boolean powerCutSafe) {
        this.handle = Jdbi.create("jdbc:sqlite:" + file.toAbsolutePath()).open();
        this.account = account;
        try {
            handle.execute("PRAGMA journal_mode=WAL");
            handle.execute(powerCutSafe ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=OFF");
            handle.execute("CREATE TABLE IF NOT EXISTS alpha_weights (account TEXT NOT NULL, alpha TEXT NOT NULL, "
                    + "weight REAL NOT NULL, PRIMARY KEY (account, alpha))");
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    @Override
    public Map<String, Double> load() {
        Map<String, Double> out = new LinkedHashMap<>();
        handle.createQuery("SELECT alpha, weight FROM alpha_weights WHERE account = :a ORDER BY alpha")
                .bind("a", account)
                .map((rs, ctx) -> Map.entry(rs.getString("alpha"), rs.getDouble("weight")))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public void save(Map<String, Double> weights) {
        handle.useTransaction(h -> {
            h.createUpdate("DELETE FROM alpha_weights WHERE account = :a").bind("a", account).execute();
            var batch = h.prepareBatch("INSERT INTO alpha_weights (account, alpha, weight) VALUES (:a, :alpha, :w)");
            weights.forEach((alpha, w) -> batch.bind("a", account).bind("alpha", alpha).bind("w", w).add());
            if (!weights.isEmpty()) {
                batch.execute();
            }
        });
    }

    @Override
    public void close() {
        handle.close();
    }
}
