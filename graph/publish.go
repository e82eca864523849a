package graph

import (
	"context"

	"github.com/openkyc/kyc-manual-review/ent"
)

// publish tells subscribers about committed events of case c (as committed). A lost notice
// is logged, never fatal: clients re-fetch on reconnect.
func (r *Resolver) publish(ctx context.Context, c *ent.KycCase, events ...*ent.CaseEvent) {
	if r.Committed != nil {
		r.Committed(c, events)
	}
	for _, ev := range events {
		if err := r.Broker.Publish(context.WithoutCancel(ctx), Notice{CaseID: ev.CaseID, EventID: ev.ID, Case: c, Event: ev}); err != nil {
			r.Log.WarnContext(ctx, "publish case event", "case", ev.CaseID, "event", ev.ID, "err", err)
		}
	}
}
