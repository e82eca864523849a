-- atlas:txmode none
-- Outside a transaction: the four indexes are built CONCURRENTLY, without blocking uploads
-- and reviews (a plain CREATE INDEX holds off every write to documents while it scans the
-- table). Safe to run again: an index left invalid by an interrupted build is dropped first.
-- Modify "documents" table
ALTER TABLE "documents" ADD COLUMN IF NOT EXISTS "reason_code" character varying NULL, ADD COLUMN IF NOT EXISTS "checks" jsonb NULL, ADD COLUMN IF NOT EXISTS "phash" bigint NULL, ADD COLUMN IF NOT EXISTS "phash_band0" bigint NULL, ADD COLUMN IF NOT EXISTS "phash_band1" bigint NULL, ADD COLUMN IF NOT EXISTS "phash_band2" bigint NULL, ADD COLUMN IF NOT EXISTS "phash_band3" bigint NULL;
-- Create index "document_phash_band0" to table: "documents"
DROP INDEX CONCURRENTLY IF EXISTS "document_phash_band0";
CREATE INDEX CONCURRENTLY "document_phash_band0" ON "documents" ("phash_band0");
-- Create index "document_phash_band1" to table: "documents"
DROP INDEX CONCURRENTLY IF EXISTS "document_phash_band1";
CREATE INDEX CONCURRENTLY "document_phash_band1" ON "documents" ("phash_band1");
-- Create index "document_phash_band2" to table: "documents"
DROP INDEX CONCURRENTLY IF EXISTS "document_phash_band2";
CREATE INDEX CONCURRENTLY "document_phash_band2" ON "documents" ("phash_band2");
-- Create index "document_phash_band3" to table: "documents"
DROP INDEX CONCURRENTLY IF EXISTS "document_phash_band3";
CREATE INDEX CONCURRENTLY "document_phash_band3" ON "documents" ("phash_band3");
-- Modify "kyc_cases" table
ALTER TABLE "kyc_cases" ADD COLUMN IF NOT EXISTS "reason_code" character varying NULL;
