package schema

import (
	"time"

	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"github.com/google/uuid"
)

// Note holds the schema definition for the Note entity: a reviewer's remark on a case.
type Note struct {
	ent.Schema
}

// Fields of the Note.
func (Note) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("id", uuid.UUID{}).
			Default(uuid.New),
		field.UUID("case_id", uuid.UUID{}).
			Immutable(),
		field.UUID("author_id", uuid.UUID{}).
			Immutable(),
		field.String("body").
			NotEmpty().
			MaxLen(5000).
			Immutable(),
		field.Time("created_at").
			Default(time.Now).
			Immutable(),
	}
}

// Edges of the Note.
func (Note) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("case", KycCase.Type).
			Ref("notes").
			Field("case_id").
			Unique().
			Required().
			Immutable(),
		edge.From("author", Reviewer.Type).
			Ref("notes").
			Field("author_id").
			Unique().
			Required().
			Immutable(),
	}
}
