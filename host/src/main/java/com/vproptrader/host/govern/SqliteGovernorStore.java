package com.vproptrader.host.govern;

import com.vproptrader.host.risk.Money;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One row per account in a SQLite table, so a HALTED engine is still HALTED after a crash or a
 * restart (the MQL5 equivalent is GlobalVariableSet). Money as cents, times as epoch milliseconds (UTC).
 * One connection for the store's life; every save is a durable commit (WAL, synchronous=FULL), so the
 * day anchor and a halt survive a power cut, not only a crash.
 */
public final class SqliteGovernorStore implements GovernorStore, AutoCloseable {
    private final Handle handle;
    private final String account;

    public SqliteGovernorStore(Path file, String account) {
        this(file, account, true);
    }

    /**
     * With {@code powerCutSafe} false (a replay, whose state file is made afresh for the run and thrown away) a
     * save is not flushed to the disk: it costs microseconds instead of an fsync on the loop.
     */
    public SqliteGovernorStore(Path file, String account, boolean powerCutSafe) {
        this.handle = Jdbi.create("jdbc:sqlite:" + file.toAbsolutePath()).open();
        this.account = account;
        try {
            handle.execute("PRAGMA journal_mode=WAL");
            handle.execute(powerCutSafe ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=OFF");
            handle.execute("""
                    CREATE TABLE IF NOT EXISTS governor_state (
                      account TEXT PRIMARY KEY,
                      state TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT NOT NULL, since_ms INTEGER NOT NULL,
                      day_start_ms INTEGER, day_start_balance_cents INTEGER, day_start_equity_cents INTEGER,
                      peak_cents INTEGER NOT NULL, consecutive_losses INTEGER NOT NULL,
                      closed_profit_today_cents INTEGER NOT NULL, trading_days INTEGER NOT NULL,
                      last_trading_day_ms INTEGER, last_trade_ms INTEGER, last_fill_ms INTEGER)""");
            // state files from before the inactivity watch: its clock starts now, and no fill is known
            addColumnIfMissing("last_trade_ms");
            addColumnIfMissing("last_fill_ms");
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    private void addColumnIfMissing(String column) {
        boolean present = handle.createQuery("SELECT count(*) FROM pragma_table_info('governor_state') "
                + "WHERE name = :c").bind("c", column).mapTo(Integer.class).one() > 0;
        if (!present) {
            handle.execute("ALTER TABLE governor_state ADD COLUMN " + column + " INTEGER");
        }
    }

    @Override
    public Optional<GovernorSnapshot> load() {
        return handle.createQuery("SELECT * FROM governor_state WHERE account = :a")
                .bind("a", account)
                .map((rs, ctx) -> {
                    EngineStatus status = new EngineStatus(EngineState.valueOf(rs.getString("state")),
                            ReasonCode.valueOf(rs.getString("reason")), rs.getString("detail"),
                            Instant.ofEpochMilli(rs.getLong("since_ms")));
                    long dayStart = rs.getLong("day_start_ms");
                    DayAnchor day = rs.wasNull() ? null : new DayAnchor(Instant.ofEpochMilli(dayStart),
                            Money.ofCents(rs.getLong("day_start_balance_cents")),
                            Money.ofCents(rs.getLong("day_start_equity_cents")));
                    long lastDay = rs.getLong("last_trading_day_ms");
                    Instant last = rs.wasNull() ? null : Instant.ofEpochMilli(lastDay);
                    long lastTradeMs = rs.getLong("last_trade_ms");
                    Instant lastTrade = rs.wasNull() ? null : Instant.ofEpochMilli(lastTradeMs);
                    long lastFillMs = rs.getLong("last_fill_ms");
                    Instant lastFill = rs.wasNull() ? null : Instant.ofEpochMilli(lastFillMs);
                    return new GovernorSnapshot(status, day, Money.ofCents(rs.getLong("peak_cents")),
                            rs.getInt("consecutive_losses"), Money.ofCents(rs.getLong("closed_profit_today_cents")),
                            rs.getInt("trading_days"), last, lastTrade, lastFill);
                })
                .findOne();
    }

    @Override
    public void save(GovernorSnapshot s) {
        handle.createUpdate("""
                        INSERT OR REPLACE INTO governor_state (account, state, reason, detail, since_ms,
                          day_start_ms, day_start_balance_cents, day_start_equity_cents, peak_cents, consecutive_losses,
                          closed_profit_today_cents, trading_days, last_trading_day_ms, last_trade_ms,
                          last_fill_ms)
                        VALUES (:a, :state, :reason, :detail, :since,
                          :dayStart, :dayBalance, :dayEquity, :peak, :losses, :profitToday, :days, :lastDay, :lastTrade,
                          :lastFill)""")
                .bind("a", account)
                .bind("state", s.status().state().name())
                .bind("reason", s.status().reason().name())
                .bind("detail", s.status().detail())
                .bind("since", s.status().since().toEpochMilli())
                .bind("dayStart", s.day() == null ? null : s.day().start().toEpochMilli())
                .bind("dayBalance", s.day() == null ? null : s.day().startBalance().cents())
                .bind("dayEquity", s.day() == null ? null : s.day().startEquity().cents())
                .bind("peak", s.peak().cents())
                .bind("losses", s.consecutiveLosses())
                .bind("profitToday", s.closedProfitToday().cents())
                .bind("days", s.tradingDays())
                .bind("lastDay", s.lastTradingDay() == null ? null : s.lastTradingDay().toEpochMilli())
                .bind("lastTrade", s.lastTrade() == null ? null : s.lastTrade().toEpochMilli())
                .bind("lastFill", s.lastFill() == null ? null : s.lastFill().toEpochMilli())
                .execute();
    }

    @Override
    public void close() {
        handle.close();
    }
}
