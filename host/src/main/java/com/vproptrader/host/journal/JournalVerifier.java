package com.vproptrader.host.journal;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Proves a journal file: recomputes the hash chain from the first row and checks that the rows are numbered
 * 1, 2, 3 ... without a gap, that every stored hash is the recomputed one, and that the last row is the one
 * the journal's head recorded at its last commit. The first row that fails is named by seq, kind and event
 * time. Opens the file read-only: verifying never creates or changes a journal.
 */
public final class JournalVerifier {
    private static final DateTimeFormatter SERVER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /**
     * What verification found.
     *
     * @param rows     rows read
     * @param digest   the recomputed hash of the last row (the journal's digest when it is intact)
     * @param firstBad the first bad record and what is wrong with it; empty when the journal is intact
     */
    public record Result(long rows, String digest, Optional<String> firstBad) {
        public boolean intact() {
            return firstBad.isEmpty();
        }
    }

    private JournalVerifier() {
    }

    /** @throws NoSuchFileException when {@code file} does not exist; SQLException when it is not a journal */
    public static Result verify(Path file) throws NoSuchFileException, SQLException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no journal there");
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), readOnly.toProperties())) {
            return verify(c);
        }
    }

    private static Result verify(Connection c) throws SQLException {
        Chain chain = new Chain();
        String hash = Chain.GENESIS;
        long expectedSeq = 1;
        String lastRow = "the start";
        try (PreparedStatement q = c.prepareStatement(
                "SELECT seq, event_time_msc, kind, symbol, payload, hash FROM journal ORDER BY seq");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                long time = rs.getLong(2);
                String kind = rs.getString(3);
                String row = describe(seq, kind, time);
                if (seq != expectedSeq) {
                    return bad(expectedSeq - 1, hash, row + ": expected seq " + expectedSeq
                            + (seq > expectedSeq ? " (rows " + expectedSeq + ".." + (seq - 1) + " are missing)" : ""));
                }
                String recomputed = chain.next(hash, time, kind, rs.getString(4), rs.getString(5));
                if (!recomputed.equals(rs.getString(6))) {
                    return bad(seq - 1, hash, row + ": its hash does not follow from the rows before it "
                            + "(this row or its place was changed)");
                }
                hash = recomputed;
                lastRow = row;
                expectedSeq++;
            }
        }
        long rows = expectedSeq - 1;
        Optional<String> headProblem = checkHead(c, rows, hash, lastRow);
        return new Result(rows, hash, headProblem);
    }

    /** The head records the last row committed; a journal cut short (or with rows added by hand) disagrees. */
    private static Optional<String> checkHead(Connection c, long rows, String hash, String lastRow) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT seq, hash FROM journal_head WHERE id = 1");
             ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
                return Optional.of("the journal has no head record: its end cannot be proven");
            }
            long headSeq = rs.getLong(1);
            if (headSeq != rows || !hash.equals(rs.getString(2))) {
                return Optional.of("the journal ends at " + lastRow + " but its last commit wrote seq " + headSeq
                        + (headSeq > rows ? " (rows " + (rows + 1) + ".." + headSeq + " were cut off)" : ""));
            }
            return Optional.empty();
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table: journal_head")) {
                return Optional.of("the journal has no head record: its end cannot be proven");
            }
            throw e;
        }
    }

    private static Result bad(long goodRows, String digestOfGoodRows, String problem) {
        return new Result(goodRows, digestOfGoodRows, Optional.of(problem));
    }

    private static String describe(long seq, String kind, long eventTimeMsc) {
        return "seq " + seq + " (" + kind + ", event time " + SERVER_TIME.format(Instant.ofEpochMilli(eventTimeMsc))
                + " server)";
    }
}
