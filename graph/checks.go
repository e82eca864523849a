package graph

import (
	"context"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/document"
	"github.com/openkyc/kyc-manual-review/graph/model"
	"github.com/openkyc/kyc-manual-review/internal/photocheck"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// The automatic photo checks of an upload (issue 13): the photo's own checks are computed on
// the grey copy prepareImage made (photocheck.Analyze), SAME_AS_PREVIOUS against the earlier
// revisions of the same document in the upload's transaction, DUPLICATE_ELSEWHERE against the
// current photos of other cases found by perceptual-hash band (indexed columns).

// maxDuplicateCandidates bounds the rows a DUPLICATE_ELSEWHERE lookup reads: photos sharing a
// 16-bit band with the upload, newest first. Unrelated photos share a band by chance about
// once in 16,000 per band, so even a large database yields a handful.
const maxDuplicateCandidates = 64

// analyzeUpload refuses a photo too small to be read (BAD_USER_INPUT, before anything is
// stored) and runs the checks that need only the photo.
func analyzeUpload(info inspectedUpload, t workflow.DocType) (photocheck.Analysis, error) {
	if photocheck.TooSmall(info.Width, info.Height) {
		return photocheck.Analysis{}, workflow.Errorf(workflow.EBadUserInput,
			"The photo is too small (%d×%d pixels): take it with your camera, at least %d pixels on each side.", info.Width, info.Height, photocheck.MinSide)
	}
	kind := photocheck.Document
	if t == workflow.DocSelfie {
		kind = photocheck.Selfie
	}
	return photocheck.Analyze(info.Grey, kind), nil
}

func priorOf(d *ent.Document) (photocheck.Prior, bool) {
	if d.Phash == nil {
		return photocheck.Prior{}, false
	}
	return photocheck.Prior{
		Hash: uint64(*d.Phash), SHA256: d.Sha256, Sharpness: photocheck.SharpnessScore(d.Checks),
		Flagged: d.Status == workflow.DocResubmissionRequested, CaseID: d.CaseID,
	}, true
}

// sameAsPrevious compares an upload with the earlier revisions of its document (same case,
// type and side), read in the upload's transaction.
func sameAsPrevious(ctx context.Context, tx *ent.Tx, caseID uuid.UUID, t workflow.DocType, side *workflow.Side, a photocheck.Analysis, sha string) (photocheck.Check, error) {
	q := tx.Document.Query().Where(document.CaseID(caseID), document.TypeEQ(t))
	if side == nil {
		q = q.Where(document.SideIsNil())
	} else {
		q = q.Where(document.SideEQ(*side))
	}
	earlier, err := q.All(ctx)
	if err != nil {
		return photocheck.Check{}, err
	}
	var priors []photocheck.Prior
	for _, d := range earlier {
		if p, ok := priorOf(d); ok {
			priors = append(priors, p)
		}
	}
	return photocheck.CompareWithEarlier(a, sha, priors), nil
}

// duplicateElsewhere looks for the same photo among the current photos of other cases (an
// identity document among identity documents, a selfie among selfies): WARN naming the newest
// such case, PASS when there is none.
func (r *Resolver) duplicateElsewhere(ctx context.Context, caseID uuid.UUID, t workflow.DocType, a photocheck.Analysis, sha string) (photocheck.Check, error) {
	b := photocheck.Bands(a.Hash)
	kind := document.TypeNEQ(workflow.DocSelfie)
	if t == workflow.DocSelfie {
		kind = document.TypeEQ(workflow.DocSelfie)
	}
	cands, err := r.Client.Document.Query().
		Where(document.CaseIDNEQ(caseID), document.PurgedAtIsNil(), kind, document.Or(
			document.PhashBand0(b[0]), document.PhashBand1(b[1]), document.PhashBand2(b[2]), document.PhashBand3(b[3]))).
		Order(ent.Desc(document.FieldCreatedAt)).
		Limit(maxDuplicateCandidates).
		All(ctx)
	if err != nil {
		return photocheck.Check{}, err
	}
	var sharp float64
	if s := photocheck.SharpnessScore(a.Checks); s != nil {
		sharp = *s
	}
	for _, d := range cands {
		p, ok := priorOf(d)
		if !ok {
			continue
		}
		same, dist := photocheck.Same(a.Hash, sha, sharp, p)
		if !same {
			continue
		}
		// Only a current photo counts: one its applicant replaced is no longer in that case.
		q := r.Client.Document.Query().Where(document.CaseID(d.CaseID), document.TypeEQ(d.Type), document.RevisionGT(d.Revision))
		if d.Side == nil {
			q = q.Where(document.SideIsNil())
		} else {
			q = q.Where(document.SideEQ(*d.Side))
		}
		replaced, err := q.Exist(ctx)
		if err != nil {
			return photocheck.Check{}, err
		}
		if replaced {
			continue
		}
		score := float64(dist)
		other := d.CaseID
		return photocheck.Check{
			Name: photocheck.DuplicateElsewhere, Outcome: photocheck.Warn, Score: &score, RelatedCaseID: &other,
			Detail: "The same photo is in another applicant's case.",
		}, nil
	}
	return photocheck.Check{Name: photocheck.DuplicateElsewhere, Outcome: photocheck.Pass}, nil
}

// bandsOf returns the four indexed bands of a perceptual hash, for the document row.
func bandsOf(h uint64) (b0, b1, b2, b3 int) {
	b := photocheck.Bands(h)
	return b[0], b[1], b[2], b[3]
}

// visibleChecks returns the checks of a document as the viewer may see them: reviewers see
// all, with the other case of a DUPLICATE_ELSEWHERE; API keys see the check without the other
// case (it may be another integrator's applicant); applicants never see DUPLICATE_ELSEWHERE,
// a fraud signal meant for the reviewer.
func visibleChecks(v Viewer, doc *ent.Document) []photocheck.Check {
	out := make([]photocheck.Check, 0, len(doc.Checks))
	for _, c := range doc.Checks {
		if c.Name == photocheck.DuplicateElsewhere {
			switch {
			case v.Reviewer != nil:
			case v.APIKey != nil:
				c.RelatedCaseID = nil
			default:
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// checksModel converts stored checks to the API's DocumentCheck.
func checksModel(checks []photocheck.Check) []*model.DocumentCheck {
	out := make([]*model.DocumentCheck, 0, len(checks))
	for _, c := range checks {
		m := &model.DocumentCheck{Name: c.Name, Outcome: model.CheckOutcome(c.Outcome), Score: c.Score, RelatedCaseID: c.RelatedCaseID}
		if c.Detail != "" {
			m.Detail = &c.Detail
		}
		out = append(out, m)
	}
	return out
}

// documentChecks resolves Document.checks.
func (r *Resolver) documentChecks(ctx context.Context, doc *ent.Document) []*model.DocumentCheck {
	return checksModel(visibleChecks(ViewerFrom(ctx), doc))
}

// checkSummary resolves Case.checkSummary: the current documents counted by their worst check
// the viewer may see.
func (r *Resolver) checkSummary(ctx context.Context, c *ent.KycCase) (*model.CheckSummary, error) {
	docs, err := r.docs.current(ctx, r.Client.Document, c)
	if err != nil {
		return nil, err
	}
	v := ViewerFrom(ctx)
	var s model.CheckSummary
	for _, d := range docs {
		switch photocheck.Worst(visibleChecks(v, d)) {
		case photocheck.Warn:
			s.Warnings++
		case photocheck.Fail:
			s.Fails++
		}
	}
	return &s, nil
}

// failedCheck returns what the first FAIL check of a document found ("" when none failed): the
// statechart then keeps the applicant on the photo's step.
func failedCheck(d *ent.Document) string {
	for _, c := range d.Checks {
		if c.Outcome == photocheck.Fail {
			return c.Detail
		}
	}
	return ""
}

// webhookDocuments lists the current photos of a case with their checks for a case.submitted
// delivery.
func webhookDocuments(ctx context.Context, tx *ent.Tx, caseID uuid.UUID) ([]WebhookDocument, error) {
	docs, err := currentDocuments(ctx, tx.Document, caseID)
	if err != nil {
		return nil, err
	}
	out := make([]WebhookDocument, 0, len(docs))
	for _, d := range docs {
		out = append(out, WebhookDocument{
			ID: d.ID, Type: d.Type, Side: d.Side, Revision: d.Revision,
			Checks: visibleChecks(Viewer{APIKey: &ent.APIKey{}}, d),
		})
	}
	return out, nil
}
