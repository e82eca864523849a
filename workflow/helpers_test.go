package workflow_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/openkyc/kyc-manual-review/workflow"
)

// The aliases keep the tables below readable.
const (
	welcome    = workflow.Welcome
	selection  = workflow.DocumentSelection
	photo      = workflow.DocumentPhoto
	docReview  = workflow.DocumentReview
	selfie     = workflow.Selfie
	selfieRev  = workflow.SelfieReview
	final      = workflow.Final
	next       = workflow.UserNextStep
	prev       = workflow.UserPrevStep
	jump       = workflow.Event("JUMP")
	invalid    = workflow.EInvalidTransition
	badInput   = workflow.EBadUserInput
	inProgress = workflow.StatusInProgress
	pending    = workflow.StatusPendingReview
	resubmit   = workflow.StatusResubmissionRequested
)

// events is every event the tables try: the two of the chart and one it does not know.
var events = []workflow.Event{next, prev, jump}

// allStatuses is every case status of the API, written out so that a renamed constant fails.
var allStatuses = []workflow.Status{
	workflow.StatusInProgress,
	workflow.StatusPendingReview,
	workflow.StatusApproved,
	workflow.StatusRejected,
	workflow.StatusResubmissionRequested,
	workflow.StatusAwaitingSecondReview,
}

// notCollecting is every status in which the applicant may neither move nor upload.
var notCollecting = []workflow.Status{
	workflow.StatusPendingReview,
	workflow.StatusApproved,
	workflow.StatusRejected,
	"", // a case whose status was never set is not collecting either
}

// spec is the collection flow as docs/architecture.md ("The statechart") draws it, written
// out by hand so that the tests do not read the table they check. A pair that is missing must be refused.
var spec = map[workflow.State]map[workflow.Event]workflow.State{
	welcome:   {next: selection},
	selection: {next: photo, prev: welcome},
	photo:     {next: docReview, prev: selection},
	docReview: {next: selfie, prev: photo},
	selfie:    {next: selfieRev, prev: docReview},
	selfieRev: {next: final, prev: selfie},
	final:     {},
}

// code returns the code of a *workflow.Error, failing the test when err is anything else.
func code(t *testing.T, err error) workflow.Code {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want a *workflow.Error")
	}
	var we *workflow.Error
	if !errors.As(err, &we) {
		t.Fatalf("got %T (%v), want a *workflow.Error", err, err)
	}
	if we.Message == "" {
		t.Errorf("the %s error has an empty message", we.Code)
	}
	return we.Code
}

// wantCode fails unless err is a *workflow.Error with code c.
func wantCode(t *testing.T, err error, c workflow.Code) {
	t.Helper()
	if got := code(t, err); got != c {
		t.Errorf("got code %s (%v), want %s", got, err, c)
	}
}

func index(s workflow.State) int { return slices.Index(workflow.States, s) }

func TestError(t *testing.T) {
	err := error(workflow.Errorf(workflow.EConflict, "case %s changed (version %d)", "c1", 3))
	if got, want := err.Error(), "case c1 changed (version 3)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	wrapped := errors.Join(errors.New("context"), err)
	wantCode(t, wrapped, workflow.EConflict)

	// The codes are the extensions.code values of API.md: their spelling is the contract.
	codes := map[workflow.Code]string{
		workflow.EUnauthenticated:      "UNAUTHENTICATED",
		workflow.EForbidden:            "FORBIDDEN",
		workflow.ENotFound:             "NOT_FOUND",
		workflow.EBadUserInput:         "BAD_USER_INPUT",
		workflow.EInvalidTransition:    "INVALID_TRANSITION",
		workflow.EConflict:             "CONFLICT",
		workflow.EPayloadTooLarge:      "PAYLOAD_TOO_LARGE",
		workflow.EUnsupportedMediaType: "UNSUPPORTED_MEDIA_TYPE",
		workflow.EInternal:             "INTERNAL",
	}
	for c, want := range codes {
		if string(c) != want {
			t.Errorf("code %q, want %q", c, want)
		}
	}
}
