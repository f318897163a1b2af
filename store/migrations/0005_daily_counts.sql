-- Counts of followed searches kept between syncs, so the reader shows
-- twenty of them after a sync in a few milliseconds instead of running
-- each search over the whole library (seconds at 100,000 papers). All of
-- it is derived from papers, follows and read_marks: it can be dropped
-- and rebuilt at any time, and building it never touches the reader's
-- own state.

-- One row per followed search whose papers are kept in follow_hits: its
-- name and query as the follows table had them, and the prepared
-- full-text expression the hits were found with (a typed prefix expands
-- to the library's words, which syncs add to), so a change to any of
-- them is seen and the search found again.
CREATE TABLE follow_cache (
    fid    INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    query  TEXT NOT NULL,
    match  TEXT NOT NULL,
    total  INTEGER NOT NULL DEFAULT 0, -- papers in follow_hits for fid
    unread INTEGER NOT NULL DEFAULT 0  -- of those, without a read mark
);

-- The papers each cached search finds, by paper id (a paper's rowid
-- changes when it moves to another feed day). Keyed by id first: a read
-- mark and a synced paper look up their searches by id.
CREATE TABLE follow_hits (
    id  TEXT NOT NULL,
    fid INTEGER NOT NULL,
    PRIMARY KEY (id, fid)
) WITHOUT ROWID;

-- Papers written since the cached hits were last brought up to date:
-- filled by the triggers below as sync, import and add write, emptied
-- by the refresh that matches just these papers against each search.
-- Nothing is recorded while no search is cached, so a library without
-- followed searches pays one lookup of an empty table per paper.
CREATE TABLE follow_dirty (
    id TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TRIGGER follow_dirty_insert AFTER INSERT ON papers
WHEN EXISTS (SELECT 1 FROM follow_cache) BEGIN
    INSERT OR IGNORE INTO follow_dirty(id) VALUES(new.id);
END;
-- Only what a cached search can test: the indexed text (text_hash), the
-- symbol words, the feed day, upvotes and the code link. A re-sync that
-- changes nothing a search sees (comments, stars, the raw item) records
-- nothing.
CREATE TRIGGER follow_dirty_update AFTER UPDATE ON papers
WHEN (old.text_hash IS NOT new.text_hash OR old.symbols IS NOT new.symbols OR old.day IS NOT new.day
      OR old.upvotes IS NOT new.upvotes OR old.github_repo IS NOT new.github_repo OR old.id IS NOT new.id)
     AND EXISTS (SELECT 1 FROM follow_cache) BEGIN
    INSERT OR IGNORE INTO follow_dirty(id) VALUES(old.id);
    INSERT OR IGNORE INTO follow_dirty(id) VALUES(new.id);
END;
CREATE TRIGGER follow_dirty_delete AFTER DELETE ON papers
WHEN EXISTS (SELECT 1 FROM follow_cache) BEGIN
    INSERT OR IGNORE INTO follow_dirty(id) VALUES(old.id);
END;

-- A read mark moves the unread count of every cached search holding the
-- paper, in the mark's own transaction (and undo's).
CREATE TRIGGER follow_counts_read AFTER INSERT ON read_marks BEGIN
    UPDATE follow_cache SET unread = unread - 1
        WHERE fid IN (SELECT fid FROM follow_hits WHERE id = new.id);
END;
CREATE TRIGGER follow_counts_unread AFTER DELETE ON read_marks BEGIN
    UPDATE follow_cache SET unread = unread + 1
        WHERE fid IN (SELECT fid FROM follow_hits WHERE id = old.id);
END;
