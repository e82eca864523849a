package graph

// The reviewer's view of a case's photos and reasons (issue 14): which revisions were
// submitted, preset reasons with the applicant's wording, and taking back a decision.

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
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

// markSubmitted records, in the transaction of a submission at, that the case's current
// documents docs were submitted (Document.submitted), keeping the time of an earlier
// submission. It returns docs as they now are, as new values: docs may be shared by the cache.
func markSubmitted(ctx context.Context, tx *ent.Tx, docs []*ent.Document, at time.Time) ([]*ent.Document, error) {
	out := make([]*ent.Document, len(docs))
	var ids []uuid.UUID
	for i, d := range docs {
		out[i] = d
		if d.SubmittedAt == nil {
			ids = append(ids, d.ID)
			marked := *d
			marked.SubmittedAt = &at
			out[i] = &marked
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	return out, tx.Document.Update().Where(document.IDIn(ids...), document.SubmittedAtIsNil()).SetSubmittedAt(at).Exec(ctx)
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
