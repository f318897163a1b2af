-- Papers whose text Hugging Face answered it does not have (a 404), and
-- when it was last asked: what the detail and `papers show` say of a
-- missing text after a restart (the answer used to be kept for the
-- session only). Gone once the text is stored.
CREATE TABLE text_absent (
    id       TEXT PRIMARY KEY,
    asked_at INTEGER NOT NULL -- unix seconds
) WITHOUT ROWID;
