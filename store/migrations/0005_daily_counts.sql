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
    fid    INTEGER PRIMARY KEY CHECK (fid BETWEEN 0 AND 62), -- its bit in follow_hits.mask
    name   TEXT NOT NULL UNIQUE,
    query  TEXT NOT NULL,
    match  TEXT NOT NULL,
    total  INTEGER NOT NULL DEFAULT 0, -- papers in follow_hits for fid
    unread INTEGER NOT NULL DEFAULT 0  -- of those, without a read mark
);

-- The cached searches each paper is in, as bits of mask (bit fid), by
-- paper id (a paper's rowid changes when it moves to another feed day):
-- marking 5,000 papers read reads 5,000 rows, not one per paper and
-- search. A paper in no search has no row.
CREATE TABLE follow_hits (
    id   TEXT PRIMARY KEY,
    mask INTEGER NOT NULL
) WITHOUT ROWID;

-- Papers written since the cached hits were last brought up to date:
-- new papers noted by the write itself (store/arrivals.go), changed ones
-- by the triggers below, emptied by the refresh that matches just these
-- papers against each search. Nothing is noted while no search is kept.
CREATE TABLE follow_dirty (
    id TEXT PRIMARY KEY
) WITHOUT ROWID;

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

-- Read marks move the unread counts of days (day_counts) and of cached
-- searches in bulk, one statement per change however many papers it
-- marks (see store/readmarks.go), instead of one trigger per mark: a
-- trigger per row made marking 5,000 papers cost a third of a second.
-- Every write of read_marks goes through store/readmarks.go.
DROP TRIGGER day_counts_read;
DROP TRIGGER day_counts_unread;

-- Read marks without a rowid: a mark is its id, so each mark is written
-- to one b-tree instead of a table and its index (a third less work to
-- mark 5,000 papers). The triggers that read read_marks are dropped
-- around the swap, and those still needed made again, keeping
-- library_counts too (a paper's insert is counted by the write itself).
DROP TRIGGER day_counts_insert;
DROP TRIGGER day_counts_delete;
DROP TRIGGER day_counts_move;
CREATE TABLE read_marks_new (
    id      TEXT PRIMARY KEY,
    read_at INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO read_marks_new(id, read_at) SELECT id, read_at FROM read_marks;
DROP TABLE read_marks;
ALTER TABLE read_marks_new RENAME TO read_marks;
-- And the whole library's papers and read papers in one row, kept with
-- day_counts, so the library's unread total (and a period's, as the
-- library less the days outside it) reads a row or a few instead of
-- summing every day.
CREATE TABLE library_counts (
    one    INTEGER PRIMARY KEY CHECK (one = 1),
    papers INTEGER NOT NULL,
    read   INTEGER NOT NULL
);
INSERT INTO library_counts(one, papers, read)
    SELECT 1, coalesce(sum(papers), 0), coalesce(sum(read), 0) FROM day_counts;
CREATE TRIGGER day_counts_delete AFTER DELETE ON papers BEGIN
    UPDATE day_counts SET papers = papers - 1,
        read = read - EXISTS (SELECT 1 FROM read_marks WHERE id = old.id)
        WHERE day = coalesce(old.day, '');
    UPDATE library_counts SET papers = papers - 1, read = read - EXISTS (SELECT 1 FROM read_marks WHERE id = old.id);
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

-- New papers are recorded by the write that inserts them, a batch at a
-- time (store/arrivals.go): arrivals, day_counts, library_counts and
-- follow_dirty. Any trigger on inserting a paper, whatever its body, made
-- an import of 100,000 papers cost 60% more CPU.
DROP TRIGGER papers_arrived;
