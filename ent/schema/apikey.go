package schema

import (
	"time"

	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"github.com/google/uuid"
)

// APIKey holds the schema definition for the APIKey entity: an integrator's credential. Only
// the SHA-256 of the secret is stored (a high-entropy secret needs no slow hash).
type APIKey struct {
	ent.Schema
}

// Fields of the APIKey.
func (APIKey) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("id", uuid.UUID{}).
			Default(uuid.New),
		field.String("name").
			NotEmpty().
			MaxLen(200),
		// Prefix is the start of the secret (kyc_sk_ and 6 characters), to recognise a key.
		field.String("prefix").
			Immutable(),
		field.String("secret_hash").
			Sensitive().
			Unique().
			Immutable(),
		field.UUID("created_by", uuid.UUID{}).
			Immutable(),
		field.Time("created_at").
			Default(time.Now).
			Immutable(),
		field.Time("last_used_at").
			Optional().
			Nillable(),
		field.Time("revoked_at").
			Optional().
			Nillable(),
	}
}
