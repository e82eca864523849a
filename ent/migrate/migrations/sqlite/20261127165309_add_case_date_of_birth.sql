-- Add column "date_of_birth" to table: "kyc_cases"
ALTER TABLE `kyc_cases` ADD COLUMN `date_of_birth` text NULL;
