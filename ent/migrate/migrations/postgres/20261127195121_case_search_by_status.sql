-- atlas:txmode none
-- The review queue searched (status IN (…) AND search_text LIKE '%…%') from one index: with
-- btree_gin, a GIN index holds each case's status beside its trigrams, so that counting the
-- matches within a status reads only those (before, the planner ANDed a bitmap of every case
-- in the status, 250,000 at 1,000,000 cases, with the trigram matches: benchmark figure 4).
-- A search without a status uses the same index (GIN serves any subset of its columns), so
-- the trigram-only index goes. btree_gin, like pg_trgm, ships with PostgreSQL's contrib
-- modules and is a trusted extension.
-- Outside a transaction, CONCURRENTLY: the build reads the table without blocking the writes
-- of a live queue (a plain CREATE INDEX holds off every write to kyc_cases until it ends,
-- minutes at 1,000,000 cases). Safe to run again: a build interrupted half-way leaves an
-- invalid index, dropped first.
CREATE EXTENSION IF NOT EXISTS btree_gin;
DROP INDEX CONCURRENTLY IF EXISTS "kyccase_status_search_text_trgm";
CREATE INDEX CONCURRENTLY "kyccase_status_search_text_trgm" ON "kyc_cases" USING gin ("status", "search_text" gin_trgm_ops);
DROP INDEX CONCURRENTLY IF EXISTS "kyccase_search_text_trgm";
