-- Whole papers, fetched on demand (papers fetch, queueing): only complete
-- texts, written in one transaction with their index entries.
CREATE TABLE texts (
    tid        INTEGER PRIMARY KEY,            -- rowid, shared with texts_fts
    id         TEXT NOT NULL UNIQUE,           -- arXiv id without version
    title      TEXT NOT NULL DEFAULT '',       -- the wrapper's Title:
    source     TEXT NOT NULL,                  -- arxiv-html | hf-fallback
    url_source TEXT NOT NULL DEFAULT '',       -- the wrapper's URL Source:
    version    INTEGER NOT NULL DEFAULT 0,     -- arXiv version converted; 0 unknown
    published  TEXT NOT NULL DEFAULT '',       -- the wrapper's Published Time:, RFC 3339
    fetched_at INTEGER NOT NULL,               -- unix seconds
    size       INTEGER NOT NULL,               -- bytes of the Markdown
    body       BLOB NOT NULL                   -- the Markdown, zstd
);

-- Full-text index of the texts, contentless like papers_fts: the text
-- lives compressed in texts.body.
CREATE VIRTUAL TABLE texts_fts USING fts5(
    body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- A paper's comments and linked repositories, for reading offline.
CREATE TABLE discussions (
    id         TEXT PRIMARY KEY,
    fetched_at INTEGER NOT NULL,
    comments   INTEGER NOT NULL DEFAULT 0,     -- comments held, replies included
    body       BLOB NOT NULL                   -- JSON of the discussion, zstd
);
