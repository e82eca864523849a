package graph

import (
	"context"
	"time"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/graph/model"
	"github.com/openkyc/kyc-manual-review/internal/search"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// EvDetailsUpdated records that the applicant set their details (which fields changed, never
// their values: the audit trail outlives an erasure).
const EvDetailsUpdated EventType = "DETAILS_UPDATED"

// startDetails checks the details given to startCase: each one given follows the rules of
// workflow.CheckDetails, none is required there.
func startDetails(in *model.StartCaseInput, now time.Time) (workflow.Details, error) {
	return workflow.CheckDetails(workflow.Details{
		FirstName:   deref(in.FirstName),
		LastName:    deref(in.LastName),
		DateOfBirth: deref(in.DateOfBirth),
		Email:       deref(in.Email),
	}, now, false)
}

// updateMyDetails sets the applicant's details while the case is collecting, before its first
// submission: the rules are workflow's (CheckDetails, CanEditDetails).
func (r *Resolver) updateMyDetails(ctx context.Context, in model.ApplicantDetailsInput) (*ent.KycCase, error) {
	if err := requireApplicant(ctx, in.CaseID); err != nil {
		return nil, err
	}
	d, err := workflow.CheckDetails(workflow.Details{
		FirstName: in.FirstName, LastName: in.LastName, DateOfBirth: in.DateOfBirth, Email: deref(in.Email),
	}, r.now(), true)
	if err != nil {
		return nil, err
	}
	return r.mutateCase(ctx, in.CaseID, in.ExpectedVersion, func(_ *ent.Tx, c *ent.KycCase, upd *ent.KycCaseUpdate) ([]change, error) {
		if err := workflow.CanEditDetails(c.Status); err != nil {
			return nil, err
		}
		first, last, dob, email := optional(d.FirstName), optional(d.LastName), optional(d.DateOfBirth), optional(d.Email)
		var fields []string
		for _, f := range []struct {
			name     string
			old, new *string
		}{{"firstName", c.FirstName, first}, {"lastName", c.LastName, last}, {"dateOfBirth", c.DateOfBirth, dob}, {"email", c.Email, email}} {
			if deref(f.old) != deref(f.new) {
				fields = append(fields, f.name)
			}
		}
		upd.SetNillableFirstName(first).SetNillableLastName(last).SetNillableDateOfBirth(dob).
			SetSearchText(search.Text(first, last, email))
		if email == nil {
			upd.ClearEmail()
		} else {
			upd.SetEmail(*email)
		}
		return []change{{Type: EvDetailsUpdated, Actor: actor(ctx), Data: map[string]any{"fields": fields}}}, nil
	})
}

// optional is nil for "" (a column left unset), else &s.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
