-- Each paper whose upvotes changed since the reader last showed it: its
-- gain (its upvotes now less those in seen) with its key in newest order
-- (rowid, feed day, upvotes), so the rising order reads the few papers
-- that moved from here and takes every other paper in newest order off
-- papers_by_day, instead of working out the gain of every paper and
-- sorting them all (4 s at 100,000 papers). A paper never shown, or
-- unchanged since, has no row. Derived from papers and seen, like
-- day_counts: the triggers below keep it as a sync changes papers and as
-- papers are shown, and the write (store/arrivals.go) for a paper that
-- comes back to the library (seen outlives papers).
CREATE TABLE rising (
    pid     INTEGER PRIMARY KEY,  -- the paper's rowid
    id      TEXT NOT NULL,
    gain    INTEGER NOT NULL,     -- never 0
    day     TEXT,
    upvotes INTEGER NOT NULL
);
-- The rising order of the moved papers, so a page of them and their
-- counts read off the index.
CREATE INDEX rising_by_gain ON rising(gain DESC, day DESC, upvotes DESC);
INSERT INTO rising(pid, id, gain, day, upvotes)
    SELECT p.pid, p.id, p.upvotes - s.upvotes, p.day, p.upvotes FROM seen s JOIN papers p ON p.id = s.id
    WHERE p.upvotes <> s.upvotes;

-- A sync that changes a paper's upvotes, or moves it to another feed day
-- (and rowid), reads one seen row; one that leaves them alone, nothing.
CREATE TRIGGER rising_update AFTER UPDATE OF upvotes, pid, day, id ON papers
WHEN old.upvotes IS NOT new.upvotes OR old.pid IS NOT new.pid OR old.day IS NOT new.day OR old.id IS NOT new.id BEGIN
    DELETE FROM rising WHERE pid = old.pid;
    INSERT OR REPLACE INTO rising(pid, id, gain, day, upvotes)
        SELECT new.pid, new.id, new.upvotes - s.upvotes, new.day, new.upvotes FROM seen s
        WHERE s.id = new.id AND s.upvotes <> new.upvotes;
END;
CREATE TRIGGER rising_delete AFTER DELETE ON papers BEGIN
    DELETE FROM rising WHERE pid = old.pid;
END;
CREATE TRIGGER rising_seen_insert AFTER INSERT ON seen BEGIN
    INSERT OR REPLACE INTO rising(pid, id, gain, day, upvotes)
        SELECT p.pid, p.id, p.upvotes - new.upvotes, p.day, p.upvotes FROM papers p
        WHERE p.id = new.id AND p.upvotes <> new.upvotes;
END;
CREATE TRIGGER rising_seen_update AFTER UPDATE ON seen BEGIN
    DELETE FROM rising WHERE pid = (SELECT pid FROM papers WHERE id = old.id);
    INSERT OR REPLACE INTO rising(pid, id, gain, day, upvotes)
        SELECT p.pid, p.id, p.upvotes - new.upvotes, p.day, p.upvotes FROM papers p
        WHERE p.id = new.id AND p.upvotes <> new.upvotes;
END;
CREATE TRIGGER rising_seen_delete AFTER DELETE ON seen BEGIN
    DELETE FROM rising WHERE pid = (SELECT pid FROM papers WHERE id = old.id);
END;
