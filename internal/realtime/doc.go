// Package realtime owns the live layer: how a committed case event reaches the subscribers of
// every API replica, and the transports that carry it to clients.
//
//   - notice.go: Notice, Broker and SessionBus, the contract between the GraphQL resolvers
//     (which publish after commit and subscribe) and the brokers.
//   - pubsub.go: Hub, the broker of one process (an index of subscribers by case), and
//     PGBroker, which adds PostgreSQL LISTEN/NOTIFY (sent after commit, batched), a catch-up
//     after the listener reconnects and a periodic sweep of the audit table for notices lost
//     between a commit and its NOTIFY.
//   - gqlws: the graphql-transport-ws transport, built to hold many idle subscriptions.
//   - live: the hooks a transport offers to subscription resolvers (Ready, Retry).
//
// The rules every transport and subscriber keeps (docs/architecture.md): no lock is held
// across network I/O; every write has a deadline; closing never waits on a write; the broker
// only hands a notice to a subscriber's bounded queue, never blocking nor calling out, and a
// subscriber that falls behind is dropped, with its close reason, from a goroutine of its own.
//
// It may import ent (the committed rows a notice carries) and libraries; never graph or
// server (depguard holds this).
package realtime
