-- Modify "kyc_cases" table
ALTER TABLE "kyc_cases" ADD COLUMN "date_of_birth" character varying NULL;
