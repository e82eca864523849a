package graph

// The reviewer's view of a case's photos and reasons (issue 14): which revisions were
// submitted, preset reasons with the applicant's wording, and taking back a decision.

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/caseevent"
	"github.com/openkyc/kyc-manual-review/ent/document"
	"github.com/openkyc/kyc-manual-review/graph/model"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// EvDocumentDecisionCleared records that a reviewer took back a document's decision (e.g.
// unflagged a resubmission request before sending it to the applicant).
const EvDocumentDecisionCleared EventType = "DOCUMENT_DECISION_CLEARED"

// mutateDocumentCase is mutateCase for a change to one document: it finds the document's
// case, and fn gets the document as read inside the transaction (after the case row, so that
// it is the version the change is checked against).
func (r *Resolver) mutateDocumentCase(ctx context.Context, docID uuid.UUID, expectedVersion *int,
	fn func(tx *ent.Tx, c *ent.KycCase, d *ent.Document, upd *ent.KycCaseUpdate) ([]change, error),
) (*ent.KycCase, error) {
	doc, err := r.Client.Document.Get(ctx, docID)
	if err != nil {
		return nil, err
	}
	return r.mutateCase(ctx, doc.CaseID, expectedVersion, func(tx *ent.Tx, c *ent.KycCase, upd *ent.KycCaseUpdate) ([]change, error) {
		d, err := tx.Document.Get(ctx, docID)
		if err != nil {
			return nil, err
		}
		return fn(tx, c, d, upd)
	})
}

// documentSubmitted reports whether d was the current revision of its document at one of the
// case's submissions: uploaded at or before it, and not replaced by the next revision until
// after it.
func (r *Resolver) documentSubmitted(ctx context.Context, d *ent.Document) (bool, error) {
	subs, err := r.Client.CaseEvent.Query().
		Where(caseevent.CaseID(d.CaseID), caseevent.Type(string(EvCaseSubmitted)), caseevent.CreatedAtGTE(d.CreatedAt)).
		Order(ent.Asc(caseevent.FieldCreatedAt)).
		First(ctx)
	if ent.IsNotFound(err) {
		return false, nil // never submitted since this photo was taken
	}
	if err != nil {
		return false, err
	}
	q := r.Client.Document.Query().Where(document.CaseID(d.CaseID), document.TypeEQ(d.Type), document.RevisionGT(d.Revision))
	if d.Side == nil {
		q = q.Where(document.SideIsNil())
	} else {
		q = q.Where(document.SideEQ(*d.Side))
	}
	next, err := q.Order(ent.Asc(document.FieldRevision)).First(ctx)
	if ent.IsNotFound(err) {
		return true, nil // still the current photo, and a submission came after it
	}
	if err != nil {
		return false, err
	}
	// The first submission after this photo was taken happened before the next photo.
	return next.CreatedAt.After(subs.CreatedAt), nil
}

// resubmissionReasons turns a resubmission request's documents into what the applicant
// reads for each (workflow.ApplicantReason) and the preset codes given.
func resubmissionReasons(docs []*model.DocumentResubmission) (map[string]string, map[string]workflow.ReasonCode, error) {
	reasons, codes := map[string]string{}, map[string]workflow.ReasonCode{}
	for _, d := range docs {
		why, err := workflow.ApplicantReason(workflow.DecisionRequestResubmission, d.ReasonCode, d.Reason)
		if err != nil {
			return nil, nil, err
		}
		reasons[d.DocumentID.String()] = why
		if d.ReasonCode != nil {
			codes[d.DocumentID.String()] = *d.ReasonCode
		}
	}
	return reasons, codes, nil
}

// nonEmpty is s, or nil when s is blank.
func nonEmpty(s string) *string { return trimmed(&s) }

// reviewSLA is the configured review SLA, or the default one.
func (r *Resolver) reviewSLA() time.Duration {
	if r.ReviewSLA > 0 {
		return r.ReviewSLA
	}
	return workflow.DefaultReviewSLA
}
