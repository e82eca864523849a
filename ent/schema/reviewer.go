package schema

import (
	"time"

	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"github.com/google/uuid"
)

// Reviewer holds the schema definition for the Reviewer entity: a backoffice user.
type Reviewer struct {
	ent.Schema
}

// Fields of the Reviewer.
func (Reviewer) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("id", uuid.UUID{}).
			Default(uuid.New),
		field.String("email").
			Unique().
			NotEmpty(),
		field.String("name").
			NotEmpty(),
		// PasswordHash is a bcrypt hash.
		field.String("password_hash").
			Sensitive(),
		field.Time("created_at").
			Default(time.Now).
			Immutable(),
	}
}

// Edges of the Reviewer.
func (Reviewer) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("assigned_cases", KycCase.Type),
		edge.To("sessions", Session.Type),
		edge.To("notes", Note.Type),
	}
}
