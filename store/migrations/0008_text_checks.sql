-- When arXiv was last asked for a stored text's latest version, so the
-- reader asks at most once a day per paper whatever it syncs; 0 never.
ALTER TABLE texts ADD COLUMN checked_at INTEGER NOT NULL DEFAULT 0; -- unix seconds
