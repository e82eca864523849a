package workflow_test

import (
	"testing"
	"time"

	"github.com/openkyc/kyc-manual-review/workflow"
)

func TestCheckToken(t *testing.T) {
	day := 24 * time.Hour
	renewed := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name string
		tok  workflow.TokenState
		ttl  time.Duration
		now  time.Time
		want workflow.TokenCheck
	}{
		{"collecting, fresh", workflow.TokenState{Status: workflow.StatusInProgress, RenewedAt: renewed}, 30 * day, renewed.Add(29 * day), workflow.TokenValid},
		{"collecting, at the limit", workflow.TokenState{Status: workflow.StatusInProgress, RenewedAt: renewed}, 30 * day, renewed.Add(30 * day), workflow.TokenValid},
		{"collecting, past the limit", workflow.TokenState{Status: workflow.StatusInProgress, RenewedAt: renewed}, 30 * day, renewed.Add(30*day + time.Second), workflow.TokenExpired},
		{"resubmission requested, past", workflow.TokenState{Status: workflow.StatusResubmissionRequested, RenewedAt: renewed}, 30 * day, renewed.Add(31 * day), workflow.TokenExpired},
		{"pending review never expires", workflow.TokenState{Status: workflow.StatusPendingReview, RenewedAt: renewed}, 30 * day, renewed.Add(400 * day), workflow.TokenValid},
		{"approved, within 30 days of the decision", workflow.TokenState{Status: workflow.StatusApproved, RenewedAt: renewed}, 30 * day, renewed.Add(10 * day), workflow.TokenValid},
		{"approved, past", workflow.TokenState{Status: workflow.StatusApproved, RenewedAt: renewed}, 30 * day, renewed.Add(31 * day), workflow.TokenExpired},
		{"rejected, past", workflow.TokenState{Status: workflow.StatusRejected, RenewedAt: renewed}, 30 * day, renewed.Add(31 * day), workflow.TokenExpired},
		{"a shorter configured lifetime", workflow.TokenState{Status: workflow.StatusInProgress, RenewedAt: renewed}, time.Hour, renewed.Add(2 * time.Hour), workflow.TokenExpired},
		{"no lifetime: never expires", workflow.TokenState{Status: workflow.StatusApproved, RenewedAt: renewed}, 0, renewed.Add(4000 * day), workflow.TokenValid},
		{"revoked, even when fresh", workflow.TokenState{Status: workflow.StatusInProgress, RenewedAt: renewed, Revoked: true}, 30 * day, renewed, workflow.TokenRevoked},
		{"revoked while pending review", workflow.TokenState{Status: workflow.StatusPendingReview, RenewedAt: renewed, Revoked: true}, 30 * day, renewed, workflow.TokenRevoked},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := workflow.CheckToken(tt.tok, tt.ttl, tt.now); got != tt.want {
				t.Fatalf("workflow.CheckToken = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestRenewsToken(t *testing.T) {
	for _, tt := range []struct {
		applicant bool
		from, to  workflow.Status
		want      bool
	}{
		{true, workflow.StatusInProgress, workflow.StatusInProgress, true},
		{true, workflow.StatusInProgress, workflow.StatusPendingReview, true},
		{false, workflow.StatusPendingReview, workflow.StatusApproved, true},
		{false, workflow.StatusPendingReview, workflow.StatusRejected, true},
		{false, workflow.StatusPendingReview, workflow.StatusResubmissionRequested, true},
		{false, workflow.StatusPendingReview, workflow.StatusPendingReview, false}, // a note, an assignment, a document decision
		{false, workflow.StatusApproved, workflow.StatusApproved, false},
		{false, workflow.StatusInProgress, workflow.StatusInProgress, false},
	} {
		if got := workflow.RenewsToken(tt.applicant, tt.from, tt.to); got != tt.want {
			t.Errorf("workflow.RenewsToken(%v, %s, %s) = %v, want %v", tt.applicant, tt.from, tt.to, got, tt.want)
		}
	}
}
