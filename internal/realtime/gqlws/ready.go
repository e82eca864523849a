package gqlws

import (
	"context"

	"github.com/openkyc/kyc-manual-review/internal/realtime/live"
)

// Ready lets a subscription resolver hand its stream to this transport, which then holds no
// goroutine for the subscription between events. It is live.Ready, which resolvers that
// should not depend on the transport call instead; see there for the contract. It returns nil
// when the subscription is not run by a transport that offers it.
func Ready(ctx context.Context) func() { return live.Ready(ctx) }

// withReadier is how the transport offers Ready to the resolvers of one subscription.
func withReadier(ctx context.Context, s *subscription) context.Context {
	return live.WithReady(ctx, s.ready)
}
