-- The words whose symbols the full-text index drops ("c++", "c#", ".net"),
-- space separated with a space on each side (see query.SymbolKey), so a
-- search for "c++" finds the papers that hold it rather than every "c".
-- Filled for existing papers by backfillSymbols (their abstracts live in
-- the compressed raw items, out of SQL's reach).
ALTER TABLE papers ADD COLUMN symbols TEXT NOT NULL DEFAULT '';
