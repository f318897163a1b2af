-- The daily loop. Everything here but arrivals is the reader's own state:
-- keyed by paper id, never by rowid, and never written by a sync, an
-- import or a clean.

-- Tags: a paper has any number.
CREATE TABLE tags (
    id       TEXT NOT NULL,
    tag      TEXT NOT NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags(tag, id);

-- Notes, in Markdown; one per paper.
CREATE TABLE notes (
    id         TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Followed searches: a name for a query in the search syntax.
CREATE TABLE follows (
    name     TEXT PRIMARY KEY,
    query    TEXT NOT NULL,
    added_at INTEGER NOT NULL
);

-- A paper's upvotes and comments when the reader last showed it, for
-- "how it changed since you last saw it" and the rising order.
CREATE TABLE seen (
    id       TEXT PRIMARY KEY,
    upvotes  INTEGER NOT NULL,
    comments INTEGER NOT NULL,
    seen_at  INTEGER NOT NULL
);

-- The undo history of state changes, newest last: each entry holds what
-- puts the state back as it was before the change.
CREATE TABLE undo (
    seq  INTEGER PRIMARY KEY,
    what TEXT NOT NULL,
    at   INTEGER NOT NULL,
    ops  BLOB NOT NULL    -- JSON, see store/undo.go
);

-- When each paper first came into the library (unix milliseconds), so
-- "new since the last visit" holds whatever day the feed files it under.
-- Papers already here when this migration runs have no row: they are not
-- new. Written by the trigger alone, so sync and import need no change;
-- an upsert that updates a paper fires no INSERT trigger.
CREATE TABLE arrivals (
    at INTEGER NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (at, id)
) WITHOUT ROWID;
CREATE TRIGGER papers_arrived AFTER INSERT ON papers BEGIN
    INSERT OR IGNORE INTO arrivals(at, id) VALUES(CAST(unixepoch('subsec') * 1000 AS INTEGER), new.id);
END;
