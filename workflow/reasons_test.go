package workflow_test

import (
	"fmt"
	"testing"

	"github.com/openkyc/kyc-manual-review/workflow"
)

func rc(c workflow.ReasonCode) *workflow.ReasonCode { return &c }

func TestApplicantReason(t *testing.T) {
	rej, rs, ok := workflow.DecisionReject, workflow.DecisionRequestResubmission, workflow.DecisionApprove
	for _, tt := range []struct {
		d    workflow.Decision
		code *workflow.ReasonCode
		text string
		want string
		err  workflow.Code
	}{
		{rs, nil, "", "", ""}, // no code: the decision's own rule says whether a text is needed
		{rs, nil, "  blurry  ", "blurry", ""},
		{rs, rc(workflow.ReasonBlurry), "", "The photo is blurry — the text must be readable.", ""},
		{rs, rc(workflow.ReasonBlurry), " \t", "The photo is blurry — the text must be readable.", ""},
		{rs, rc(workflow.ReasonGlare), "The back side too, please.", "The back side too, please.", ""},
		{rs, rc(workflow.ReasonOther), "", "", badInput},
		{rs, rc(workflow.ReasonOther), "   ", "", badInput},
		{rs, rc(workflow.ReasonOther), "Photograph the page with the stamp.", "Photograph the page with the stamp.", ""},
		{rej, rc(workflow.ReasonUnableToVerify), "", "We could not verify your identity with the information provided.", ""},
		{rej, rc(workflow.ReasonOther), "", "", badInput},
		{ok, rc(workflow.ReasonBlurry), "", "", badInput},
		{ok, nil, "", "", ""},
	} {
		t.Run(fmt.Sprintf("%s/%v/%q", tt.d, tt.code, tt.text), func(t *testing.T) {
			got, err := workflow.ApplicantReason(tt.d, tt.code, tt.text)
			if tt.err != "" {
				wantCode(t, err, tt.err)
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("= %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// Every code but OTHER has an applicant wording, and none mentions fraud.
func TestReasonWording(t *testing.T) {
	for _, v := range workflow.ReasonCode("").Values() {
		c := workflow.ReasonCode(v)
		switch text := c.ApplicantText(); {
		case c == workflow.ReasonOther && text != "":
			t.Errorf("OTHER has a wording %q: the reviewer writes it", text)
		case c != workflow.ReasonOther && text == "":
			t.Errorf("%s has no applicant wording", c)
		}
	}
	var c workflow.ReasonCode
	if err := c.UnmarshalGQL("SUSPECTED_FRAUD"); err == nil {
		t.Error("SUSPECTED_FRAUD is a code: the applicant would read it in the API")
	}
}

func TestClearDocumentDecision(t *testing.T) {
	for _, st := range allStatuses {
		for _, ds := range []workflow.DocStatus{workflow.DocPending, workflow.DocApproved, workflow.DocRejected, workflow.DocResubmissionRequested} {
			err := workflow.ClearDocumentDecision(st, ds)
			if st == pending && ds != workflow.DocPending {
				if err != nil {
					t.Errorf("%s/%s: %v", st, ds, err)
				}
				continue
			}
			wantCode(t, err, invalid)
		}
	}
}
