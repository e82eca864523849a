package workflow

import "time"

// DefaultTokenTTL is how long a case token lives after its clock last started over.
const DefaultTokenTTL = 30 * 24 * time.Hour

// TokenState is what decides whether a case token still opens its case.
type TokenState struct {
	Status Status
	// RenewedAt is when the token's lifetime last started over: the applicant's last change
	// while collecting, or the reviewer's decision (a resubmission request starts a new round
	// of collecting, an approval or rejection the last 30 days of reading the result).
	RenewedAt time.Time
	// Revoked: a reviewer ended the token.
	Revoked bool
}

// TokenCheck is the answer for one token.
type TokenCheck int

// The answers of CheckToken.
const (
	TokenValid TokenCheck = iota
	TokenExpired
	TokenRevoked
)

// CheckToken says whether a case token still opens its case at now. While the case waits
// for review the token does not expire: the applicant waits for the reviewer, not the other
// way round. ttl <= 0 means tokens never expire.
func CheckToken(t TokenState, ttl time.Duration, now time.Time) TokenCheck {
	switch {
	case t.Revoked:
		return TokenRevoked
	case ttl <= 0 || t.Status.Applicant() == StatusPendingReview:
		return TokenValid
	case now.After(t.RenewedAt.Add(ttl)):
		return TokenExpired
	}
	return TokenValid
}

// RenewsToken says whether a change starts the token's lifetime over: every change by the
// applicant, and every decision that moves the case out of review.
func RenewsToken(byApplicant bool, from, to Status) bool {
	return byApplicant || (from == StatusPendingReview && to != StatusPendingReview)
}
