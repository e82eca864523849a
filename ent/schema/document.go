package schema

import (
	"time"

	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/google/uuid"

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
		field.Time("created_at").
			Default(time.Now).
			Immutable(),
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
	}
}
