-- Create "api_keys" table
CREATE TABLE "api_keys" ("id" uuid NOT NULL, "name" character varying NOT NULL, "prefix" character varying NOT NULL, "secret_hash" character varying NOT NULL, "created_by" uuid NOT NULL, "created_at" timestamptz NOT NULL, "last_used_at" timestamptz NULL, "revoked_at" timestamptz NULL, PRIMARY KEY ("id"));
-- Create index "api_keys_secret_hash_key" to table: "api_keys"
CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys" ("secret_hash");
-- Create "reviewers" table
CREATE TABLE "reviewers" ("id" uuid NOT NULL, "email" character varying NOT NULL, "name" character varying NOT NULL, "password_hash" character varying NOT NULL, "role" character varying NOT NULL DEFAULT 'REVIEWER', "active" boolean NOT NULL DEFAULT true, "last_sign_in_at" timestamptz NULL, "invite_token_hash" character varying NULL, "invite_expires_at" timestamptz NULL, "created_at" timestamptz NOT NULL, PRIMARY KEY ("id"));
-- Create index "reviewers_email_key" to table: "reviewers"
CREATE UNIQUE INDEX "reviewers_email_key" ON "reviewers" ("email");
-- Create index "reviewers_invite_token_hash_key" to table: "reviewers"
CREATE UNIQUE INDEX "reviewers_invite_token_hash_key" ON "reviewers" ("invite_token_hash");
-- Create "webhook_deliveries" table
CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL, "endpoint_id" uuid NOT NULL, "case_id" uuid NULL, "event_type" character varying NOT NULL, "payload" text NOT NULL, "status" character varying NOT NULL DEFAULT 'PENDING', "attempts" bigint NOT NULL DEFAULT 0, "last_status_code" bigint NULL, "last_error" character varying NULL, "next_attempt_at" timestamptz NULL, "delivered_at" timestamptz NULL, "created_at" timestamptz NOT NULL, PRIMARY KEY ("id"));
-- Create index "webhookdelivery_endpoint_id_created_at" to table: "webhook_deliveries"
CREATE INDEX "webhookdelivery_endpoint_id_created_at" ON "webhook_deliveries" ("endpoint_id", "created_at");
-- Create index "webhookdelivery_status_created_at" to table: "webhook_deliveries"
CREATE INDEX "webhookdelivery_status_created_at" ON "webhook_deliveries" ("status", "created_at");
-- Create "webhook_endpoints" table
CREATE TABLE "webhook_endpoints" ("id" uuid NOT NULL, "url" character varying NOT NULL, "events" jsonb NOT NULL, "secret" character varying NOT NULL, "created_by" uuid NOT NULL, "created_at" timestamptz NOT NULL, PRIMARY KEY ("id"));
-- Create "kyc_cases" table
CREATE TABLE "kyc_cases" ("id" uuid NOT NULL, "state" character varying NOT NULL DEFAULT 'welcome', "status" character varying NOT NULL DEFAULT 'IN_PROGRESS', "version" bigint NOT NULL DEFAULT 1, "revision" bigint NOT NULL DEFAULT 0, "selected_document_type" character varying NULL, "resume_floor" character varying NULL, "resubmission_types" jsonb NULL, "first_name" character varying NULL, "last_name" character varying NULL, "email" character varying NULL, "reason" character varying NULL, "search_text" character varying NOT NULL DEFAULT '', "last_event_seq" bigint NOT NULL DEFAULT 0, "last_event_hash" character varying NOT NULL DEFAULT '', "token_hash" character varying NOT NULL, "token_renewed_at" timestamptz NULL, "token_revoked_at" timestamptz NULL, "audit_key_version" bigint NULL, "api_key_id" uuid NULL, "external_id" character varying NULL, "metadata" jsonb NULL, "erased_at" timestamptz NULL, "documents_purged_at" timestamptz NULL, "proposal" jsonb NULL, "returned_proposal" jsonb NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "submitted_at" timestamptz NULL, "decided_at" timestamptz NULL, "assignee_id" uuid NULL, PRIMARY KEY ("id"), CONSTRAINT "kyc_cases_reviewers_assigned_cases" FOREIGN KEY ("assignee_id") REFERENCES "reviewers" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- Create index "kyc_cases_token_hash_key" to table: "kyc_cases"
CREATE UNIQUE INDEX "kyc_cases_token_hash_key" ON "kyc_cases" ("token_hash");
-- Create index "kyccase_api_key_id_external_id" to table: "kyc_cases"
CREATE UNIQUE INDEX "kyccase_api_key_id_external_id" ON "kyc_cases" ("api_key_id", "external_id");
-- Create index "kyccase_assignee_id_status" to table: "kyc_cases"
CREATE INDEX "kyccase_assignee_id_status" ON "kyc_cases" ("assignee_id", "status");
-- Create index "kyccase_created_at" to table: "kyc_cases"
CREATE INDEX "kyccase_created_at" ON "kyc_cases" ("created_at");
-- Create index "kyccase_status_created_at" to table: "kyc_cases"
CREATE INDEX "kyccase_status_created_at" ON "kyc_cases" ("status", "created_at");
-- Create index "kyccase_status_search_text_id" to table: "kyc_cases"
CREATE INDEX "kyccase_status_search_text_id" ON "kyc_cases" ("status", "search_text", "id");
-- Create index "kyccase_status_submitted_at" to table: "kyc_cases"
CREATE INDEX "kyccase_status_submitted_at" ON "kyc_cases" ("status", "submitted_at");
-- Create index "kyccase_updated_at" to table: "kyc_cases"
CREATE INDEX "kyccase_updated_at" ON "kyc_cases" ("updated_at");
-- Create "case_events" table
CREATE TABLE "case_events" ("id" uuid NOT NULL, "seq" bigint NOT NULL, "type" character varying NOT NULL, "actor" character varying NOT NULL, "from_state" character varying NULL, "to_state" character varying NULL, "data" character varying NULL, "prev_hash" character varying NOT NULL, "hash" character varying NOT NULL, "created_at" timestamptz NOT NULL, "case_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "case_events_kyc_cases_events" FOREIGN KEY ("case_id") REFERENCES "kyc_cases" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- Create index "caseevent_case_id_seq" to table: "case_events"
CREATE UNIQUE INDEX "caseevent_case_id_seq" ON "case_events" ("case_id", "seq");
-- Create index "caseevent_created_at" to table: "case_events"
CREATE INDEX "caseevent_created_at" ON "case_events" ("created_at");
-- Create "documents" table
CREATE TABLE "documents" ("id" uuid NOT NULL, "type" character varying NOT NULL, "side" character varying NULL, "status" character varying NOT NULL DEFAULT 'PENDING', "reason" character varying NULL, "revision" bigint NOT NULL, "content_type" character varying NOT NULL, "size" bigint NOT NULL, "sha256" character varying NOT NULL, "width" bigint NULL, "height" bigint NULL, "storage_key" character varying NOT NULL, "purged_at" timestamptz NULL, "created_at" timestamptz NOT NULL, "case_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "documents_kyc_cases_documents" FOREIGN KEY ("case_id") REFERENCES "kyc_cases" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- Create index "document_case_id_type_side_revision" to table: "documents"
CREATE UNIQUE INDEX "document_case_id_type_side_revision" ON "documents" ("case_id", "type", "side", "revision");
-- Create "notes" table
CREATE TABLE "notes" ("id" uuid NOT NULL, "body" character varying NOT NULL, "created_at" timestamptz NOT NULL, "case_id" uuid NOT NULL, "author_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "notes_kyc_cases_notes" FOREIGN KEY ("case_id") REFERENCES "kyc_cases" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "notes_reviewers_notes" FOREIGN KEY ("author_id") REFERENCES "reviewers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- Create "sessions" table
CREATE TABLE "sessions" ("id" uuid NOT NULL, "token_hash" character varying NOT NULL, "created_at" timestamptz NOT NULL, "expires_at" timestamptz NOT NULL, "reviewer_id" uuid NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "sessions_reviewers_sessions" FOREIGN KEY ("reviewer_id") REFERENCES "reviewers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- Create index "sessions_token_hash_key" to table: "sessions"
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" ("token_hash");
-- NOTIFY from inside the transaction that appends a case event: PostgreSQL delivers it at
-- commit, and only then (the server listens on kyc_case_events).
CREATE OR REPLACE FUNCTION kyc_notify_case_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('kyc_case_events', json_build_object('caseId', NEW.case_id, 'eventId', NEW.id)::text);
	RETURN NULL;
END $$;
CREATE TRIGGER case_events_notify AFTER INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION kyc_notify_case_event();
-- A trigram index for the backoffice's substring search (pg_trgm ships with PostgreSQL's
-- contrib modules, included in Debian's and the official images' postgresql package).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "kyccase_search_text_trgm" ON "kyc_cases" USING gin ("search_text" gin_trgm_ops);
