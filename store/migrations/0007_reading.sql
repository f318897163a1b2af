-- Where the reader stopped in each paper's full text, and how much of it
-- was read: the reader's own state, keyed by paper id, never written by a
-- sync, an import or a clean.
CREATE TABLE reading (
    id         TEXT PRIMARY KEY,
    section    INTEGER NOT NULL,  -- the section at the top of the view, from 0 (what precedes the first heading is 0)
    within     INTEGER NOT NULL,  -- how far into that section, per ten thousand of its lines
    percent    INTEGER NOT NULL,  -- how much of the text was read, 0–100: the furthest the view's bottom reached
    updated_at INTEGER NOT NULL   -- unix seconds
);
