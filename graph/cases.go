package graph

import (
	"cmp"
	"context"
	"sort"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/document"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// currentDocuments returns the latest revision of each (type, side) of a case: identity
// documents first, then the selfie. q is a client or a transaction's client.
func currentDocuments(ctx context.Context, q *ent.DocumentClient, caseID uuid.UUID) ([]*ent.Document, error) {
	all, err := q.Query().
		Where(document.CaseID(caseID)).
		Order(ent.Desc(document.FieldRevision), ent.Desc(document.FieldCreatedAt)).
		All(ctx)
	if err != nil {
		return nil, err
	}
	return pickCurrent(all), nil
}

// pickCurrent keeps the newest revision of each (type, side) from a case's documents ordered
// newest first, identity documents before the selfie.
func pickCurrent(all []*ent.Document) []*ent.Document {
	seen := map[string]bool{}
	var out []*ent.Document
	for _, d := range all {
		key := string(d.Type) + "/" + sideOf(d)
		if !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Type == workflow.DocSelfie, out[j].Type == workflow.DocSelfie
		if a != b {
			return b
		}
		return out[i].CreatedAt.Before(out[j].CreatedAt)
	})
	return out
}

func sideOf(d *ent.Document) string {
	if d.Side == nil {
		return ""
	}
	return string(*d.Side)
}

// facts reads what the statechart guards need to know about c.
func facts(c *ent.KycCase, docs []*ent.Document) workflow.Facts {
	f := workflow.Facts{Status: c.Status}
	if c.SelectedDocumentType != nil {
		f.SelectedType = *c.SelectedDocumentType
	}
	if c.ResumeFloor != nil {
		f.Floor = *c.ResumeFloor
	}
	front, backRefused := false, false
	for _, d := range docs {
		switch {
		case d.Type == workflow.DocSelfie:
			f.HasSelfie = d.Status.Usable()
			f.SelfieFail = failedCheck(d)
		case d.Type == f.SelectedType && (d.Side == nil || *d.Side == workflow.SideFront):
			front = d.Status.Usable()
			f.DocumentPhotoFail = cmp.Or(f.DocumentPhotoFail, failedCheck(d))
		case d.Type == f.SelectedType:
			// The back side is optional, but one a reviewer refused must be re-taken.
			backRefused = !d.Status.Usable()
			f.DocumentPhotoFail = cmp.Or(f.DocumentPhotoFail, failedCheck(d))
		}
	}
	f.HasDocumentPhoto = front && !backRefused
	return f
}

// uploadFacts reads what the upload rule needs to know about c.
func uploadFacts(c *ent.KycCase) workflow.UploadFacts {
	f := workflow.UploadFacts{Status: c.Status, State: c.State, Flagged: map[workflow.DocType]bool{}}
	if c.SelectedDocumentType != nil {
		f.SelectedType = *c.SelectedDocumentType
	}
	for _, t := range c.ResubmissionTypes {
		f.Flagged[t] = true
	}
	return f
}

func docFacts(docs []*ent.Document) []workflow.DocFact {
	out := make([]workflow.DocFact, len(docs))
	for i, d := range docs {
		out[i] = workflow.DocFact{ID: d.ID.String(), Type: d.Type, Status: d.Status}
	}
	return out
}

// caseForReader loads a case the caller may read, or NOT_FOUND.
func (r *Resolver) caseForReader(ctx context.Context, id uuid.UUID) (*ent.KycCase, error) {
	if !canRead(ctx, id) {
		if v := ViewerFrom(ctx); v.anonymous() {
			return nil, v.unauthenticated()
		}
		return nil, workflow.Errorf(workflow.ENotFound, "case %s not found", id)
	}
	return r.Client.KycCase.Get(ctx, id)
}

// claim makes the reviewer the assignee of an unassigned case, or refuses when another
// reviewer holds it. It returns the audit change of the claim, if the case was claimed.
func claim(c *ent.KycCase, rv *ent.Reviewer, upd *ent.KycCaseUpdate) ([]change, error) {
	if c.AssigneeID != nil {
		if *c.AssigneeID != rv.ID {
			return nil, workflow.Errorf(workflow.EForbidden, "this case is assigned to another reviewer")
		}
		return nil, nil
	}
	upd.SetAssigneeID(rv.ID)
	return []change{{Type: EvCaseAssigned, Actor: "reviewer:" + rv.Email, Data: map[string]any{"assignee": rv.Email, "claimed": true}}}, nil
}
