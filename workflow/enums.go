package workflow

import (
	"fmt"
	"io"
	"slices"
	"strconv"
)

// The enums below are shared by ent (Values), gqlgen (MarshalGQL/UnmarshalGQL) and the
// rules, so one spelling flows from the database to the API with no mapping code.

// Status is the review status of a case.
type Status string

// Case statuses.
const (
	StatusInProgress            Status = "IN_PROGRESS"
	StatusPendingReview         Status = "PENDING_REVIEW"
	StatusApproved              Status = "APPROVED"
	StatusRejected              Status = "REJECTED"
	StatusResubmissionRequested Status = "RESUBMISSION_REQUESTED"
)

// Values lists the statuses (for ent).
func (Status) Values() []string {
	return []string{"IN_PROGRESS", "PENDING_REVIEW", "APPROVED", "REJECTED", "RESUBMISSION_REQUESTED", "AWAITING_SECOND_REVIEW"}
}

// Role is what a reviewer account may do: an admin also manages the team.
type Role string

// Reviewer roles.
const (
	RoleAdmin    Role = "ADMIN"
	RoleReviewer Role = "REVIEWER"
)

// Values lists the roles (for ent).
func (Role) Values() []string { return []string{"ADMIN", "REVIEWER"} }

// MarshalGQL implements graphql.Marshaler.
func (r Role) MarshalGQL(w io.Writer) { writeEnum(w, r) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (r *Role) UnmarshalGQL(v any) error { return unmarshalEnum(r, v, "ReviewerRole") }

// Collecting reports whether the applicant may still move and upload.
func (s Status) Collecting() bool {
	return s == StatusInProgress || s == StatusResubmissionRequested
}

// DocType is the kind of an uploaded document.
type DocType string

// Document types.
const (
	DocIDCard         DocType = "ID_CARD"
	DocPassport       DocType = "PASSPORT"
	DocDriversLicense DocType = "DRIVERS_LICENSE"
	DocVoterID        DocType = "VOTER_ID"
	DocSelfie         DocType = "SELFIE"
)

// Values lists the document types (for ent).
func (DocType) Values() []string {
	return []string{"ID_CARD", "PASSPORT", "DRIVERS_LICENSE", "VOTER_ID", "SELFIE"}
}

// Identity reports whether the type is an identity document (anything but the selfie).
func (t DocType) Identity() bool { return t != DocSelfie && t.valid() }

func (t DocType) valid() bool { return slices.Contains(t.Values(), string(t)) }

// Side is the side of an identity document.
type Side string

// Document sides.
const (
	SideFront Side = "FRONT"
	SideBack  Side = "BACK"
)

// Values lists the sides (for ent).
func (Side) Values() []string { return []string{"FRONT", "BACK"} }

// DocStatus is the review status of one document revision.
type DocStatus string

// Document statuses.
const (
	DocPending               DocStatus = "PENDING"
	DocApproved              DocStatus = "APPROVED"
	DocRejected              DocStatus = "REJECTED"
	DocResubmissionRequested DocStatus = "RESUBMISSION_REQUESTED"
)

// Values lists the document statuses (for ent).
func (DocStatus) Values() []string {
	return []string{"PENDING", "APPROVED", "REJECTED", "RESUBMISSION_REQUESTED"}
}

// Usable reports whether a document in this status satisfies a collection guard.
func (s DocStatus) Usable() bool { return s == DocPending || s == DocApproved }

// Decision is a reviewer's verdict on a document or a case.
type Decision string

// Decisions.
const (
	DecisionApprove             Decision = "APPROVE"
	DecisionReject              Decision = "REJECT"
	DecisionRequestResubmission Decision = "REQUEST_RESUBMISSION"
)

// Values lists the decisions.
func (Decision) Values() []string { return []string{"APPROVE", "REJECT", "REQUEST_RESUBMISSION"} }

// enum is a string type with a fixed set of values.
type enum interface {
	~string
	Values() []string
}

// writeEnum writes v as a GraphQL string or enum value.
func writeEnum[T ~string](w io.Writer, v T) { _, _ = io.WriteString(w, strconv.Quote(string(v))) }

// unmarshalEnum sets *dst from a GraphQL input value, refusing anything outside dst's values.
func unmarshalEnum[T enum](dst *T, v any, kind string) error {
	s, ok := v.(string)
	if !ok || !slices.Contains((*dst).Values(), s) {
		return fmt.Errorf("%v is not a valid %s", v, kind)
	}
	*dst = T(s)
	return nil
}

// MarshalGQL implements graphql.Marshaler.
func (s Status) MarshalGQL(w io.Writer) { writeEnum(w, s) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (s *Status) UnmarshalGQL(v any) error { return unmarshalEnum(s, v, "CaseStatus") }

// MarshalGQL implements graphql.Marshaler.
func (t DocType) MarshalGQL(w io.Writer) { writeEnum(w, t) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (t *DocType) UnmarshalGQL(v any) error { return unmarshalEnum(t, v, "DocumentType") }

// MarshalGQL implements graphql.Marshaler.
func (s Side) MarshalGQL(w io.Writer) { writeEnum(w, s) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (s *Side) UnmarshalGQL(v any) error { return unmarshalEnum(s, v, "DocumentSide") }

// MarshalGQL implements graphql.Marshaler.
func (s DocStatus) MarshalGQL(w io.Writer) { writeEnum(w, s) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (s *DocStatus) UnmarshalGQL(v any) error { return unmarshalEnum(s, v, "DocumentStatus") }

// MarshalGQL implements graphql.Marshaler.
func (d Decision) MarshalGQL(w io.Writer) { writeEnum(w, d) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (d *Decision) UnmarshalGQL(v any) error { return unmarshalEnum(d, v, "Decision") }
