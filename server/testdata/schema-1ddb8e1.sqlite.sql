-- The schema the release at git commit 1ddb8e1 (before versioned migrations) created on SQLite:
-- its server's migrate subcommand on an empty data folder, then sqlite3 kyc.db .schema.
-- Used by TestMigrateUpgradesPreviousRelease.
CREATE TABLE `api_keys` (`id` uuid NOT NULL, `name` text NOT NULL, `prefix` text NOT NULL, `secret_hash` text NOT NULL, `created_by` uuid NOT NULL, `created_at` datetime NOT NULL, `last_used_at` datetime NULL, `revoked_at` datetime NULL, PRIMARY KEY (`id`));
CREATE UNIQUE INDEX `api_keys_secret_hash_key` ON `api_keys` (`secret_hash`);
CREATE TABLE `case_events` (`id` uuid NOT NULL, `seq` integer NOT NULL, `type` text NOT NULL, `actor` text NOT NULL, `from_state` text NULL, `to_state` text NULL, `data` text NULL, `prev_hash` text NOT NULL, `hash` text NOT NULL, `created_at` datetime NOT NULL, `case_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `case_events_kyc_cases_events` FOREIGN KEY (`case_id`) REFERENCES `kyc_cases` (`id`) ON DELETE NO ACTION);
CREATE UNIQUE INDEX `caseevent_case_id_seq` ON `case_events` (`case_id`, `seq`);
CREATE INDEX `caseevent_created_at` ON `case_events` (`created_at`);
CREATE TABLE `documents` (`id` uuid NOT NULL, `type` text NOT NULL, `side` text NULL, `status` text NOT NULL DEFAULT ('PENDING'), `reason` text NULL, `revision` integer NOT NULL, `content_type` text NOT NULL, `size` integer NOT NULL, `sha256` text NOT NULL, `width` integer NULL, `height` integer NULL, `storage_key` text NOT NULL, `purged_at` datetime NULL, `created_at` datetime NOT NULL, `case_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `documents_kyc_cases_documents` FOREIGN KEY (`case_id`) REFERENCES `kyc_cases` (`id`) ON DELETE NO ACTION);
CREATE UNIQUE INDEX `document_case_id_type_side_revision` ON `documents` (`case_id`, `type`, `side`, `revision`);
CREATE TABLE `kyc_cases` (`id` uuid NOT NULL, `state` text NOT NULL DEFAULT ('welcome'), `status` text NOT NULL DEFAULT ('IN_PROGRESS'), `version` integer NOT NULL DEFAULT (1), `revision` integer NOT NULL DEFAULT (0), `selected_document_type` text NULL, `resume_floor` text NULL, `resubmission_types` json NULL, `first_name` text NULL, `last_name` text NULL, `email` text NULL, `reason` text NULL, `search_text` text NOT NULL DEFAULT (''), `last_event_seq` integer NOT NULL DEFAULT (0), `last_event_hash` text NOT NULL DEFAULT (''), `token_hash` text NOT NULL, `token_renewed_at` datetime NULL, `token_revoked_at` datetime NULL, `audit_key_version` integer NULL, `api_key_id` uuid NULL, `external_id` text NULL, `metadata` json NULL, `erased_at` datetime NULL, `documents_purged_at` datetime NULL, `proposal` json NULL, `returned_proposal` json NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `submitted_at` datetime NULL, `decided_at` datetime NULL, `assignee_id` uuid NULL, PRIMARY KEY (`id`), CONSTRAINT `kyc_cases_reviewers_assigned_cases` FOREIGN KEY (`assignee_id`) REFERENCES `reviewers` (`id`) ON DELETE SET NULL);
CREATE UNIQUE INDEX `kyc_cases_token_hash_key` ON `kyc_cases` (`token_hash`);
CREATE INDEX `kyccase_status_created_at` ON `kyc_cases` (`status`, `created_at`);
CREATE INDEX `kyccase_status_submitted_at` ON `kyc_cases` (`status`, `submitted_at`);
CREATE INDEX `kyccase_status_search_text_id` ON `kyc_cases` (`status`, `search_text`, `id`);
CREATE INDEX `kyccase_assignee_id_status` ON `kyc_cases` (`assignee_id`, `status`);
CREATE INDEX `kyccase_created_at` ON `kyc_cases` (`created_at`);
CREATE INDEX `kyccase_updated_at` ON `kyc_cases` (`updated_at`);
CREATE UNIQUE INDEX `kyccase_api_key_id_external_id` ON `kyc_cases` (`api_key_id`, `external_id`);
CREATE TABLE `notes` (`id` uuid NOT NULL, `body` text NOT NULL, `created_at` datetime NOT NULL, `case_id` uuid NOT NULL, `author_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `notes_kyc_cases_notes` FOREIGN KEY (`case_id`) REFERENCES `kyc_cases` (`id`) ON DELETE NO ACTION, CONSTRAINT `notes_reviewers_notes` FOREIGN KEY (`author_id`) REFERENCES `reviewers` (`id`) ON DELETE NO ACTION);
CREATE TABLE `reviewers` (`id` uuid NOT NULL, `email` text NOT NULL, `name` text NOT NULL, `password_hash` text NOT NULL, `role` text NOT NULL DEFAULT ('REVIEWER'), `active` bool NOT NULL DEFAULT (true), `last_sign_in_at` datetime NULL, `invite_token_hash` text NULL, `invite_expires_at` datetime NULL, `created_at` datetime NOT NULL, PRIMARY KEY (`id`));
CREATE UNIQUE INDEX `reviewers_email_key` ON `reviewers` (`email`);
CREATE UNIQUE INDEX `reviewers_invite_token_hash_key` ON `reviewers` (`invite_token_hash`);
CREATE TABLE `sessions` (`id` uuid NOT NULL, `token_hash` text NOT NULL, `created_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `reviewer_id` uuid NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `sessions_reviewers_sessions` FOREIGN KEY (`reviewer_id`) REFERENCES `reviewers` (`id`) ON DELETE NO ACTION);
CREATE UNIQUE INDEX `sessions_token_hash_key` ON `sessions` (`token_hash`);
CREATE TABLE `webhook_deliveries` (`id` uuid NOT NULL, `endpoint_id` uuid NOT NULL, `case_id` uuid NULL, `event_type` text NOT NULL, `payload` text NOT NULL, `status` text NOT NULL DEFAULT ('PENDING'), `attempts` integer NOT NULL DEFAULT (0), `last_status_code` integer NULL, `last_error` text NULL, `next_attempt_at` datetime NULL, `delivered_at` datetime NULL, `created_at` datetime NOT NULL, PRIMARY KEY (`id`));
CREATE INDEX `webhookdelivery_endpoint_id_created_at` ON `webhook_deliveries` (`endpoint_id`, `created_at`);
CREATE INDEX `webhookdelivery_status_created_at` ON `webhook_deliveries` (`status`, `created_at`);
CREATE TABLE `webhook_endpoints` (`id` uuid NOT NULL, `url` text NOT NULL, `events` json NOT NULL, `secret` text NOT NULL, `created_by` uuid NOT NULL, `created_at` datetime NOT NULL, PRIMARY KEY (`id`));
