-- Modify "documents" table
ALTER TABLE "documents" ADD COLUMN "reason_code" character varying NULL, ADD COLUMN "checks" jsonb NULL, ADD COLUMN "phash" bigint NULL, ADD COLUMN "phash_band0" bigint NULL, ADD COLUMN "phash_band1" bigint NULL, ADD COLUMN "phash_band2" bigint NULL, ADD COLUMN "phash_band3" bigint NULL;
-- Create index "document_phash_band0" to table: "documents"
CREATE INDEX "document_phash_band0" ON "documents" ("phash_band0");
-- Create index "document_phash_band1" to table: "documents"
CREATE INDEX "document_phash_band1" ON "documents" ("phash_band1");
-- Create index "document_phash_band2" to table: "documents"
CREATE INDEX "document_phash_band2" ON "documents" ("phash_band2");
-- Create index "document_phash_band3" to table: "documents"
CREATE INDEX "document_phash_band3" ON "documents" ("phash_band3");
-- Modify "kyc_cases" table
ALTER TABLE "kyc_cases" ADD COLUMN "reason_code" character varying NULL;
