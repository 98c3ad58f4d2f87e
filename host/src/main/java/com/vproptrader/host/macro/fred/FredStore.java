package com.vproptrader.host.macro.fred;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Every FRED observation vintage ever fetched, in SQLite, so the host can run offline from what it has and a
 * replay sees the same vintages as the day it was recorded. A vintage is keyed by series, period and
 * {@code realtime_start}; fetching it again only updates {@code realtime_end} (a later revision closes it).
 * One connection for the store's life; not thread-safe (the macro cache loads one series at a time).
 */
public final class FredStore implements AutoCloseable {
    private final Handle handle;

    public FredStore(Path file) {
        this.handle = Jdbi.create("jdbc:sqlite:" + file.toAbsolutePath()).open();
        try {
            handle.execute("PRAGMA journal_mode=WAL");
            handle.execute("""
                    CREATE TABLE IF NOT EXISTS fred_observation (
                      series TEXT NOT NULL, period TEXT NOT NULL, realtime_start TEXT NOT NULL,
                      realtime_end TEXT NOT NULL, value REAL,
                      PRIMARY KEY (series, period, realtime_start))""");
            handle.execute("CREATE TABLE IF NOT EXISTS fred_fetch (series TEXT PRIMARY KEY, fetched_ms INTEGER NOT NULL)");
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /** Stores (or updates) the rows of one successful fetch of {@code series}, in one transaction. */
    public synchronized void save(String series, List<FredObservation> rows, Instant fetchedAt) {
        handle.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO fred_observation VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (series, period, realtime_start) DO UPDATE SET realtime_end = excluded.realtime_end, "
                    + "value = excluded.value");
            for (FredObservation o : rows) {
                batch.add(series, o.date().toString(), o.realtimeStart().toString(), o.realtimeEnd().toString(),
                        o.value().isPresent() ? o.value().getAsDouble() : null);
            }
            if (!rows.isEmpty()) {
                batch.execute();
            }
            h.execute("INSERT INTO fred_fetch VALUES (?, ?) ON CONFLICT (series) DO UPDATE SET fetched_ms = excluded.fetched_ms",
                    series, fetchedAt.toEpochMilli());
        });
    }

    /** Every stored vintage of {@code series}, by period then publication. */
    public synchronized List<FredObservation> load(String series) {
        return handle.createQuery("SELECT period, realtime_start, realtime_end, value FROM fred_observation "
                        + "WHERE series = ? ORDER BY period, realtime_start")
                .bind(0, series)
                .map((rs, ctx) -> {
                    double v = rs.getDouble("value");
                    boolean missing = rs.wasNull(); // FRED's "." (no value that day), stored as NULL
                    return new FredObservation(series, LocalDate.parse(rs.getString("period")),
                            LocalDate.parse(rs.getString("realtime_start")), LocalDate.parse(rs.getString("realtime_end")),
                            missing ? OptionalDouble.empty() : OptionalDouble.of(v));
                })
                .list();
    }

    /** When {@code series} was last fetched successfully. */
    public synchronized Optional<Instant> fetchedAt(String series) {
        return handle.createQuery("SELECT fetched_ms FROM fred_fetch WHERE series = ?").bind(0, series)
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
    }

    @Override
    public synchronized void close() {
        handle.close();
    }
}
