-- 006: the trigram index's vocabulary (how many items hold each 3-character piece), so the
-- similar-items search can leave out pieces that nearly every item holds (希望有, 有关部…): they
-- say nothing about similarity and made the search rank most of the ledger.
CREATE VIRTUAL TABLE items_fts_vocab USING fts5vocab(items_fts, 'row');
