package graph

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/document"
	"github.com/openkyc/kyc-manual-review/ent/kyccase"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// The audit events of erasure and retention. They record who, why and how many, never what
// was erased, so that erasing never breaks (or has to rewrite) the audit chain.
const (
	EvApplicantErased = "APPLICANT_ERASED"
	EvDocumentsPurged = "DOCUMENTS_PURGED"
)

// purgeStaged marks every photo of c deleted in tx and returns where their bytes are, to
// delete after commit (the orphan sweep deletes any a crash left, as purged rows do not
// protect their bytes).
func purgeStaged(ctx context.Context, tx *ent.Tx, c *ent.KycCase, now time.Time) ([]string, error) {
	keys, err := tx.Document.Query().Where(document.CaseID(c.ID), document.PurgedAtIsNil()).
		Select(document.FieldStorageKey).Strings(ctx)
	if err != nil || len(keys) == 0 {
		return nil, err
	}
	// The perceptual hash goes with the photo (it is derived from the applicant's face).
	err = tx.Document.Update().Where(document.CaseID(c.ID), document.PurgedAtIsNil()).SetPurgedAt(now).
		ClearPhash().ClearPhashBand0().ClearPhashBand1().ClearPhashBand2().ClearPhashBand3().Exec(ctx)
	return keys, err
}

// eraseStaged blanks the applicant's details of c on upd, ends its token, and purges its photos.
func eraseStaged(ctx context.Context, tx *ent.Tx, c *ent.KycCase, upd *ent.KycCaseUpdate) ([]string, error) {
	now := changeTime(upd)
	keys, err := purgeStaged(ctx, tx, c, now)
	if err != nil {
		return nil, err
	}
	upd.ClearFirstName().ClearLastName().ClearEmail().ClearDateOfBirth().ClearMetadata().SetSearchText("").
		SetErasedAt(now).SetTokenRevokedAt(now)
	if len(keys) > 0 {
		upd.SetDocumentsPurgedAt(now)
	}
	return keys, nil
}

// erase erases case id's personal data in one change; who and why go to the audit trail.
func (r *Resolver) erase(ctx context.Context, id uuid.UUID, check func(*ent.KycCase) error, ev change) (*ent.KycCase, error) {
	var keys []string
	saved, err := r.mutateCase(ctx, id, nil, func(tx *ent.Tx, c *ent.KycCase, upd *ent.KycCaseUpdate) ([]change, error) {
		if err := check(c); err != nil {
			return nil, err
		}
		var err error
		if keys, err = eraseStaged(ctx, tx, c, upd); err != nil {
			return nil, err
		}
		ev.Data["documents"] = len(keys)
		return []change{ev}, nil
	})
	if err != nil {
		return nil, err
	}
	r.forgetToken(saved.TokenHash)
	r.CloseCaseToken(ctx, saved.TokenHash)
	r.deleteBlobs(ctx, keys)
	return saved, nil
}

func (r *Resolver) deleteBlobs(ctx context.Context, keys []string) {
	for _, k := range keys {
		if err := r.Blobs.Delete(context.WithoutCancel(ctx), k); err != nil {
			r.Log.WarnContext(ctx, "delete a purged photo (the orphan sweep retries)", "key", k, "err", err)
		}
	}
}

// ApplyRetention applies the retention policy at now to every case it covers: cases never
// submitted lose their photos and details, decided ones their photos. It returns how many
// cases it changed.
func (r *Resolver) ApplyRetention(ctx context.Context, p workflow.RetentionPolicy, now time.Time) (int, error) {
	n, _, err := r.ApplyRetentionBatch(ctx, p, now, 0)
	return n, err
}

// retentionPage is how many case ids one query of the retention run reads.
const retentionPage = 1000

// retentionDue returns the queries of the cases the policy covers at now, one per rule.
func (r *Resolver) retentionDue(p workflow.RetentionPolicy, now time.Time) []func() *ent.KycCaseQuery {
	var preds []func() *ent.KycCaseQuery
	if p.Unsubmitted > 0 {
		preds = append(preds, func() *ent.KycCaseQuery {
			return r.Client.KycCase.Query().Where(kyccase.StatusEQ(workflow.StatusInProgress), kyccase.SubmittedAtIsNil(),
				kyccase.ErasedAtIsNil(), kyccase.UpdatedAtLT(now.Add(-p.Unsubmitted)))
		})
	}
	if p.Decided > 0 {
		preds = append(preds, func() *ent.KycCaseQuery {
			return r.Client.KycCase.Query().Where(kyccase.StatusIn(workflow.StatusApproved, workflow.StatusRejected),
				kyccase.DocumentsPurgedAtIsNil(), kyccase.ErasedAtIsNil(), kyccase.DecidedAtLT(now.Add(-p.Decided)))
		})
	}
	return preds
}

// ApplyRetentionBatch applies the retention policy at now to at most limit cases (0: all),
// page by page in id order (a case the workflow leaves as it is is not read again), and
// reports whether cases remain: a bounded job then runs again at once instead of leaving
// them for the next period (issue 23: one page of 1,000 per rule every 6 h fell behind
// above ≈ 4,000 cases a day).
func (r *Resolver) ApplyRetentionBatch(ctx context.Context, p workflow.RetentionPolicy, now time.Time, limit int) (changed int, more bool, err error) {
	seen := 0
	for _, q := range r.retentionDue(p, now) {
		var last uuid.UUID
		for {
			if err := ctx.Err(); err != nil {
				return changed, true, err
			}
			ids, err := q().Where(kyccase.IDGT(last)).Order(ent.Asc(kyccase.FieldID)).Limit(retentionPage).IDs(ctx)
			if err != nil {
				return changed, false, err
			}
			if len(ids) == 0 {
				break
			}
			for _, id := range ids {
				if limit > 0 && seen >= limit {
					return changed, true, nil
				}
				seen++
				ok, err := r.retain(ctx, id, p, now)
				if err != nil {
					return changed, false, err
				}
				if ok {
					changed++
				}
			}
			last = ids[len(ids)-1]
		}
	}
	return changed, false, nil
}

// RetentionBacklog counts the cases the policy covers at now and has not yet applied to
// (/metrics: a backlog that grows means retention falls behind).
func (r *Resolver) RetentionBacklog(ctx context.Context, p workflow.RetentionPolicy, now time.Time) (int, error) {
	total := 0
	for _, q := range r.retentionDue(p, now) {
		n, err := q().Count(ctx)
		if err != nil {
			return total, err
		}
		total += n
	}
	return total, nil
}

// retain applies the policy to one case, re-checked by the workflow inside the change.
func (r *Resolver) retain(ctx context.Context, id uuid.UUID, p workflow.RetentionPolicy, now time.Time) (bool, error) {
	var keys []string
	var rule workflow.RetentionRule
	_, err := r.mutateCase(ctx, id, nil, func(tx *ent.Tx, c *ent.KycCase, upd *ent.KycCaseUpdate) ([]change, error) {
		rule = workflow.Retention(workflow.RetentionFacts{Status: c.Status, Submitted: c.SubmittedAt != nil || c.Revision > 0,
			UpdatedAt: c.UpdatedAt, DecidedAt: c.DecidedAt, Erased: c.ErasedAt != nil, PhotosPurged: c.DocumentsPurgedAt != nil}, p, now)
		var err error
		switch rule {
		case workflow.EraseUnsubmitted:
			keys, err = eraseStaged(ctx, tx, c, upd)
		case workflow.PurgeDecidedPhotos:
			keys, err = purgeStaged(ctx, tx, c, changeTime(upd))
			upd.SetDocumentsPurgedAt(changeTime(upd))
		default:
			return nil, errNothingToRetain
		}
		if err != nil {
			return nil, err
		}
		return []change{{Type: EvDocumentsPurged, Actor: "system", Data: map[string]any{"rule": string(rule), "documents": len(keys)}}}, nil
	})
	if errors.Is(err, errNothingToRetain) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if rule == workflow.EraseUnsubmitted {
		if c, err := r.Client.KycCase.Get(ctx, id); err == nil {
			r.forgetToken(c.TokenHash)
		}
	}
	r.deleteBlobs(ctx, keys)
	return true, nil
}

// errNothingToRetain rolls back a retention change the policy no longer asks for.
var errNothingToRetain = workflow.Errorf(workflow.EConflict, "nothing to retain")
