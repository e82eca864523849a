package schema

import (
	"time"

	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/google/uuid"
)

// CaseEvent holds the schema definition for the CaseEvent entity: the append-only audit
// trail. Every field is immutable, and each event stores the hash of the previous event of
// its case, so an auditor can rebuild a case from rows and detect a removed or edited one.
type CaseEvent struct {
	ent.Schema
}

// Fields of the CaseEvent.
func (CaseEvent) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("id", uuid.UUID{}).
			Default(uuid.New).
			Immutable(),
		field.UUID("case_id", uuid.UUID{}).
			Immutable(),
		// Seq numbers the events of one case from 1; unique per case, so two writers
		// cannot both append after the same event.
		field.Int("seq").
			Immutable(),
		field.String("type").
			Immutable(),
		field.String("actor").
			Immutable(),
		field.String("from_state").
			Optional().
			Nillable().
			Immutable(),
		field.String("to_state").
			Optional().
			Nillable().
			Immutable(),
		field.String("data").
			Optional().
			Nillable().
			Immutable(),
		field.String("prev_hash").
			Immutable(),
		field.String("hash").
			Immutable(),
		field.Time("created_at").
			Default(time.Now).
			Immutable(),
	}
}

// Edges of the CaseEvent.
func (CaseEvent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("case", KycCase.Type).
			Ref("events").
			Field("case_id").
			Unique().
			Required().
			Immutable(),
	}
}

// Indexes of the CaseEvent.
func (CaseEvent) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("case_id", "seq").
			Unique(),
		// The live-update catch-up after a LISTEN outage reads the events since a moment.
		index.Fields("created_at"),
	}
}
