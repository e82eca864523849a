package graph

import (
	"context"
	"sync"
	"time"

	"github.com/openkyc/kyc-manual-review/ent"
)

// publish tells subscribers about committed events of case c (as committed). A lost notice
// is logged, never fatal: clients re-fetch on reconnect.
func (r *Resolver) publish(ctx context.Context, c *ent.KycCase, events ...*ent.CaseEvent) {
	if r.Committed != nil {
		r.Committed(c, events)
	}
	done := r.publishing.start(time.Now())
	defer done()
	for _, ev := range events {
		if err := r.Broker.Publish(context.WithoutCancel(ctx), Notice{CaseID: ev.CaseID, EventID: ev.ID, Case: c, Event: ev}); err != nil {
			r.Log.WarnContext(ctx, "publish case event", "case", ev.CaseID, "event", ev.ID, "err", err)
		}
	}
}

// inflight remembers when each publish still running started, so that /readyz can tell a
// stuck publish path (a broker waiting on something it must not wait on) from a slow one.
type inflight struct {
	mu      sync.Mutex
	next    uint64
	started map[uint64]time.Time
}

func (f *inflight) start(now time.Time) (done func()) {
	f.mu.Lock()
	if f.started == nil {
		f.started = map[uint64]time.Time{}
	}
	f.next++
	id := f.next
	f.started[id] = now
	f.mu.Unlock()
	return func() {
		f.mu.Lock()
		delete(f.started, id)
		f.mu.Unlock()
	}
}

// oldest returns when the oldest publish still running started (zero when none runs).
func (f *inflight) oldest() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	var t time.Time
	for _, s := range f.started {
		if t.IsZero() || s.Before(t) {
			t = s
		}
	}
	return t
}

// PublishStuck reports whether a publish has been running for d or longer: the replica
// then takes no more traffic (/readyz), though it is alive (/livez), since its mutations
// would hang after their commit.
func (r *Resolver) PublishStuck(d time.Duration) bool {
	t := r.publishing.oldest()
	return !t.IsZero() && time.Since(t) >= d
}
