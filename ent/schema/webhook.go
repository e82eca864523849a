package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/google/uuid"
)

// WebhookEndpoint holds the schema definition for the WebhookEndpoint entity: where an
// integrator receives signed case events.
type WebhookEndpoint struct {
	ent.Schema
}

// Fields of the WebhookEndpoint.
func (WebhookEndpoint) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("id", uuid.UUID{}).
			Default(uuid.New),
		field.String("url").
			NotEmpty().
			MaxLen(2000),
		field.JSON("events", []string{}),
		// Secret is the Standard Webhooks signing secret (whsec_…): the server signs with it,
		// so it is kept, unlike API key secrets.
		field.String("secret").
			Sensitive(),
		field.UUID("created_by", uuid.UUID{}).
			Immutable(),
		field.Time("created_at").
			Default(time.Now).
			Immutable(),
	}
}

// WebhookDelivery holds the schema definition for the WebhookDelivery entity: one event for
// one endpoint, written in the transaction of the change it reports (the outbox), then
// delivered by a durable job until the endpoint answers 2xx or the attempts run out.
type WebhookDelivery struct {
	ent.Schema
}

// Fields of the WebhookDelivery.
func (WebhookDelivery) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("id", uuid.UUID{}).
			Default(uuid.New),
		field.UUID("endpoint_id", uuid.UUID{}).
			Immutable(),
		field.UUID("case_id", uuid.UUID{}).
			Optional().
			Nillable().
			Immutable(),
		field.String("event_type").
			Immutable(),
		// Payload is the JSON body, fixed when the event happened.
		field.Text("payload").
			Immutable(),
		field.Enum("status").
			Values("PENDING", "DELIVERED", "FAILED").
			Default("PENDING"),
		field.Int("attempts").
			Default(0),
		field.Int("last_status_code").
			Optional().
			Nillable(),
		field.String("last_error").
			Optional().
			Nillable(),
		field.Time("next_attempt_at").
			Optional().
			Nillable(),
		field.Time("delivered_at").
			Optional().
			Nillable(),
		field.Time("created_at").
			Default(time.Now).
			Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
	}
}

// Indexes of the WebhookDelivery: an endpoint's deliveries, newest first; the pending ones.
func (WebhookDelivery) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("endpoint_id", "created_at"),
		index.Fields("status", "created_at"),
	}
}

// Annotations of the WebhookDelivery.
func (WebhookDelivery) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
	}
}
