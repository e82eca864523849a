package schema

import (
	"time"

	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"github.com/google/uuid"
)

// Session holds the schema definition for the Session entity: a signed-in reviewer's
// cookie session. Kept in the database so that any API replica can authenticate it.
type Session struct {
	ent.Schema
}

// Fields of the Session.
func (Session) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("id", uuid.UUID{}).
			Default(uuid.New),
		// TokenHash is the SHA-256 of the cookie value.
		field.String("token_hash").
			Sensitive().
			Unique().
			Immutable(),
		field.UUID("reviewer_id", uuid.UUID{}).
			Immutable(),
		field.Time("created_at").
			Default(time.Now).
			Immutable(),
		field.Time("expires_at"),
	}
}

// Edges of the Session.
func (Session) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("reviewer", Reviewer.Type).
			Ref("sessions").
			Field("reviewer_id").
			Unique().
			Required().
			Immutable(),
	}
}
