-- The gain of each paper whose upvotes changed since the reader last
-- showed it (its upvotes now less those in seen), so the rising order
-- reads the few papers that moved from here and takes every other paper
-- in newest order off papers_by_day, instead of working out the gain of
-- every paper and sorting them all (4 s at 100,000 papers). A paper
-- never shown, or unchanged since, has no row. Derived from papers and
-- seen, like day_counts: the triggers below keep it as upvotes change
-- and as papers are shown, and the write (store/arrivals.go) for papers
-- added again after a clean; a row whose paper is gone is never read
-- (the order joins papers).
CREATE TABLE rising (
    id   TEXT PRIMARY KEY,
    gain INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO rising(id, gain)
    SELECT p.id, p.upvotes - s.upvotes FROM seen s JOIN papers p ON p.id = s.id WHERE p.upvotes <> s.upvotes;

-- A sync that changes a paper's upvotes (or, moving it, its rowid: the
-- id stays) reads one seen row; one that leaves them alone, nothing.
CREATE TRIGGER rising_upvotes AFTER UPDATE OF upvotes, id ON papers
WHEN old.upvotes IS NOT new.upvotes OR old.id IS NOT new.id BEGIN
    DELETE FROM rising WHERE id = old.id;
    INSERT OR REPLACE INTO rising(id, gain)
        SELECT new.id, new.upvotes - s.upvotes FROM seen s WHERE s.id = new.id AND s.upvotes <> new.upvotes;
END;
CREATE TRIGGER rising_seen_insert AFTER INSERT ON seen BEGIN
    INSERT OR REPLACE INTO rising(id, gain)
        SELECT p.id, p.upvotes - new.upvotes FROM papers p WHERE p.id = new.id AND p.upvotes <> new.upvotes;
END;
CREATE TRIGGER rising_seen_update AFTER UPDATE ON seen BEGIN
    DELETE FROM rising WHERE id = old.id;
    INSERT OR REPLACE INTO rising(id, gain)
        SELECT p.id, p.upvotes - new.upvotes FROM papers p WHERE p.id = new.id AND p.upvotes <> new.upvotes;
END;
CREATE TRIGGER rising_seen_delete AFTER DELETE ON seen BEGIN
    DELETE FROM rising WHERE id = old.id;
END;
