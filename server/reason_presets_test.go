package main

import (
	"testing"

	"github.com/openkyc/kyc-manual-review/workflow"
)

const reasonPresetsQuery = `{ reasonPresets { code applicantText appliesTo } }`

// The backoffice reads the applicant's wording of each preset reason from the server, in the
// order of the codes, with what each is offered for. Reviewers only.
func TestReasonPresetsQuery(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		var out struct {
			ReasonPresets []struct {
				Code, ApplicantText string
				AppliesTo           []string
			}
		}
		rita.mustDo(reasonPresetsQuery, nil, &out)
		codes := workflow.ReasonCode("").Values()
		if len(out.ReasonPresets) != len(codes) {
			t.Fatalf("reasonPresets: %d presets, want one per code (%d): %+v", len(out.ReasonPresets), len(codes), out.ReasonPresets)
		}
		byCode := map[string]string{}
		for i, p := range out.ReasonPresets {
			if p.Code != codes[i] || p.ApplicantText != workflow.ReasonCode(p.Code).ApplicantText() || len(p.AppliesTo) == 0 {
				t.Errorf("preset %d: %+v", i, p)
			}
			byCode[p.Code] = p.ApplicantText
		}
		if byCode["OTHER"] != "" || byCode["UNABLE_TO_VERIFY"] != "We could not verify your identity with the information provided." {
			t.Errorf("wording: OTHER %q, UNABLE_TO_VERIFY %q", byCode["OTHER"], byCode["UNABLE_TO_VERIFY"])
		}

		// (That a decision with the code alone stores this wording: TestReasonCodesAndResubmissionRequest.)

		ts.anon(t).wantCode("UNAUTHENTICATED", reasonPresetsQuery, nil)
		_, app := ts.startCase(t, "Grace", "Hopper", "")
		app.wantCode("FORBIDDEN", reasonPresetsQuery, nil)
	})
}
