-- Trading days as the governors reset them (broker server time), and the digest written at each day's end.
CREATE TABLE trading_days (
  start_msc INTEGER PRIMARY KEY
);

CREATE TABLE digests (
  day_start_msc INTEGER PRIMARY KEY,
  day_end_msc INTEGER NOT NULL,
  json TEXT NOT NULL
);

-- What the deciding tick knew of the governors, for the trade log.
ALTER TABLE entries ADD COLUMN governor_state TEXT NOT NULL DEFAULT '';
