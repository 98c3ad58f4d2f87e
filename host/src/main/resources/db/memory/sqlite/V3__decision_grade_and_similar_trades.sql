-- What graded each entry's candidate and the versions that decided it, for the trade log.
ALTER TABLE entries ADD COLUMN q REAL;                      -- Q* score; NULL when not recorded
ALTER TABLE entries ADD COLUMN grade TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN model_probability REAL;      -- P(TP1 before SL) of the model plugin; NULL without one
ALTER TABLE entries ADD COLUMN model_version TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN plugin_versions TEXT NOT NULL DEFAULT '';  -- id@version of every serving plugin, comma-separated
-- The k nearest earlier trades (closed before the decision) by features at entry: how many and their win rate.
ALTER TABLE entries ADD COLUMN similar_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entries ADD COLUMN similar_win_rate REAL;       -- NULL when there was no earlier trade
-- The lead alpha's strength: what a model scored beside the features (training rows need it).
ALTER TABLE entries ADD COLUMN alpha_strength REAL;
