// Package live is what subscription resolvers need from the transport that runs them, and no
// more: a transport puts these hooks into the context it runs an operation in, and resolvers
// read them from there. The resolvers then depend on this package alone, not on the
// transport (internal/realtime/gqlws is one that offers both hooks; gqlgen's own transports offer none,
// and resolvers work without them).
package live

import "context"

type (
	readyKey struct{}
	retryKey struct{}
)

// WithReady is how a transport offers Ready to the resolvers of one subscription: ready is
// called at most once per resolver and returns the function the resolver calls.
func WithReady(ctx context.Context, ready func() func()) context.Context {
	return context.WithValue(ctx, readyKey{}, ready)
}

// Ready lets a subscription resolver hand its stream to a transport that holds no goroutine
// per subscription. It returns nil when the transport does not offer it; the resolver then
// just feeds its channel as usual.
//
// When it returns a function, the resolver promises to call it once after each value it puts
// on the channel it returns, and once after closing that channel, and never to block in it.
// The transport then reads the channel exactly once per call, so it never waits on it.
// Ready must be called while the resolver runs (before it returns the channel).
func Ready(ctx context.Context) func() {
	if ready, ok := ctx.Value(readyKey{}).(func() func()); ok {
		return ready()
	}
	return nil
}

// WithRetry is how a transport offers Retry to the operations of one connection: retry ends
// that connection in a way that has the client reconnect, subscribe again and re-fetch.
func WithRetry(ctx context.Context, retry func(reason string)) context.Context {
	return context.WithValue(ctx, retryKey{}, retry)
}

// Retry ends the connection ctx's operation runs on because the server dropped something it
// owed the client (a subscriber fell behind): the client reconnects, subscribes again and
// re-fetches what it shows. It reports false when the transport does not offer it; the caller
// then just ends its operation.
func Retry(ctx context.Context, reason string) bool {
	if retry, ok := ctx.Value(retryKey{}).(func(string)); ok {
		retry(reason)
		return true
	}
	return false
}
