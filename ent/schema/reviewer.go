package schema

import (
	"time"

	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/workflow"
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
		// PasswordHash is a bcrypt hash; empty while an invitation waits to be accepted.
		field.String("password_hash").
			Sensitive(),
		// Role: an ADMIN also manages the team (invitations, deactivation).
		field.Enum("role").
			GoType(workflow.Role("")).
			Default(string(workflow.RoleReviewer)),
		// Active: a deactivated reviewer cannot sign in; their cases stay assigned to them.
		field.Bool("active").
			Default(true),
		field.Time("last_sign_in_at").
			Optional().
			Nillable(),
		// InviteTokenHash is the SHA-256 of a pending invitation's token (single use).
		field.String("invite_token_hash").
			Optional().
			Nillable().
			Unique().
			Sensitive(),
		field.Time("invite_expires_at").
			Optional().
			Nillable(),
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
