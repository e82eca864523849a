package model

import (
	"github.com/99designs/gqlgen/graphql"
	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/workflow"
)

// MarshalUUID writes an ID (gqlgen.yml binds the GraphQL ID scalar to uuid.UUID through these).
func MarshalUUID(id uuid.UUID) graphql.Marshaler { return graphql.MarshalUUID(id) }

// UnmarshalUUID reads an ID; a malformed one is the caller's mistake (BAD_USER_INPUT), not an
// internal error.
func UnmarshalUUID(v any) (uuid.UUID, error) {
	id, err := graphql.UnmarshalUUID(v)
	if err != nil {
		return uuid.Nil, workflow.Errorf(workflow.EBadUserInput, "not a valid ID")
	}
	return id, nil
}
