package workflow

import (
	"fmt"
	"strings"
	"time"
)

// StatusAwaitingSecondReview means a reviewer proposed a decision that the four-eyes policy has a
// second reviewer confirm or return. Applicants see it as PENDING_REVIEW (Applicant).
const StatusAwaitingSecondReview Status = "AWAITING_SECOND_REVIEW"

// Applicant is the status an applicant is shown: a proposal waiting for its second reviewer
// is still "in review" to them.
func (s Status) Applicant() Status {
	if s == StatusAwaitingSecondReview {
		return StatusPendingReview
	}
	return s
}

// FourEyes is the policy of which case decisions need a second reviewer (multi-user approval,
// OWASP ASVS 2.3.5). Resubmission requests never do: they decide nothing about the applicant.
type FourEyes string

// The four-eyes policies.
const (
	FourEyesOff       FourEyes = "off"       // every reviewer decides alone (the default)
	FourEyesApprovals FourEyes = "approvals" // approvals need a second reviewer
	FourEyesAll       FourEyes = "all"       // approvals and rejections do
)

// ParseFourEyes reads a policy name ("" is off).
func ParseFourEyes(s string) (FourEyes, error) {
	switch p := FourEyes(strings.ToLower(strings.TrimSpace(s))); p {
	case "", FourEyesOff:
		return FourEyesOff, nil
	case FourEyesApprovals, FourEyesAll:
		return p, nil
	}
	return "", fmt.Errorf("four-eyes policy %q: want off, approvals or all", s)
}

// NeedsSecondReview reports whether decision d must be proposed rather than taken.
func (p FourEyes) NeedsSecondReview(d Decision) bool {
	switch p {
	case FourEyesApprovals:
		return d == DecisionApprove
	case FourEyesAll:
		return d == DecisionApprove || d == DecisionReject
	}
	return false
}

// Proposal is a case decision waiting for its second reviewer.
type Proposal struct {
	Decision Decision `json:"decision"`
	Reason   string   `json:"reason,omitempty"`
	// ReasonCode is the preset reason of a proposed rejection.
	ReasonCode *ReasonCode `json:"reasonCode,omitempty"`
	By         string      `json:"by"` // the proposing reviewer's id
	At         time.Time   `json:"at"`
}

// ReturnedProposal is a proposal a second reviewer sent back, and why.
type ReturnedProposal struct {
	Proposal
	ReturnedBy   string    `json:"returnedBy"`
	ReturnReason string    `json:"returnReason"`
	ReturnedAt   time.Time `json:"returnedAt"`
}

// ProposeDecision checks that the decision could be taken now (DecideCase accepts it) and
// returns the status in which the case waits for the second reviewer.
func ProposeDecision(status Status, docs []DocFact, d Decision, reason string) (Status, error) {
	if _, err := DecideCase(status, docs, d, reason, nil); err != nil {
		return "", err
	}
	return StatusAwaitingSecondReview, nil
}

// ConfirmDecision takes the proposed decision on behalf of a second reviewer and returns what
// to write, as DecideCase does. Its author cannot confirm it.
func ConfirmDecision(status Status, docs []DocFact, p Proposal, reviewer string) (CasePlan, error) {
	if err := secondReviewer(status, p, reviewer, "confirm"); err != nil {
		return CasePlan{}, err
	}
	return DecideCase(StatusPendingReview, docs, p.Decision, p.Reason, nil)
}

// ReturnDecision sends a proposal back: the case is PENDING_REVIEW again, and reason tells
// its author why. Its author cannot return it (another reviewer looks at it, or nobody).
func ReturnDecision(status Status, p Proposal, reviewer, reason string) (Status, error) {
	if err := secondReviewer(status, p, reviewer, "return"); err != nil {
		return "", err
	}
	if strings.TrimSpace(reason) == "" {
		return "", Errorf(EBadUserInput, "say why the proposed decision is returned")
	}
	return StatusPendingReview, nil
}

func secondReviewer(status Status, p Proposal, reviewer, verb string) error {
	if status != StatusAwaitingSecondReview {
		return Errorf(EInvalidTransition, "there is no proposed decision to %s: the case is %s", verb, status)
	}
	if reviewer == p.By {
		return Errorf(EForbidden, "you proposed this decision: another reviewer must %s it", verb)
	}
	return nil
}
