package photocheck

import "github.com/google/uuid"

// Outcome is how a check ended.
type Outcome string

// The outcomes, from good to bad.
const (
	Pass Outcome = "PASS"
	Warn Outcome = "WARN"
	Fail Outcome = "FAIL"
)

// The names of the checks (the API's DocumentCheck.name).
const (
	Resolution         = "RESOLUTION"
	Sharpness          = "SHARPNESS"
	Exposure           = "EXPOSURE"
	Glare              = "GLARE"
	SameAsPrevious     = "SAME_AS_PREVIOUS"
	DuplicateElsewhere = "DUPLICATE_ELSEWHERE"
)

// Check is the result of one check, as stored with the document revision.
type Check struct {
	Name    string  `json:"name"`
	Outcome Outcome `json:"outcome"`
	// Score is the measured value the outcome was decided on; its scale depends on the check.
	Score *float64 `json:"score,omitempty"`
	// Detail says what was found, in plain words for the applicant (or the reviewer).
	Detail string `json:"detail,omitempty"`
	// RelatedCaseID is the other case of a DUPLICATE_ELSEWHERE.
	RelatedCaseID *uuid.UUID `json:"relatedCaseId,omitempty"`
}

// Worst returns the worst outcome of checks (PASS for none).
func Worst(checks []Check) Outcome {
	w := Pass
	for _, c := range checks {
		if c.Outcome == Fail {
			return Fail
		}
		if c.Outcome == Warn {
			w = Warn
		}
	}
	return w
}
