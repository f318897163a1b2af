-- The arXiv version Hugging Face was last asked for when a stored text was
-- fetched again for a newer one, and served an older: the text stays stale
-- but is not fetched again until arXiv lists a later version still or a
-- day has passed (checked_at), so every fetch does not download it anew.
ALTER TABLE texts ADD COLUMN asked_version INTEGER NOT NULL DEFAULT 0;
