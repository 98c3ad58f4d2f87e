package com.vproptrader.host.macro.sentiment;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Every headline read, with its score, in SQLite: the first sighting wins (a headline seen again keeps its
 * {@code knownAt}), so a replay or an offline start reads exactly what was known and when.
 */
public final class HeadlineStore implements AutoCloseable {
    /** A stored headline and the score it was given. */
    public record Scored(Headline headline, double score, String scorer) {
    }

    private final Handle handle;

    public HeadlineStore(Path file) {
        this.handle = Jdbi.create("jdbc:sqlite:" + file.toAbsolutePath()).open();
        try {
            handle.execute("PRAGMA journal_mode=WAL");
            handle.execute("""
                    CREATE TABLE IF NOT EXISTS headline (
                      feed TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, currency TEXT NOT NULL,
                      published_ms INTEGER NOT NULL, known_ms INTEGER NOT NULL, score REAL NOT NULL, scorer TEXT NOT NULL,
                      PRIMARY KEY (feed, id))""");
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /** Stores the headlines not seen before, scored by {@code scorer}; returns how many were new. */
    public synchronized int add(List<Headline> headlines, SentimentScorer scorer) {
        return handle.inTransaction(h -> {
            int added = 0;
            for (Headline x : headlines) {
                boolean seen = h.createQuery("SELECT count(*) FROM headline WHERE feed = ? AND id = ?")
                        .bind(0, x.feed()).bind(1, x.id()).mapTo(Integer.class).one() > 0;
                if (!seen) {
                    h.execute("INSERT INTO headline VALUES (?, ?, ?, ?, ?, ?, ?, ?)", x.feed(), x.id(), x.title(),
                            x.currency(), x.published().toEpochMilli(), x.knownAt().toEpochMilli(),
                            scorer.score(x.title()), scorer.name());
                    added++;
                }
            }
            return added;
        });
    }

    /** Every stored headline, in the order it became known. */
    public synchronized List<Scored> all() {
        return handle.createQuery("SELECT * FROM headline ORDER BY known_ms, feed, id")
                .map((rs, ctx) -> new Scored(new Headline(rs.getString("feed"), rs.getString("id"), rs.getString("title"),
                        rs.getString("currency"), Instant.ofEpochMilli(rs.getLong("published_ms")),
                        Instant.ofEpochMilli(rs.getLong("known_ms"))), rs.getDouble("score"), rs.getString("scorer")))
                .list();
    }

    @Override
    public synchronized void close() {
        handle.close();
    }
}
