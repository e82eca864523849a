package workflow_test

import (
	"slices"
	"testing"

	"github.com/openkyc/kyc-manual-review/workflow"
)

func TestParseFourEyes(t *testing.T) {
	for in, want := range map[string]workflow.FourEyes{"": workflow.FourEyesOff, "off": workflow.FourEyesOff,
		"approvals": workflow.FourEyesApprovals, " ALL ": workflow.FourEyesAll} { //nolint:gocritic // " ALL ": input is trimmed and case-folded
		if got, err := workflow.ParseFourEyes(in); err != nil || got != want {
			t.Errorf("ParseFourEyes(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := workflow.ParseFourEyes("sometimes"); err == nil {
		t.Error("ParseFourEyes(sometimes) accepted")
	}
}

func TestNeedsSecondReview(t *testing.T) {
	decisions := []workflow.Decision{workflow.DecisionApprove, workflow.DecisionReject, workflow.DecisionRequestResubmission}
	want := map[workflow.FourEyes][]workflow.Decision{
		workflow.FourEyesOff:       nil,
		workflow.FourEyesApprovals: {workflow.DecisionApprove},
		workflow.FourEyesAll:       {workflow.DecisionApprove, workflow.DecisionReject},
	}
	for policy, needs := range want {
		for _, d := range decisions {
			if got := policy.NeedsSecondReview(d); got != slices.Contains(needs, d) {
				t.Errorf("%s/%s: NeedsSecondReview = %v", policy, d, got)
			}
		}
	}
}

func TestProposeDecision(t *testing.T) {
	for _, st := range allStatuses {
		for _, d := range []workflow.Decision{workflow.DecisionApprove, workflow.DecisionReject} {
			t.Run(string(st)+"/"+string(d), func(t *testing.T) {
				got, err := workflow.ProposeDecision(st, pendingDocs(), d, "unreadable document")
				if st == workflow.StatusPendingReview {
					if err != nil || got != workflow.StatusAwaitingSecondReview {
						t.Fatalf("= %q, %v; want AWAITING_SECOND_REVIEW", got, err)
					}
					return
				}
				if code(t, err) != workflow.EInvalidTransition {
					t.Fatalf("= %q, %v; want INVALID_TRANSITION", got, err)
				}
			})
		}
	}
	// What DecideCase refuses cannot be proposed either.
	if _, err := workflow.ProposeDecision(workflow.StatusPendingReview, pendingDocs(), workflow.DecisionReject, " "); code(t, err) != workflow.EBadUserInput {
		t.Fatalf("a rejection without reason: %v, want BAD_USER_INPUT", err)
	}
	flagged := []workflow.DocFact{doc("front", workflow.DocIDCard, workflow.DocRejected)}
	if _, err := workflow.ProposeDecision(workflow.StatusPendingReview, flagged, workflow.DecisionApprove, ""); code(t, err) != workflow.EInvalidTransition {
		t.Fatalf("approving a rejected document: %v, want INVALID_TRANSITION", err)
	}
}

func TestConfirmAndReturnDecision(t *testing.T) {
	approve := workflow.Proposal{Decision: workflow.DecisionApprove, By: "ann"}
	reject := workflow.Proposal{Decision: workflow.DecisionReject, Reason: "document expired", By: "ann"}
	for _, st := range allStatuses {
		for _, who := range []string{"ann", "bob"} {
			t.Run(string(st)+"/"+who, func(t *testing.T) {
				plan, err := workflow.ConfirmDecision(st, pendingDocs(), approve, who)
				back, rerr := workflow.ReturnDecision(st, reject, who, "the expiry date is fine")
				switch {
				case st != workflow.StatusAwaitingSecondReview:
					if code(t, err) != workflow.EInvalidTransition || code(t, rerr) != workflow.EInvalidTransition {
						t.Fatalf("confirm %v, return %v; want INVALID_TRANSITION", err, rerr)
					}
				case who == "ann":
					if code(t, err) != workflow.EForbidden || code(t, rerr) != workflow.EForbidden {
						t.Fatalf("the author: confirm %v, return %v; want FORBIDDEN", err, rerr)
					}
				default:
					if err != nil || plan.Status != workflow.StatusApproved || len(plan.Approve) != 3 {
						t.Fatalf("confirm = %+v, %v; want APPROVED with the 3 pending documents", plan, err)
					}
					if rerr != nil || back != workflow.StatusPendingReview {
						t.Fatalf("return = %q, %v; want PENDING_REVIEW", back, rerr)
					}
				}
			})
		}
	}
	plan, err := workflow.ConfirmDecision(workflow.StatusAwaitingSecondReview, pendingDocs(), reject, "bob")
	if err != nil || plan.Status != workflow.StatusRejected {
		t.Fatalf("confirming a rejection = %+v, %v", plan, err)
	}
	if _, err := workflow.ReturnDecision(workflow.StatusAwaitingSecondReview, reject, "bob", "  "); code(t, err) != workflow.EBadUserInput {
		t.Fatalf("return without reason: %v, want BAD_USER_INPUT", err)
	}
}
