package graph

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/graph/model"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// The audit events of the four-eyes policy.
const (
	EvDecisionProposed  EventType = "DECISION_PROPOSED"
	EvDecisionConfirmed EventType = "DECISION_CONFIRMED"
	EvDecisionReturned  EventType = "DECISION_RETURNED"
)

// hiddenFromApplicant reports the versions of a case its applicant does not hear of: a
// proposal waiting for its second reviewer, and the return of one (both leave the case "in
// review" for them), so that they hear only the final decision.
func hiddenFromApplicant(c *ent.KycCase) bool {
	return c.Status == workflow.StatusAwaitingSecondReview ||
		(c.ReturnedProposal != nil && c.ReturnedProposal.ReturnedAt.Equal(c.UpdatedAt))
}

// changeTime is the time mutateCase stamps on the change staged in upd.
func changeTime(upd *ent.KycCaseUpdate) time.Time {
	t, _ := upd.Mutation().UpdatedAt()
	return t
}

// applyPlan stages the writes of a case decision: the case's status and reason, and its
// documents' statuses. A decision ends any four-eyes proposal or return.
func applyPlan(ctx context.Context, tx *ent.Tx, c *ent.KycCase, upd *ent.KycCaseUpdate, plan workflow.CasePlan, reason *string,
	code *workflow.ReasonCode, docCodes map[string]workflow.ReasonCode,
) error {
	upd.SetStatus(plan.Status).SetNillableReason(reason).SetDecidedAt(changeTime(upd))
	if code != nil {
		upd.SetReasonCode(*code)
	} else if c.ReasonCode != nil {
		upd.ClearReasonCode()
	}
	if plan.State != "" {
		upd.SetState(plan.State).SetResumeFloor(plan.Floor).SetResubmissionTypes(plan.Retake).ClearDecidedAt()
	}
	if c.Proposal != nil {
		upd.ClearProposal()
	}
	if c.ReturnedProposal != nil {
		upd.ClearReturnedProposal()
	}
	for id, why := range plan.Flag {
		du := tx.Document.UpdateOneID(uuid.MustParse(id)).SetStatus(workflow.DocResubmissionRequested).SetReason(why)
		if dc, ok := docCodes[id]; ok {
			du.SetReasonCode(dc)
		} else {
			du.ClearReasonCode()
		}
		if err := du.Exec(ctx); err != nil {
			return err
		}
	}
	for _, id := range plan.Approve {
		if err := tx.Document.UpdateOneID(uuid.MustParse(id)).SetStatus(workflow.DocApproved).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

// propose stages a four-eyes proposal of a decision instead of the decision.
func propose(c *ent.KycCase, docs []*ent.Document, upd *ent.KycCaseUpdate, me *ent.Reviewer, d workflow.Decision, reason *string, code *workflow.ReasonCode) (change, error) {
	status, err := workflow.ProposeDecision(c.Status, docFacts(docs), d, deref(reason))
	if err != nil {
		return change{}, err
	}
	p := workflow.Proposal{Decision: d, Reason: deref(reason), ReasonCode: code, By: me.ID.String(), At: changeTime(upd)}
	upd.SetStatus(status).SetProposal(&p)
	if c.ReturnedProposal != nil {
		upd.ClearReturnedProposal()
	}
	return change{Type: EvDecisionProposed, Actor: "reviewer:" + me.Email, Data: map[string]any{"decision": d, "reason": reason}}, nil
}

// proposalOf is the case's proposal; the zero one when there is none (the workflow then
// refuses to confirm or return it by the case's status).
func proposalOf(c *ent.KycCase) workflow.Proposal {
	if c.Proposal == nil {
		return workflow.Proposal{}
	}
	return *c.Proposal
}

// proposedDecision is the GraphQL view of a proposal.
func (r *Resolver) proposedDecision(ctx context.Context, p *workflow.Proposal) (*model.ProposedDecision, error) {
	by, err := r.reviewerByID(ctx, p.By)
	if err != nil {
		return nil, err
	}
	return &model.ProposedDecision{Decision: p.Decision, Reason: trimmed(&p.Reason), By: by, At: p.At}, nil
}

// returnedDecision is the GraphQL view of a returned proposal.
func (r *Resolver) returnedDecision(ctx context.Context, p *workflow.ReturnedProposal) (*model.ReturnedDecision, error) {
	by, err := r.reviewerByID(ctx, p.By)
	if err != nil {
		return nil, err
	}
	returnedBy, err := r.reviewerByID(ctx, p.ReturnedBy)
	if err != nil {
		return nil, err
	}
	return &model.ReturnedDecision{Decision: p.Decision, Reason: trimmed(&p.Reason), By: by, At: p.At,
		ReturnedBy: returnedBy, ReturnReason: p.ReturnReason, ReturnedAt: p.ReturnedAt}, nil
}

func (r *Resolver) reviewerByID(ctx context.Context, id string) (*ent.Reviewer, error) {
	uid, err := uuid.Parse(id)
	if err != nil {
		return nil, err
	}
	return r.Client.Reviewer.Get(ctx, uid)
}

// fourEyesPolicy is the policy as the API spells it.
func fourEyesPolicy(p workflow.FourEyes) model.FourEyesPolicy {
	switch p {
	case workflow.FourEyesApprovals:
		return model.FourEyesPolicyApprovals
	case workflow.FourEyesAll:
		return model.FourEyesPolicyAll
	}
	return model.FourEyesPolicyOff
}
