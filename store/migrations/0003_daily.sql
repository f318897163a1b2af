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

-- Papers and read papers per feed day ('' for papers without one), kept
-- by triggers, so a view of days counts its unread papers from a few
-- thousand rows at most instead of visiting every paper: 100,000 papers
-- and their read marks take a tenth of a second to count.
CREATE TABLE day_counts (
    day    TEXT PRIMARY KEY,
    papers INTEGER NOT NULL DEFAULT 0,
    read   INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO day_counts(day, papers, read)
    SELECT coalesce(p.day, ''), count(*), count(r.id) FROM papers p LEFT JOIN read_marks r ON r.id = p.id
    GROUP BY 1;
CREATE TRIGGER day_counts_insert AFTER INSERT ON papers BEGIN
    INSERT INTO day_counts(day, papers, read)
        VALUES(coalesce(new.day, ''), 1, EXISTS (SELECT 1 FROM read_marks WHERE id = new.id))
        ON CONFLICT(day) DO UPDATE SET papers = papers + 1, read = read + excluded.read;
END;
CREATE TRIGGER day_counts_delete AFTER DELETE ON papers BEGIN
    UPDATE day_counts SET papers = papers - 1,
        read = read - EXISTS (SELECT 1 FROM read_marks WHERE id = old.id)
        WHERE day = coalesce(old.day, '');
END;
CREATE TRIGGER day_counts_move AFTER UPDATE OF day ON papers
WHEN old.day IS NOT new.day BEGIN
    UPDATE day_counts SET papers = papers - 1,
        read = read - EXISTS (SELECT 1 FROM read_marks WHERE id = old.id)
        WHERE day = coalesce(old.day, '');
    INSERT INTO day_counts(day, papers, read)
        VALUES(coalesce(new.day, ''), 1, EXISTS (SELECT 1 FROM read_marks WHERE id = new.id))
        ON CONFLICT(day) DO UPDATE SET papers = papers + 1, read = read + excluded.read;
END;
CREATE TRIGGER day_counts_read AFTER INSERT ON read_marks BEGIN
    UPDATE day_counts SET read = read + 1
        WHERE day = (SELECT coalesce(day, '') FROM papers WHERE id = new.id);
END;
CREATE TRIGGER day_counts_unread AFTER DELETE ON read_marks BEGIN
    UPDATE day_counts SET read = read - 1
        WHERE day = (SELECT coalesce(day, '') FROM papers WHERE id = old.id);
END;
