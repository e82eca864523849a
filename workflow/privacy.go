package workflow

import "time"

// ErrErased refuses any change to a case whose personal data was erased: what remains is
// its record (status, dates, audit trail).
var ErrErased = Errorf(EInvalidTransition, "this case's personal data was erased: it can no longer change")

// CanErase says whether the applicant may withdraw and erase their own case: only while
// collecting (once submitted, a reviewer decides, and records may have to be kept).
func CanErase(s Status) error {
	if !s.Collecting() {
		return Errorf(EInvalidTransition, "a case can be withdrawn only before it is submitted; ask us to erase it")
	}
	return nil
}

// RetentionPolicy is how long photos are kept.
type RetentionPolicy struct {
	// Unsubmitted: a case never submitted loses its photos and details this long after
	// its last change (default 30 days).
	Unsubmitted time.Duration
	// Decided: an approved or rejected case loses its photos this long after the decision
	// (default 5 years, the common AML minimum); its record stays.
	Decided time.Duration
}

// DefaultRetention is the documented default policy.
var DefaultRetention = RetentionPolicy{Unsubmitted: 30 * 24 * time.Hour, Decided: 5 * 365 * 24 * time.Hour}

// RetentionRule names what retention does to a case now.
type RetentionRule string

// The retention rules.
const (
	RetainAll          RetentionRule = ""
	EraseUnsubmitted   RetentionRule = "unsubmitted" // photos and applicant details
	PurgeDecidedPhotos RetentionRule = "decided"     // photos only
)

// RetentionFacts is what the rules need to know about a case.
type RetentionFacts struct {
	Status       Status
	Submitted    bool // submitted at least once
	UpdatedAt    time.Time
	DecidedAt    *time.Time
	Erased       bool
	PhotosPurged bool
}

// Retention says what the policy does to a case at now. A zero duration keeps forever.
func Retention(f RetentionFacts, p RetentionPolicy, now time.Time) RetentionRule {
	switch {
	case f.Erased:
		return RetainAll
	case f.Status == StatusInProgress && !f.Submitted && p.Unsubmitted > 0 && now.Sub(f.UpdatedAt) > p.Unsubmitted:
		return EraseUnsubmitted
	case (f.Status == StatusApproved || f.Status == StatusRejected) && !f.PhotosPurged && f.DecidedAt != nil &&
		p.Decided > 0 && now.Sub(*f.DecidedAt) > p.Decided:
		return PurgeDecidedPhotos
	}
	return RetainAll
}
