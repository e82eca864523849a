package gqlws

import "context"

type readyKey struct{}

// readier is implemented by the transport's subscription, which it puts into the context
// it hands to the executor.
type readier interface{ ready() func() }

// Ready lets a subscription resolver hand its stream to a transport that holds no goroutine
// per subscription. It returns nil when the subscription is not run by this package's
// transport; the resolver then just feeds its channel as usual.
//
// When it returns a function, the resolver promises to call it once after each value it puts
// on the channel it returns, and once after closing that channel, and never to block in it.
// The transport then reads the channel exactly once per call, so it never waits on it.
// Ready must be called while the resolver runs (before it returns the channel).
func Ready(ctx context.Context) func() {
	if r, ok := ctx.Value(readyKey{}).(readier); ok {
		return r.ready()
	}
	return nil
}

// withReadier is how the transport offers Ready to the resolvers of one subscription.
func withReadier(ctx context.Context, r readier) context.Context {
	return context.WithValue(ctx, readyKey{}, r)
}
