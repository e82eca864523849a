package workflow_test

import (
	"testing"
	"time"

	"github.com/openkyc/kyc-manual-review/workflow"
)

func TestRetention(t *testing.T) {
	now := time.Date(2031, 6, 1, 0, 0, 0, 0, time.UTC)
	p := workflow.DefaultRetention
	old, recent := now.Add(-31*24*time.Hour), now.Add(-29*24*time.Hour)
	longAgo, lately := now.Add(-5*366*24*time.Hour), now.Add(-4*365*24*time.Hour)
	for name, c := range map[string]struct {
		f    workflow.RetentionFacts
		want workflow.RetentionRule
	}{
		"abandoned 31 days":        {workflow.RetentionFacts{Status: workflow.StatusInProgress, UpdatedAt: old}, workflow.EraseUnsubmitted},
		"abandoned 29 days":        {workflow.RetentionFacts{Status: workflow.StatusInProgress, UpdatedAt: recent}, workflow.RetainAll},
		"re-taking after a review": {workflow.RetentionFacts{Status: workflow.StatusResubmissionRequested, Submitted: true, UpdatedAt: old}, workflow.RetainAll},
		"waiting for review":       {workflow.RetentionFacts{Status: workflow.StatusPendingReview, Submitted: true, UpdatedAt: old}, workflow.RetainAll},
		"awaiting second review":   {workflow.RetentionFacts{Status: workflow.StatusAwaitingSecondReview, Submitted: true, UpdatedAt: old}, workflow.RetainAll},
		"approved 5 years ago":     {workflow.RetentionFacts{Status: workflow.StatusApproved, Submitted: true, DecidedAt: &longAgo}, workflow.PurgeDecidedPhotos},
		"rejected 5 years ago":     {workflow.RetentionFacts{Status: workflow.StatusRejected, Submitted: true, DecidedAt: &longAgo}, workflow.PurgeDecidedPhotos},
		"approved 4 years ago":     {workflow.RetentionFacts{Status: workflow.StatusApproved, Submitted: true, DecidedAt: &lately}, workflow.RetainAll},
		"photos already deleted":   {workflow.RetentionFacts{Status: workflow.StatusApproved, DecidedAt: &longAgo, PhotosPurged: true}, workflow.RetainAll},
		"erased":                   {workflow.RetentionFacts{Status: workflow.StatusInProgress, UpdatedAt: old, Erased: true}, workflow.RetainAll},
	} {
		if got := workflow.Retention(c.f, p, now); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
	keep := workflow.RetentionPolicy{}
	if got := workflow.Retention(workflow.RetentionFacts{Status: workflow.StatusInProgress, UpdatedAt: old}, keep, now); got != workflow.RetainAll {
		t.Errorf("a zero policy deleted: %q", got)
	}
}

func TestCanErase(t *testing.T) {
	for _, s := range allStatuses {
		if err := workflow.CanErase(s); (err == nil) != s.Collecting() {
			t.Errorf("CanErase(%s) = %v", s, err)
		}
	}
}
