package graph

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/kyccase"
	"github.com/openkyc/kyc-manual-review/ent/predicate"
	"github.com/openkyc/kyc-manual-review/graph/model"
	"github.com/openkyc/kyc-manual-review/internal/search"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// Page sizes of the cases connection.
const (
	defaultPageSize = 20
	maxPageSize     = 100
)

func trimmed(s *string) *string {
	if s == nil {
		return nil
	}
	t := strings.TrimSpace(*s)
	if t == "" {
		return nil
	}
	return &t
}

func sideString(s *workflow.Side) string {
	if s == nil {
		return ""
	}
	return string(*s)
}

func (r *Resolver) resumeURL(token string) string {
	return strings.TrimRight(r.PublicURL, "/") + "/kyc/#resume=" + token
}

func parseCursor(s *string) (_ *ent.Cursor, err error) {
	if s == nil || *s == "" {
		return nil, nil
	}
	invalid := workflow.Errorf(workflow.EBadUserInput, "invalid cursor")
	// The msgpack decoder under UnmarshalGQL panics on some malformed cursors (found by
	// fuzzing: a fixed-int value decoded into an interface field): a forged cursor is bad input.
	defer func() {
		if recover() != nil {
			err = invalid
		}
	}()
	c := &ent.Cursor{}
	if err := c.UnmarshalGQL(*s); err != nil || !scalarCursorValue(c.Value) {
		return nil, invalid
	}
	return c, nil
}

// scalarCursorValue reports whether a cursor's value is one a list is ordered by (a time, a
// string, a number): a map or a list, which a forged cursor may hold, would reach the
// database as a query argument.
func scalarCursorValue(v any) bool {
	switch v.(type) {
	case nil, string, bool, time.Time, float32, float64,
		int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return true
	}
	return false
}

func pageSize(first, last *int) (*int, *int, error) {
	for _, n := range []*int{first, last} {
		if n != nil && (*n < 0 || *n > maxPageSize) {
			return nil, nil, workflow.Errorf(workflow.EBadUserInput, "page size must be between 0 and %d", maxPageSize)
		}
	}
	if first == nil && last == nil {
		n := defaultPageSize
		first = &n
	}
	return first, last, nil
}

// reviewerID is the signed-in reviewer's id (uuid.Nil for an API key: no case is assigned to it).
func reviewerID(v Viewer) uuid.UUID {
	if v.Reviewer == nil {
		return uuid.Nil
	}
	return v.Reviewer.ID
}

// maxSearchLen bounds the search text (names and emails are at most 320 characters).
const maxSearchLen = 320

// checkFilter refuses a filter the database should not be asked to run.
func checkFilter(f *model.CaseFilter) error {
	if f != nil && len(deref(f.Search)) > maxSearchLen {
		return workflow.Errorf(workflow.EBadUserInput, "the search text is longer than %d characters", maxSearchLen)
	}
	return nil
}

// caseFilter turns the backoffice filter into predicates.
func caseFilter(f *model.CaseFilter, v Viewer) []predicate.KycCase {
	if f == nil {
		return nil
	}
	var ps []predicate.KycCase
	q := search.Query(deref(f.Search))
	if len(f.Status) > 0 && q == "" {
		ps = append(ps, kyccase.StatusIn(f.Status...))
	}
	if f.AssignedToMe != nil && *f.AssignedToMe {
		ps = append(ps, kyccase.AssigneeIDEQ(reviewerID(v)))
	}
	if f.Unassigned != nil && *f.Unassigned {
		ps = append(ps, kyccase.AssigneeIDIsNil())
	}
	if f.ExternalID != nil {
		ps = append(ps, kyccase.ExternalID(*f.ExternalID))
		if v.APIKey != nil { // a key's references are its own: another key may use the same one
			ps = append(ps, kyccase.APIKeyID(v.APIKey.ID))
		}
	}
	if q != "" { // the search filters by status too: on SQLite its index holds the status
		statuses := make([]string, len(f.Status))
		for i, st := range f.Status {
			statuses[i] = string(st)
		}
		ps = append(ps, predicate.KycCase(search.Predicate(q, statuses)))
	}
	return ps
}

// node loads any object by id, if the caller may see it: reviewers see everything, an
// applicant only its own case and that case's documents.
func (r *Resolver) node(ctx context.Context, id uuid.UUID) (ent.Noder, error) {
	v := ViewerFrom(ctx)
	if c, err := r.Client.KycCase.Get(ctx, id); err == nil {
		if !canRead(ctx, c.ID) {
			return nil, &ent.NotFoundError{}
		}
		return c, nil
	} else if !ent.IsNotFound(err) {
		return nil, err
	}
	if d, err := r.Client.Document.Get(ctx, id); err == nil {
		if !canRead(ctx, d.CaseID) {
			return nil, &ent.NotFoundError{}
		}
		return d, nil
	} else if !ent.IsNotFound(err) {
		return nil, err
	}
	if v.Reviewer == nil {
		return nil, &ent.NotFoundError{}
	}
	if n, err := r.Client.CaseEvent.Get(ctx, id); err == nil || !ent.IsNotFound(err) {
		return n, err
	}
	if n, err := r.Client.Note.Get(ctx, id); err == nil || !ent.IsNotFound(err) {
		return n, err
	}
	return r.Client.Reviewer.Get(ctx, id)
}
