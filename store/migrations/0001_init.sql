-- Synced data: papers is written only by sync, import and add.
CREATE TABLE papers (
    pid          INTEGER PRIMARY KEY,          -- rowid, shared with papers_fts
    id           TEXT NOT NULL UNIQUE,         -- arXiv id without version
    title        TEXT NOT NULL DEFAULT '',
    title_key    TEXT NOT NULL DEFAULT '',     -- the title's index terms, space separated: finds a typed title
    authors      TEXT NOT NULL DEFAULT '',     -- names in order, one per line
    hidden       TEXT NOT NULL DEFAULT '',     -- indexes of hidden authors, comma separated
    published    TEXT NOT NULL DEFAULT '',     -- arXiv publication time, RFC 3339
    day          TEXT,                         -- feed day YYYY-MM-DD; NULL outside the feed
    upvotes      INTEGER NOT NULL DEFAULT 0,
    comments     INTEGER NOT NULL DEFAULT 0,
    github_repo  TEXT NOT NULL DEFAULT '',
    github_stars INTEGER NOT NULL DEFAULT 0,
    project_page TEXT NOT NULL DEFAULT '',
    ai_summary   TEXT NOT NULL DEFAULT '',
    ai_keywords  TEXT NOT NULL DEFAULT '',     -- one per line
    organization TEXT NOT NULL DEFAULT '',
    thumbnail    TEXT NOT NULL DEFAULT '',
    submitter    TEXT NOT NULL DEFAULT '',
    withdrawn_at TEXT NOT NULL DEFAULT '',
    raw          BLOB,                         -- the item as received, zstd with rawDictionary;
                                               -- the abstract is read from it, not stored twice
    text_hash    INTEGER NOT NULL DEFAULT 0,   -- of the indexed text, to skip re-indexing the same
    updated_at   INTEGER NOT NULL DEFAULT 0    -- unix seconds of the last write
);
CREATE INDEX papers_by_day ON papers(day DESC, upvotes DESC);
CREATE INDEX papers_by_upvotes ON papers(upvotes DESC);
CREATE INDEX papers_by_title_key ON papers(title_key);

-- The full-text index keeps no copy of the text (contentless, with
-- deletes by rowid): the text lives in papers and in the raw item. The
-- store keeps it in step on every write.
CREATE VIRTUAL TABLE papers_fts USING fts5(
    title, abstract, authors, ai_summary, ai_keywords, organization,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Merge segments eight at a time rather than four: a 100k import rewrites
-- each entry fewer times, and a search still reads few segments.
INSERT INTO papers_fts(papers_fts, rank) VALUES('automerge', 8);

-- Which feed days were fetched, when, and whether all of it landed.
CREATE TABLE days (
    day        TEXT PRIMARY KEY,
    fetched_at INTEGER NOT NULL,
    complete   INTEGER NOT NULL DEFAULT 0,
    papers     INTEGER NOT NULL DEFAULT 0,
    error      TEXT NOT NULL DEFAULT ''
);

-- The reader's own state. Keyed by paper id, never by rowid, and never
-- written by a sync.
CREATE TABLE queue (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    added_at INTEGER NOT NULL
);
CREATE TABLE read_marks (
    id      TEXT PRIMARY KEY,
    read_at INTEGER NOT NULL
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The words of the full-text index and in how many papers each was first
-- seen, so a typed prefix ("mod") can be expanded into its most common
-- whole words (model, models, modeling): FTS5 builds a prefix query's
-- whole hit list before returning the first row, which costs a quarter
-- of a second for a common prefix at 100k papers.
CREATE TABLE terms (
    term TEXT PRIMARY KEY,
    docs INTEGER NOT NULL
) WITHOUT ROWID;
