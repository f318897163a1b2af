-- When a stored text was last known to be of arXiv's latest version:
-- fetched, or found so by asking arXiv, whichever is later. The reader
-- asks arXiv about a text at most once a day however often it syncs.
ALTER TABLE texts ADD COLUMN checked_at INTEGER NOT NULL DEFAULT 0; -- unix seconds
