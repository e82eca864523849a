-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_documents" table
CREATE TABLE `new_documents` (`id` uuid NOT NULL, `type` text NOT NULL, `side` text NULL, `status` text NOT NULL DEFAULT ('PENDING'), `reason` text NULL, `reason_code` text NULL, `revision` integer NOT NULL, `content_type` text NOT NULL, `size` integer NOT NULL, `sha256` text NOT NULL, `width` integer NULL, `height` integer NULL, `storage_key` text NOT NULL, `purged_at` datetime NULL, `created_at` datetime NOT NULL, `checks` json NULL, `phash` integer NULL, `phash_band0` integer NULL, `phash_band1` integer NULL, `phash_band2` integer NULL, `phash_band3` integer NULL, `case_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `documents_kyc_cases_documents` FOREIGN KEY (`case_id`) REFERENCES `kyc_cases` (`id`) ON DELETE NO ACTION);
-- Copy rows from old table "documents" to new temporary table "new_documents"
INSERT INTO `new_documents` (`id`, `type`, `side`, `status`, `reason`, `revision`, `content_type`, `size`, `sha256`, `width`, `height`, `storage_key`, `purged_at`, `created_at`, `case_id`) SELECT `id`, `type`, `side`, `status`, `reason`, `revision`, `content_type`, `size`, `sha256`, `width`, `height`, `storage_key`, `purged_at`, `created_at`, `case_id` FROM `documents`;
-- Drop "documents" table after copying rows
DROP TABLE `documents`;
-- Rename temporary table "new_documents" to "documents"
ALTER TABLE `new_documents` RENAME TO `documents`;
-- Create index "document_case_id_type_side_revision" to table: "documents"
CREATE UNIQUE INDEX `document_case_id_type_side_revision` ON `documents` (`case_id`, `type`, `side`, `revision`);
-- Create index "document_phash_band0" to table: "documents"
CREATE INDEX `document_phash_band0` ON `documents` (`phash_band0`);
-- Create index "document_phash_band1" to table: "documents"
CREATE INDEX `document_phash_band1` ON `documents` (`phash_band1`);
-- Create index "document_phash_band2" to table: "documents"
CREATE INDEX `document_phash_band2` ON `documents` (`phash_band2`);
-- Create index "document_phash_band3" to table: "documents"
CREATE INDEX `document_phash_band3` ON `documents` (`phash_band3`);
-- Add column "reason_code" to table: "kyc_cases"
ALTER TABLE `kyc_cases` ADD COLUMN `reason_code` text NULL;
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
