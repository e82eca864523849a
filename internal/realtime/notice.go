package realtime

import (
	"context"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
)

// Notice tells subscribers that an event was committed on a case. Within one process it
// also carries the event and the case as committed, so subscribers need not load them again.
type Notice struct {
	CaseID  uuid.UUID      `json:"caseId"`
	EventID uuid.UUID      `json:"eventId"`
	Case    *ent.KycCase   `json:"-"`
	Event   *ent.CaseEvent `json:"-"`
}

// Broker fans committed events out to subscribers, possibly across API replicas.
type Broker interface {
	// Publish is called only after the event's transaction committed.
	Publish(ctx context.Context, n Notice) error
	// Subscribe calls deliver with each notice of one case (uuid.Nil: of every case) until
	// stop is called; no call runs after stop returns. deliver must not block nor call out:
	// it hands the notice to the subscriber's own bounded queue, and a subscriber that falls
	// behind is ended from a goroutine of its own.
	Subscribe(caseID uuid.UUID, deliver func(Notice)) (stop func())
}

// SessionEnd says which reviewer sockets must close: every socket of a reviewer, those of
// one session (by token hash), or, with Recheck, those whose session is no longer valid
// (sent after notices may have been missed). CaseTokenHash names an applicant's case token
// that was revoked, APIKeyID an integrator's API key that was revoked: the sockets and
// streams opened with them close too (and, with Recheck, those of any revoked key).
type SessionEnd struct {
	ReviewerID    uuid.UUID `json:"reviewerId,omitempty"`
	SessionHash   string    `json:"sessionHash,omitempty"`
	Recheck       bool      `json:"recheck,omitempty"`
	CaseTokenHash string    `json:"caseTokenHash,omitempty"`
	APIKeyID      uuid.UUID `json:"apiKeyId,omitempty"`
}

// SessionBus carries session ends to the other API replicas, so that a logout on one closes
// the reviewer's sockets on all. A Broker that reaches other replicas implements it; its
// subscribers hear this replica's own ends too.
type SessionBus interface {
	PublishSessionEnd(ctx context.Context, e SessionEnd) error
	SubscribeSessionEnds(fn func(SessionEnd)) (stop func())
}
