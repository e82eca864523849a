package schema

import (
	"time"

	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/internal/photocheck"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// Document holds the schema definition for the Document entity: one uploaded revision.
// Uploads never overwrite: a re-take is a new row with the next revision number; only the
// review status and reason of a revision change.
type Document struct {
	ent.Schema
}

// Fields of the Document.
func (Document) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("id", uuid.UUID{}).
			Default(uuid.New),
		field.UUID("case_id", uuid.UUID{}).
			Immutable(),
		field.Enum("type").
			GoType(workflow.DocType("")).
			Immutable(),
		field.Enum("side").
			GoType(workflow.Side("")).
			Optional().
			Nillable().
			Immutable(),
		field.Enum("status").
			GoType(workflow.DocStatus("")).
			Default(string(workflow.DocPending)),
		field.String("reason").
			Optional().
			Nillable(),
		// ReasonCode is the reviewer's preset reason (reason then holds the applicant's wording).
		field.Enum("reason_code").
			GoType(workflow.ReasonCode("")).
			Optional().
			Nillable(),
		field.Int("revision").
			Immutable(),
		field.String("content_type").
			Immutable(),
		field.Int64("size").
			Immutable(),
		field.String("sha256").
			Immutable(),
		field.Int("width").
			Optional().
			Nillable().
			Immutable(),
		field.Int("height").
			Optional().
			Nillable().
			Immutable(),
		// StorageKey locates the bytes in the blob store.
		field.String("storage_key").
			Immutable(),
		// PurgedAt is when the bytes were deleted (retention or erasure); the row stays, so
		// that the case's record says what there was.
		field.Time("purged_at").
			Optional().
			Nillable(),
		// SubmittedAt is when the case was first submitted while this was the current
		// revision of its document (Document.submitted); nil for a photo replaced before
		// any submission, or not submitted yet.
		field.Time("submitted_at").
			Optional().
			Nillable(),
		field.Time("created_at").
			Default(time.Now).
			Immutable(),
		// Checks are the automatic photo checks computed at upload (internal/photocheck).
		field.JSON("checks", []photocheck.Check{}).
			Optional(),
		// Phash is the 64-bit perceptual hash of the photo (internal/photocheck.Hash), and
		// phash_band0–3 its four 16-bit bands, each indexed: two photos within a Hamming
		// distance of 3 share a band, so a lookup by band finds every candidate. Cleared
		// with the photo (retention, erasure): it is derived from the applicant's face.
		field.Int64("phash").
			Optional().
			Nillable(),
		field.Int("phash_band0").Optional().Nillable(),
		field.Int("phash_band1").Optional().Nillable(),
		field.Int("phash_band2").Optional().Nillable(),
		field.Int("phash_band3").Optional().Nillable(),
	}
}

// Edges of the Document.
func (Document) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("case", KycCase.Type).
			Ref("documents").
			Field("case_id").
			Unique().
			Required().
			Immutable(),
	}
}

// Indexes of the Document: one revision number per (case, type, side).
func (Document) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("case_id", "type", "side", "revision").
			Unique(),
		index.Fields("phash_band0"),
		index.Fields("phash_band1"),
		index.Fields("phash_band2"),
		index.Fields("phash_band3"),
	}
}
