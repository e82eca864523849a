package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/workflow"
)

// KycCase holds the schema definition for the KycCase entity: one applicant's case,
// exposed as `Case` in GraphQL (`case` is a Go keyword, so ent refuses that name).
type KycCase struct {
	ent.Schema
}

// Fields of the KycCase.
func (KycCase) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("id", uuid.UUID{}).
			Default(uuid.New),
		field.Enum("state").
			GoType(workflow.State("")).
			Default(string(workflow.Welcome)),
		field.Enum("status").
			GoType(workflow.Status("")).
			Default(string(workflow.StatusInProgress)),
		// Version increases on every change; decisions carry the version the reviewer saw.
		field.Int("version").
			Default(1),
		// Revision is 0 until the first submission, then +1 on each submission.
		field.Int("revision").
			Default(0),
		field.Enum("selected_document_type").
			GoType(workflow.DocType("")).
			Optional().
			Nillable(),
		// ResumeFloor is the earliest state the applicant may go back to while resubmitting.
		field.Enum("resume_floor").
			GoType(workflow.State("")).
			Optional().
			Nillable(),
		// ResubmissionTypes are the document types the applicant must re-take in the current
		// resubmission round; they stay re-takeable after a first re-upload.
		field.JSON("resubmission_types", []workflow.DocType{}).
			Optional(),
		field.String("first_name").
			Optional().
			Nillable().
			MaxLen(200),
		field.String("last_name").
			Optional().
			Nillable().
			MaxLen(200),
		field.String("email").
			Optional().
			Nillable().
			MaxLen(320),
		// DateOfBirth is the applicant's date of birth, "YYYY-MM-DD": a calendar date, with no
		// time or zone (workflow.CheckDetails). Erased with the other details.
		field.String("date_of_birth").
			Optional().
			Nillable().
			MaxLen(10),
		field.String("reason").
			Optional().
			Nillable(),
		// ReasonCode is the preset reason of a rejection (reason then holds the applicant's wording).
		field.Enum("reason_code").
			GoType(workflow.ReasonCode("")).
			Optional().
			Nillable(),
		// SearchText is first name, last name and email, lower-cased, for the backoffice search:
		// one column that a covering index (SQLite) or a trigram index (PostgreSQL) serves.
		field.String("search_text").
			Default("").
			Annotations(entgql.Skip()),
		// LastEventSeq and LastEventHash are the head of the case's audit chain, updated with
		// the version-checked case row, so appending an event needs no read of the last one.
		field.Int("last_event_seq").
			Default(0).
			Annotations(entgql.Skip()),
		field.String("last_event_hash").
			Default("").
			Annotations(entgql.Skip()),
		// TokenHash is the SHA-256 of the applicant's case token; the token itself is never stored.
		// A reviewer may replace it (revokeCaseToken with a new link).
		field.String("token_hash").
			Sensitive().
			Unique(),
		// TokenRenewedAt is when the case token's lifetime last started over: the applicant's
		// last change while collecting, or the reviewer's decision (see workflow.TokenExpiry).
		field.Time("token_renewed_at").
			Optional().
			Nillable().
			Annotations(entgql.Skip()),
		// TokenRevokedAt is set when a reviewer revoked the token without issuing a new one.
		field.Time("token_revoked_at").
			Optional().
			Nillable().
			Annotations(entgql.Skip()),
		// AuditKeyVersion is 1 when the case's audit chain is keyed (HMAC with the server's
		// secret); null for a chain written before keying, which start-up re-chains once.
		field.Int("audit_key_version").
			Optional().
			Nillable().
			Annotations(entgql.Skip()),
		field.UUID("assignee_id", uuid.UUID{}).
			Optional().
			Nillable(),
		// APIKeyID is the integrator's key that created the case (nil: the applicant started it);
		// ExternalID is the integrator's reference, unique per key; Metadata is theirs (<= 4 KB).
		field.UUID("api_key_id", uuid.UUID{}).
			Optional().
			Nillable().
			Immutable().
			Annotations(entgql.Skip()),
		field.String("external_id").
			Optional().
			Nillable().
			MaxLen(200).
			Immutable(),
		field.JSON("metadata", map[string]any{}).
			Optional(),
		// ErasedAt: the applicant's details and photos were erased (on request, or because the
		// case was never submitted); DocumentsPurgedAt: the photos were deleted (retention).
		field.Time("erased_at").
			Optional().
			Nillable(),
		field.Time("documents_purged_at").
			Optional().
			Nillable(),
		// Proposal is a decision waiting for a second reviewer (four-eyes policy); Returned is
		// the last proposal a second reviewer sent back, with why.
		field.JSON("proposal", &workflow.Proposal{}).
			Optional().
			Annotations(entgql.Skip()),
		field.JSON("returned_proposal", &workflow.ReturnedProposal{}).
			Optional().
			Annotations(entgql.Skip()),
		field.Time("created_at").
			Default(time.Now).
			Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
		field.Time("updated_at").
			Default(time.Now).
			UpdateDefault(time.Now).
			Annotations(entgql.OrderField("UPDATED_AT")),
		field.Time("submitted_at").
			Optional().
			Nillable().
			Annotations(entgql.OrderField("SUBMITTED_AT")),
		field.Time("decided_at").
			Optional().
			Nillable(),
	}
}

// Edges of the KycCase.
func (KycCase) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("assignee", Reviewer.Type).
			Ref("assigned_cases").
			Field("assignee_id").
			Unique(),
		edge.To("documents", Document.Type),
		edge.To("events", CaseEvent.Type),
		edge.To("notes", Note.Type),
	}
}

// Indexes of the KycCase: the backoffice list filters by status and orders by time.
func (KycCase) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("status", "created_at"),
		index.Fields("status", "submitted_at"),
		// Covers the list's count (ent counts ids): a search never reads the table's rows.
		index.Fields("status", "search_text", "id"),
		index.Fields("assignee_id", "status"),
		index.Fields("created_at"),
		index.Fields("updated_at"),
		index.Fields("api_key_id", "external_id").Unique(),
	}
}

// Annotations of the KycCase.
func (KycCase) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.Type("Case"),
		entgql.RelayConnection(),
	}
}
