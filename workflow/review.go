package workflow

import (
	"slices"
	"strings"
)

// DocFact is what the review rules need to know about the current revision of a document.
type DocFact struct {
	ID     string
	Type   DocType
	Status DocStatus
}

// DecideDocument returns the new status of a document given a reviewer's decision.
func DecideDocument(caseStatus Status, d Decision, reason string) (DocStatus, error) {
	if caseStatus != StatusPendingReview {
		return "", Errorf(EInvalidTransition, "documents can be decided only while the case is %s, not %s", StatusPendingReview, caseStatus)
	}
	switch d {
	case DecisionApprove:
		return DocApproved, nil
	case DecisionReject, DecisionRequestResubmission:
		if strings.TrimSpace(reason) == "" {
			return "", Errorf(EBadUserInput, "a reason is required to %s a document", strings.ToLower(strings.ReplaceAll(string(d), "_", " ")))
		}
		if d == DecisionReject {
			return DocRejected, nil
		}
		return DocResubmissionRequested, nil
	}
	return "", Errorf(EBadUserInput, "unknown decision %q", d)
}

// CasePlan is the outcome of a case decision: what to write.
type CasePlan struct {
	Status Status
	// State is the collection state to move back to on a resubmission ("" to keep it).
	State State
	// Floor is the earliest state the applicant may go back to while resubmitting.
	Floor State
	// Flag maps document IDs to the reason they must be resubmitted.
	Flag map[string]string
	// Retake lists the document types the applicant must re-take (resubmissions only).
	Retake []DocType
	// Approve lists pending document IDs that an approval marks approved.
	Approve []string
}

// DecideCase decides a whole case. resubmit maps document IDs to reasons (REQUEST_RESUBMISSION).
func DecideCase(status Status, docs []DocFact, d Decision, reason string, resubmit map[string]string) (CasePlan, error) {
	if status != StatusPendingReview {
		return CasePlan{}, Errorf(EInvalidTransition, "a case can be decided only while %s, not %s", StatusPendingReview, status)
	}
	switch d {
	case DecisionApprove:
		plan := CasePlan{Status: StatusApproved}
		for _, doc := range docs {
			switch doc.Status {
			case DocRejected, DocResubmissionRequested:
				return CasePlan{}, Errorf(EInvalidTransition, "cannot approve: the %s is %s", doc.Type, doc.Status)
			case DocPending:
				plan.Approve = append(plan.Approve, doc.ID)
			}
		}
		return plan, nil
	case DecisionReject:
		if strings.TrimSpace(reason) == "" {
			return CasePlan{}, Errorf(EBadUserInput, "a reason is required to reject a case")
		}
		return CasePlan{Status: StatusRejected}, nil
	case DecisionRequestResubmission:
		byID := map[string]DocFact{}
		for _, doc := range docs {
			byID[doc.ID] = doc
		}
		plan := CasePlan{Status: StatusResubmissionRequested, Flag: map[string]string{}}
		for id, why := range resubmit {
			if _, ok := byID[id]; !ok {
				return CasePlan{}, Errorf(EBadUserInput, "document %s is not a current document of this case", id)
			}
			if strings.TrimSpace(why) == "" {
				return CasePlan{}, Errorf(EBadUserInput, "a reason is required for each document to resubmit")
			}
			plan.Flag[id] = why
		}
		identity, selfie := false, false
		for _, doc := range docs {
			// A rejected document left out would strand the applicant: it blocks both the
			// collection guards and a later approval, yet could not be re-taken.
			if _, listed := plan.Flag[doc.ID]; doc.Status == DocRejected && !listed {
				return CasePlan{}, Errorf(EBadUserInput, "the %s is rejected: include it in the resubmission, or reject the case", doc.Type)
			}
		}
		for _, doc := range docs {
			_, flagged := plan.Flag[doc.ID]
			if flagged || doc.Status == DocResubmissionRequested {
				identity = identity || doc.Type.Identity()
				selfie = selfie || doc.Type == DocSelfie
				if !slices.Contains(plan.Retake, doc.Type) {
					plan.Retake = append(plan.Retake, doc.Type)
				}
			}
		}
		switch {
		case identity:
			plan.State, plan.Floor = DocumentPhoto, DocumentPhoto
		case selfie:
			plan.State, plan.Floor = Selfie, Selfie
		default:
			return CasePlan{}, Errorf(EBadUserInput, "choose at least one document to resubmit")
		}
		return plan, nil
	}
	return CasePlan{}, Errorf(EBadUserInput, "unknown decision %q", d)
}

// AvailableDecisions lists the case decisions DecideCase would accept without further input.
func AvailableDecisions(status Status, docs []DocFact) []Decision {
	out := []Decision{}
	if status != StatusPendingReview {
		return out
	}
	if _, err := DecideCase(status, docs, DecisionApprove, "", nil); err == nil {
		out = append(out, DecisionApprove)
	}
	out = append(out, DecisionReject)
	if len(docs) > 0 {
		out = append(out, DecisionRequestResubmission)
	}
	return out
}

// Submission returns the status and revision of a case that enters the final state.
func Submission(revision int) (Status, int) { return StatusPendingReview, revision + 1 }

// CanAssign reports whether a case of this status may change assignee: not once decided,
// where an assignment would only rewrite who is on record as having reviewed it.
func CanAssign(status Status) error {
	if status == StatusApproved || status == StatusRejected {
		return Errorf(EInvalidTransition, "a %s case cannot be assigned or unassigned", strings.ToLower(string(status)))
	}
	return nil
}
