package workflow_test

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/openkyc/kyc-manual-review/workflow"
)

// doc builds the current revision of one document.
func doc(id string, typ workflow.DocType, st workflow.DocStatus) workflow.DocFact {
	return workflow.DocFact{ID: id, Type: typ, Status: st}
}

// pendingDocs is a freshly submitted case: both sides of an ID card and a selfie.
func pendingDocs() []workflow.DocFact {
	return []workflow.DocFact{
		doc("front", workflow.DocIDCard, workflow.DocPending),
		doc("back", workflow.DocIDCard, workflow.DocPending),
		doc("selfie", workflow.DocSelfie, workflow.DocPending),
	}
}

func TestDecideDocument(t *testing.T) {
	decisions := []workflow.Decision{workflow.DecisionApprove, workflow.DecisionReject, workflow.DecisionRequestResubmission, "MAYBE", ""}
	for _, st := range append(slices.Clone(allStatuses), "") {
		for _, d := range decisions {
			for _, reason := range []string{"", "  \t", "photo is blurry"} {
				t.Run(fmt.Sprintf("%s/%s/%q", st, d, reason), func(t *testing.T) {
					got, err := workflow.DecideDocument(st, d, reason)
					hasReason := reason == "photo is blurry"
					var want workflow.DocStatus
					switch {
					case st != pending:
						wantCode(t, err, invalid)
					case d == workflow.DecisionApprove:
						want = workflow.DocApproved
					case d == workflow.DecisionReject && hasReason:
						want = workflow.DocRejected
					case d == workflow.DecisionRequestResubmission && hasReason:
						want = workflow.DocResubmissionRequested
					default: // a reject or resubmission without a reason, or an unknown decision
						wantCode(t, err, badInput)
					}
					if want == "" {
						if got != "" {
							t.Errorf("a refused decision returned status %q", got)
						}
						return
					}
					if err != nil || got != want {
						t.Errorf("DecideDocument = %q, %v; want %q", got, err, want)
					}
				})
			}
		}
	}
}

func TestDecideCase_status(t *testing.T) {
	flag := map[string]string{"front": "glare"}
	for _, st := range append(slices.Clone(allStatuses), "") {
		if st == pending {
			continue
		}
		for _, d := range []workflow.Decision{workflow.DecisionApprove, workflow.DecisionReject, workflow.DecisionRequestResubmission} {
			t.Run(fmt.Sprintf("%s/%s", st, d), func(t *testing.T) {
				plan, err := workflow.DecideCase(st, pendingDocs(), d, "not you", flag)
				wantCode(t, err, invalid)
				if plan.Status != "" {
					t.Errorf("a refused decision returned plan %+v", plan)
				}
			})
		}
	}
}

func TestDecideCase_approve(t *testing.T) {
	tests := []struct {
		name        string
		docs        []workflow.DocFact
		wantApprove []string
		wantCode    workflow.Code
	}{
		{name: "all pending", docs: pendingDocs(), wantApprove: []string{"front", "back", "selfie"}},
		{
			name: "some already approved",
			docs: []workflow.DocFact{
				doc("front", workflow.DocIDCard, workflow.DocApproved),
				doc("back", workflow.DocIDCard, workflow.DocPending),
				doc("selfie", workflow.DocSelfie, workflow.DocApproved),
			},
			wantApprove: []string{"back"},
		},
		{
			name: "all already approved",
			docs: []workflow.DocFact{doc("p", workflow.DocPassport, workflow.DocApproved), doc("s", workflow.DocSelfie, workflow.DocApproved)},
		},
		{
			name:     "a rejected document",
			docs:     []workflow.DocFact{doc("p", workflow.DocPassport, workflow.DocPending), doc("s", workflow.DocSelfie, workflow.DocRejected)},
			wantCode: invalid,
		},
		{
			name:     "a document flagged for resubmission",
			docs:     []workflow.DocFact{doc("p", workflow.DocPassport, workflow.DocResubmissionRequested), doc("s", workflow.DocSelfie, workflow.DocApproved)},
			wantCode: invalid,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A reason or a resubmission list sent with an approval changes nothing.
			for _, reason := range []string{"", "looks fine"} {
				plan, err := workflow.DecideCase(pending, tt.docs, workflow.DecisionApprove, reason, nil)
				if tt.wantCode != "" {
					wantCode(t, err, tt.wantCode)
					continue
				}
				if err != nil {
					t.Fatalf("DecideCase(APPROVE) = %v", err)
				}
				if plan.Status != workflow.StatusApproved {
					t.Errorf("Status = %q, want APPROVED", plan.Status)
				}
				if !slices.Equal(plan.Approve, tt.wantApprove) {
					t.Errorf("Approve = %v, want %v", plan.Approve, tt.wantApprove)
				}
				if plan.State != "" || plan.Floor != "" || len(plan.Flag) != 0 {
					t.Errorf("an approval moves or flags: %+v", plan)
				}
			}
		})
	}
}

func TestDecideCase_reject(t *testing.T) {
	for _, reason := range []string{"", "   ", "\n"} {
		_, err := workflow.DecideCase(pending, pendingDocs(), workflow.DecisionReject, reason, nil)
		wantCode(t, err, badInput)
	}
	// A rejection is final even when documents are rejected or flagged.
	docs := append(pendingDocs(), doc("old", workflow.DocIDCard, workflow.DocRejected))
	plan, err := workflow.DecideCase(pending, docs, workflow.DecisionReject, "document is forged", nil)
	if err != nil {
		t.Fatalf("DecideCase(REJECT) = %v", err)
	}
	if plan.Status != workflow.StatusRejected || plan.State != "" || plan.Floor != "" || len(plan.Flag) != 0 || len(plan.Approve) != 0 {
		t.Errorf("plan = %+v, want only status REJECTED", plan)
	}
}

func TestDecideCase_requestResubmission(t *testing.T) {
	flagged := func(docs []workflow.DocFact, ids ...string) []workflow.DocFact {
		out := slices.Clone(docs)
		for i := range out {
			if slices.Contains(ids, out[i].ID) {
				out[i].Status = workflow.DocResubmissionRequested
			}
		}
		return out
	}
	passport := []workflow.DocFact{doc("p", workflow.DocPassport, workflow.DocPending), doc("s", workflow.DocSelfie, workflow.DocPending)}
	tests := []struct {
		name      string
		docs      []workflow.DocFact
		resubmit  map[string]string
		wantCode  workflow.Code
		wantState workflow.State // State and Floor
	}{
		{name: "identity document", docs: pendingDocs(), resubmit: map[string]string{"front": "glare"}, wantState: photo},
		{name: "back side only", docs: pendingDocs(), resubmit: map[string]string{"back": "cut off"}, wantState: photo},
		{name: "passport", docs: passport, resubmit: map[string]string{"p": "expired"}, wantState: photo},
		{name: "selfie only", docs: pendingDocs(), resubmit: map[string]string{"selfie": "too dark"}, wantState: selfie},
		{name: "identity and selfie", docs: pendingDocs(), resubmit: map[string]string{"front": "glare", "selfie": "too dark"}, wantState: photo},
		{name: "selfie listed, identity flagged earlier", docs: flagged(pendingDocs(), "back"), resubmit: map[string]string{"selfie": "too dark"}, wantState: photo},
		{name: "already flagged identity, empty list", docs: flagged(pendingDocs(), "front"), resubmit: map[string]string{}, wantState: photo},
		{name: "already flagged selfie, nil list", docs: flagged(pendingDocs(), "selfie"), resubmit: nil, wantState: selfie},
		{name: "no documents, none flagged", docs: pendingDocs(), resubmit: nil, wantCode: badInput},
		{name: "empty list, none flagged", docs: pendingDocs(), resubmit: map[string]string{}, wantCode: badInput},
		{name: "a case without documents", docs: nil, resubmit: nil, wantCode: badInput},
		{name: "unknown document", docs: pendingDocs(), resubmit: map[string]string{"someone-else": "glare"}, wantCode: badInput},
		{name: "unknown and known document", docs: pendingDocs(), resubmit: map[string]string{"front": "glare", "nope": "glare"}, wantCode: badInput},
		{name: "empty reason", docs: pendingDocs(), resubmit: map[string]string{"front": ""}, wantCode: badInput},
		{name: "blank reason", docs: pendingDocs(), resubmit: map[string]string{"front": "glare", "selfie": " \t"}, wantCode: badInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := workflow.DecideCase(pending, tt.docs, workflow.DecisionRequestResubmission, "", tt.resubmit)
			if tt.wantCode != "" {
				wantCode(t, err, tt.wantCode)
				return
			}
			if err != nil {
				t.Fatalf("DecideCase(REQUEST_RESUBMISSION) = %v", err)
			}
			if plan.Status != resubmit {
				t.Errorf("Status = %q, want RESUBMISSION_REQUESTED", plan.Status)
			}
			if plan.State != tt.wantState || plan.Floor != tt.wantState {
				t.Errorf("State, Floor = %s, %s; want %s, %s", plan.State, plan.Floor, tt.wantState, tt.wantState)
			}
			want := tt.resubmit
			if want == nil {
				want = map[string]string{}
			}
			if !maps.Equal(plan.Flag, want) {
				t.Errorf("Flag = %v, want %v", plan.Flag, want)
			}
			if len(plan.Approve) != 0 {
				t.Errorf("a resubmission request approves %v", plan.Approve)
			}
			// The applicant lands on the plan's state and cannot go back below it.
			f := workflow.Facts{Status: plan.Status, SelectedType: workflow.DocIDCard, Floor: plan.Floor}
			if _, err := workflow.Next(plan.State, prev, f); err == nil {
				t.Errorf("the applicant can go back from %s below the floor", plan.State)
			}
		})
	}
}

func TestDecideCase_unknownDecision(t *testing.T) {
	for _, d := range []workflow.Decision{"", "MAYBE", "approve"} {
		_, err := workflow.DecideCase(pending, pendingDocs(), d, "why", map[string]string{"front": "glare"})
		wantCode(t, err, badInput)
	}
}

// TestAvailableDecisions: a decision is offered exactly when DecideCase accepts it given the
// input it needs (a reason to reject, a list of documents to resubmit).
func TestAvailableDecisions(t *testing.T) {
	all := []workflow.Decision{workflow.DecisionApprove, workflow.DecisionReject, workflow.DecisionRequestResubmission}
	docSets := map[string]struct {
		docs []workflow.DocFact
		want []workflow.Decision
	}{
		"all pending": {pendingDocs(), all},
		"a rejected document": {
			[]workflow.DocFact{doc("p", workflow.DocPassport, workflow.DocRejected), doc("s", workflow.DocSelfie, workflow.DocApproved)},
			[]workflow.Decision{workflow.DecisionReject, workflow.DecisionRequestResubmission},
		},
		"a flagged document": {
			[]workflow.DocFact{doc("p", workflow.DocPassport, workflow.DocApproved), doc("s", workflow.DocSelfie, workflow.DocResubmissionRequested)},
			[]workflow.Decision{workflow.DecisionReject, workflow.DecisionRequestResubmission},
		},
		"all approved": {
			[]workflow.DocFact{doc("p", workflow.DocPassport, workflow.DocApproved), doc("s", workflow.DocSelfie, workflow.DocApproved)},
			all,
		},
		"no documents": {nil, []workflow.Decision{workflow.DecisionApprove, workflow.DecisionReject}},
	}
	for _, st := range append(slices.Clone(allStatuses), "") {
		for name, set := range docSets {
			t.Run(fmt.Sprintf("%s/%s", st, name), func(t *testing.T) {
				got := workflow.AvailableDecisions(st, set.docs)
				if got == nil {
					t.Errorf("AvailableDecisions returned nil, want a list")
				}
				want := set.want
				if st != pending {
					want = []workflow.Decision{}
				}
				if !slices.Equal(got, want) {
					t.Errorf("AvailableDecisions = %v, want %v", got, want)
				}
				// Consistent with DecideCase, given the input each decision needs.
				flagAll := map[string]string{}
				for _, d := range set.docs {
					flagAll[d.ID] = "please retake"
				}
				for _, d := range all {
					_, err := workflow.DecideCase(st, set.docs, d, "reason", flagAll)
					if offered := slices.Contains(got, d); offered != (err == nil) {
						t.Errorf("%s: offered=%v but DecideCase error=%v", d, offered, err)
					}
				}
			})
		}
	}
}

func TestSubmission(t *testing.T) {
	for prev, want := range map[int]int{0: 1, 1: 2, 7: 8} {
		st, rev := workflow.Submission(prev)
		if st != workflow.StatusPendingReview || rev != want {
			t.Errorf("Submission(%d) = %s, %d; want PENDING_REVIEW, %d", prev, st, rev, want)
		}
	}
}

// TestResubmissionRoundTrip walks one resubmission through the rules in the order the
// resolvers call them: decide, re-upload the flagged photo, walk to final, submit again.
func TestResubmissionRoundTrip(t *testing.T) {
	docs := []workflow.DocFact{doc("p", workflow.DocPassport, workflow.DocPending), doc("s", workflow.DocSelfie, workflow.DocPending)}
	plan, err := workflow.DecideCase(pending, docs, workflow.DecisionRequestResubmission, "", map[string]string{"p": "glare"})
	if err != nil {
		t.Fatal(err)
	}
	flagged := map[workflow.DocType]bool{workflow.DocPassport: true}
	up := workflow.UploadFacts{Status: plan.Status, State: plan.State, SelectedType: workflow.DocPassport, Flagged: flagged}
	if err := workflow.CanUpload(workflow.DocPassport, up); err != nil {
		t.Fatalf("re-upload of the flagged passport: %v", err)
	}
	f := workflow.Facts{Status: plan.Status, SelectedType: workflow.DocPassport, Floor: plan.Floor, HasSelfie: true}
	if _, err := workflow.Next(plan.State, next, f); err == nil {
		t.Fatalf("left document_photo before the new photo was uploaded")
	}
	f.HasDocumentPhoto = true // the new revision is PENDING, hence usable
	state := plan.State
	var last workflow.Move
	for state != final {
		last, err = workflow.Next(state, next, f)
		if err != nil {
			t.Fatalf("Next(%s): %v", state, err)
		}
		if state == selfie {
			up.State = selfie
			if err := workflow.CanUpload(workflow.DocSelfie, up); err == nil {
				t.Errorf("the selfie, not flagged, could be re-taken")
			}
		}
		state = last.To
	}
	if !last.Submits {
		t.Errorf("entering final during a resubmission does not submit")
	}
	if st, rev := workflow.Submission(1); st != pending || rev != 2 {
		t.Errorf("Submission(1) = %s, %d", st, rev)
	}
}

// A rejected document must be part of a resubmission request, or the applicant could
// neither pass the guard nor re-take it.
func TestDecideCase_rejectedDocumentMustBeResubmitted(t *testing.T) {
	docs := []workflow.DocFact{
		{ID: "p", Type: workflow.DocPassport, Status: workflow.DocPending},
		{ID: "s", Type: workflow.DocSelfie, Status: workflow.DocRejected},
	}
	_, err := workflow.DecideCase(workflow.StatusPendingReview, docs, workflow.DecisionRequestResubmission, "", map[string]string{"p": "glare"})
	wantCode(t, err, workflow.EBadUserInput)
	plan, err := workflow.DecideCase(workflow.StatusPendingReview, docs, workflow.DecisionRequestResubmission, "", map[string]string{"p": "glare", "s": "not the holder"})
	if err != nil {
		t.Fatalf("listing the rejected selfie: %v", err)
	}
	if plan.State != workflow.DocumentPhoto || len(plan.Flag) != 2 {
		t.Fatalf("plan = %+v, want both flagged from document_photo", plan)
	}
}

func TestCanAssign(t *testing.T) {
	for _, s := range []workflow.Status{workflow.StatusInProgress, workflow.StatusPendingReview, workflow.StatusApproved, workflow.StatusRejected, workflow.StatusResubmissionRequested} {
		t.Run(string(s), func(t *testing.T) {
			err := workflow.CanAssign(s)
			decided := s == workflow.StatusApproved || s == workflow.StatusRejected
			if decided != (err != nil) {
				t.Fatalf("workflow.CanAssign(%s) = %v, want refused: %v", s, err, decided)
			}
			var werr *workflow.Error
			if err != nil && (!errors.As(err, &werr) || werr.Code != workflow.EInvalidTransition) {
				t.Fatalf("error %v, want INVALID_TRANSITION", err)
			}
		})
	}
}
