-- The schema the release at git commit 1ddb8e1 (before versioned migrations) created on PostgreSQL:
-- its server's migrate subcommand on an empty database, then pg_dump --schema-only --no-owner
-- (psql meta-commands, SET lines and comments left out). Used by TestMigrateUpgradesPreviousRelease.

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE FUNCTION public.kyc_notify_case_event() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
		BEGIN
			PERFORM pg_notify('kyc_case_events', json_build_object('caseId', NEW.case_id, 'eventId', NEW.id)::text);
			RETURN NULL;
		END $$;

CREATE TABLE public.api_keys (
    id uuid NOT NULL,
    name character varying NOT NULL,
    prefix character varying NOT NULL,
    secret_hash character varying NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone
);

CREATE TABLE public.case_events (
    id uuid NOT NULL,
    seq bigint NOT NULL,
    type character varying NOT NULL,
    actor character varying NOT NULL,
    from_state character varying,
    to_state character varying,
    data character varying,
    prev_hash character varying NOT NULL,
    hash character varying NOT NULL,
    created_at timestamp with time zone NOT NULL,
    case_id uuid NOT NULL
);

CREATE TABLE public.documents (
    id uuid NOT NULL,
    type character varying NOT NULL,
    side character varying,
    status character varying DEFAULT 'PENDING'::character varying NOT NULL,
    reason character varying,
    revision bigint NOT NULL,
    content_type character varying NOT NULL,
    size bigint NOT NULL,
    sha256 character varying NOT NULL,
    width bigint,
    height bigint,
    storage_key character varying NOT NULL,
    purged_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    case_id uuid NOT NULL
);

CREATE TABLE public.kyc_cases (
    id uuid NOT NULL,
    state character varying DEFAULT 'welcome'::character varying NOT NULL,
    status character varying DEFAULT 'IN_PROGRESS'::character varying NOT NULL,
    version bigint DEFAULT 1 NOT NULL,
    revision bigint DEFAULT 0 NOT NULL,
    selected_document_type character varying,
    resume_floor character varying,
    resubmission_types jsonb,
    first_name character varying,
    last_name character varying,
    email character varying,
    reason character varying,
    search_text character varying DEFAULT ''::character varying NOT NULL,
    last_event_seq bigint DEFAULT 0 NOT NULL,
    last_event_hash character varying DEFAULT ''::character varying NOT NULL,
    token_hash character varying NOT NULL,
    token_renewed_at timestamp with time zone,
    token_revoked_at timestamp with time zone,
    audit_key_version bigint,
    api_key_id uuid,
    external_id character varying,
    metadata jsonb,
    erased_at timestamp with time zone,
    documents_purged_at timestamp with time zone,
    proposal jsonb,
    returned_proposal jsonb,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    submitted_at timestamp with time zone,
    decided_at timestamp with time zone,
    assignee_id uuid
);

CREATE TABLE public.notes (
    id uuid NOT NULL,
    body character varying NOT NULL,
    created_at timestamp with time zone NOT NULL,
    case_id uuid NOT NULL,
    author_id uuid NOT NULL
);

CREATE TABLE public.reviewers (
    id uuid NOT NULL,
    email character varying NOT NULL,
    name character varying NOT NULL,
    password_hash character varying NOT NULL,
    role character varying DEFAULT 'REVIEWER'::character varying NOT NULL,
    active boolean DEFAULT true NOT NULL,
    last_sign_in_at timestamp with time zone,
    invite_token_hash character varying,
    invite_expires_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL
);

CREATE TABLE public.sessions (
    id uuid NOT NULL,
    token_hash character varying NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    reviewer_id uuid NOT NULL
);

CREATE TABLE public.webhook_deliveries (
    id uuid NOT NULL,
    endpoint_id uuid NOT NULL,
    case_id uuid,
    event_type character varying NOT NULL,
    payload text NOT NULL,
    status character varying DEFAULT 'PENDING'::character varying NOT NULL,
    attempts bigint DEFAULT 0 NOT NULL,
    last_status_code bigint,
    last_error character varying,
    next_attempt_at timestamp with time zone,
    delivered_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL
);

CREATE TABLE public.webhook_endpoints (
    id uuid NOT NULL,
    url character varying NOT NULL,
    events jsonb NOT NULL,
    secret character varying NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.case_events
    ADD CONSTRAINT case_events_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.kyc_cases
    ADD CONSTRAINT kyc_cases_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.reviewers
    ADD CONSTRAINT reviewers_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.webhook_endpoints
    ADD CONSTRAINT webhook_endpoints_pkey PRIMARY KEY (id);

CREATE UNIQUE INDEX api_keys_secret_hash_key ON public.api_keys USING btree (secret_hash);

CREATE UNIQUE INDEX caseevent_case_id_seq ON public.case_events USING btree (case_id, seq);

CREATE INDEX caseevent_created_at ON public.case_events USING btree (created_at);

CREATE UNIQUE INDEX document_case_id_type_side_revision ON public.documents USING btree (case_id, type, side, revision);

CREATE UNIQUE INDEX kyc_cases_token_hash_key ON public.kyc_cases USING btree (token_hash);

CREATE UNIQUE INDEX kyccase_api_key_id_external_id ON public.kyc_cases USING btree (api_key_id, external_id);

CREATE INDEX kyccase_assignee_id_status ON public.kyc_cases USING btree (assignee_id, status);

CREATE INDEX kyccase_created_at ON public.kyc_cases USING btree (created_at);

CREATE INDEX kyccase_search_text_trgm ON public.kyc_cases USING gin (search_text public.gin_trgm_ops);

CREATE INDEX kyccase_status_created_at ON public.kyc_cases USING btree (status, created_at);

CREATE INDEX kyccase_status_search_text_id ON public.kyc_cases USING btree (status, search_text, id);

CREATE INDEX kyccase_status_submitted_at ON public.kyc_cases USING btree (status, submitted_at);

CREATE INDEX kyccase_updated_at ON public.kyc_cases USING btree (updated_at);

CREATE UNIQUE INDEX reviewers_email_key ON public.reviewers USING btree (email);

CREATE UNIQUE INDEX reviewers_invite_token_hash_key ON public.reviewers USING btree (invite_token_hash);

CREATE UNIQUE INDEX sessions_token_hash_key ON public.sessions USING btree (token_hash);

CREATE INDEX webhookdelivery_endpoint_id_created_at ON public.webhook_deliveries USING btree (endpoint_id, created_at);

CREATE INDEX webhookdelivery_status_created_at ON public.webhook_deliveries USING btree (status, created_at);

CREATE TRIGGER case_events_notify AFTER INSERT ON public.case_events FOR EACH ROW EXECUTE FUNCTION public.kyc_notify_case_event();

ALTER TABLE ONLY public.case_events
    ADD CONSTRAINT case_events_kyc_cases_events FOREIGN KEY (case_id) REFERENCES public.kyc_cases(id);

ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_kyc_cases_documents FOREIGN KEY (case_id) REFERENCES public.kyc_cases(id);

ALTER TABLE ONLY public.kyc_cases
    ADD CONSTRAINT kyc_cases_reviewers_assigned_cases FOREIGN KEY (assignee_id) REFERENCES public.reviewers(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_kyc_cases_notes FOREIGN KEY (case_id) REFERENCES public.kyc_cases(id);

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_reviewers_notes FOREIGN KEY (author_id) REFERENCES public.reviewers(id);

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_reviewers_sessions FOREIGN KEY (reviewer_id) REFERENCES public.reviewers(id);

