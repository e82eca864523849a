package workflow_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/openkyc/kyc-manual-review/workflow"
)

// A photo with a FAIL check blocks leaving its step forward and submitting, and nothing else:
// every (state, event) pair with a failing document photo, a failing selfie, or both.
func TestNext_photoCheckFailed(t *testing.T) {
	const why = "The photo is too dark. Please retake it in a brighter place."
	for _, c := range []struct {
		name    string
		edit    func(*workflow.Facts)
		blocked map[workflow.State]string // state → what the refusal names (on USER_NEXT_STEP)
	}{
		{"document photo fails", func(f *workflow.Facts) { f.DocumentPhotoFail = why },
			map[workflow.State]string{photo: "document photo", selfieRev: "document photo"}},
		{"selfie fails", func(f *workflow.Facts) { f.SelfieFail = why },
			map[workflow.State]string{selfie: "selfie", selfieRev: "selfie"}},
		{"both fail", func(f *workflow.Facts) { f.DocumentPhotoFail, f.SelfieFail = why, why },
			map[workflow.State]string{photo: "document photo", selfie: "selfie", selfieRev: "document photo"}},
	} {
		f := allFacts
		c.edit(&f)
		for _, from := range workflow.States {
			for _, ev := range events {
				t.Run(fmt.Sprintf("%s/%s/%s", c.name, from, ev), func(t *testing.T) {
					m, err := workflow.Next(from, ev, f)
					what, blocked := c.blocked[from]
					_, inChart := spec[from][ev]
					switch {
					case ev == next && blocked:
						wantCode(t, err, workflow.EPhotoCheckFailed)
						want := "Your " + what + " did not pass the checks: the photo is too dark. Please retake it in a brighter place."
						if err == nil || err.Error() != want {
							t.Errorf("message %v, want %q", err, want)
						}
					case !inChart:
						wantCode(t, err, invalid)
					default:
						if err != nil {
							t.Fatalf("Next(%s, %s) refused: %v", from, ev, err)
						}
						ref, _ := workflow.Next(from, ev, allFacts)
						if m != ref {
							t.Errorf("Next(%s, %s) = %+v, want %+v as without the failed check", from, ev, m, ref)
						}
					}
				})
			}
		}
		// AvailableEvents follows: no USER_NEXT_STEP where it is blocked.
		for from := range c.blocked {
			for _, ev := range workflow.AvailableEvents(from, f) {
				if ev == next {
					t.Errorf("%s: %s offers USER_NEXT_STEP with a failed photo", c.name, from)
				}
			}
		}
	}
	// The missing photo is reported before its checks.
	f := allFacts
	f.HasDocumentPhoto, f.DocumentPhotoFail = false, why
	_, err := workflow.Next(photo, next, f)
	wantCode(t, err, invalid)
	if err != nil && strings.Contains(err.Error(), "checks") {
		t.Errorf("no photo: %v", err)
	}
}
