-- PostgreSQL: the SQLite schema with 64-bit integers (ids, milliseconds, cents) and double-precision numbers.
-- The account's long-term memory, derived from the decision journal (rebuildable from it at any time).

-- How far into the journal this store has read.
CREATE TABLE indexed (
  id BIGINT PRIMARY KEY CHECK (id = 1),
  journal_seq BIGINT NOT NULL
);
INSERT INTO indexed (id, journal_seq) VALUES (1, 0);

-- One row per closed position; money in whole cents.
CREATE TABLE trades (
  position_id BIGINT PRIMARY KEY,
  signal_key TEXT NOT NULL,
  alpha TEXT NOT NULL,
  alpha_version TEXT NOT NULL,
  regime TEXT NOT NULL,
  session TEXT NOT NULL,
  symbol TEXT NOT NULL,
  side TEXT NOT NULL,
  volume DOUBLE PRECISION NOT NULL,
  entry_price DOUBLE PRECISION NOT NULL,
  exit_price DOUBLE PRECISION NOT NULL,
  open_time_msc BIGINT NOT NULL,
  close_time_msc BIGINT NOT NULL,
  pnl_cents BIGINT NOT NULL,
  risk_cents BIGINT NOT NULL,
  exit_reason TEXT NOT NULL,
  journal_seq BIGINT NOT NULL        -- the journal row of the closing fill: when the outcome became known
);
CREATE INDEX trades_close ON trades(close_time_msc);

-- Every fill as the terminal reported it.
CREATE TABLE fills (
  deal BIGINT NOT NULL,
  position_id BIGINT NOT NULL,
  order_id BIGINT NOT NULL,
  symbol TEXT NOT NULL,
  side TEXT NOT NULL,
  entry TEXT NOT NULL,
  volume DOUBLE PRECISION NOT NULL,
  price DOUBLE PRECISION NOT NULL,
  profit DOUBLE PRECISION NOT NULL,
  commission DOUBLE PRECISION NOT NULL,
  swap DOUBLE PRECISION NOT NULL,
  time_msc BIGINT NOT NULL,
  signal_key TEXT NOT NULL,
  reason TEXT NOT NULL,
  journal_seq BIGINT PRIMARY KEY
);
CREATE INDEX fills_position ON fills(position_id);

-- What was known when each signal was decided.
CREATE TABLE entries (
  signal_key TEXT PRIMARY KEY,
  symbol TEXT NOT NULL,
  side TEXT NOT NULL,
  alpha TEXT NOT NULL,
  regime TEXT NOT NULL,
  session TEXT NOT NULL,
  reference_price DOUBLE PRECISION NOT NULL,
  sl DOUBLE PRECISION NOT NULL,
  tp1 DOUBLE PRECISION NOT NULL,
  tp2 DOUBLE PRECISION NOT NULL,
  volume DOUBLE PRECISION NOT NULL,
  risk_cents BIGINT NOT NULL,
  decided_msc BIGINT NOT NULL
);

-- Feature values at entry, one row per feature.
CREATE TABLE entry_features (
  signal_key TEXT NOT NULL,
  name TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (signal_key, name)
);

-- Every decision of the loop with its reason: candidates, vetoes, sizing, signals, closes, expiries.
CREATE TABLE decisions (
  journal_seq BIGINT PRIMARY KEY,
  time_msc BIGINT NOT NULL,
  kind TEXT NOT NULL,
  symbol TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX decisions_time ON decisions(time_msc);

-- Versions of what decided: alpha plugins (from signals), rule pack (from the journal's config rows).
CREATE TABLE versions (
  component TEXT NOT NULL,            -- "alpha", "rule_pack", "model"
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  first_seen_msc BIGINT NOT NULL,
  PRIMARY KEY (component, name, version)
);
