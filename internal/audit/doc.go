// Package audit owns the case audit trail's integrity: how each event is hashed under the
// server's key (an HMAC chain: an event's hash covers the previous one), how a change appends
// its events after the head of its case's chain (Chain: it only computes; the caller writes
// the events and the case's new head in the change's transaction, and the unique
// (case_id, seq) index refuses a second writer appending after the same head), the verifier
// that names the first broken event (VerifyChain, VerifyAll: `server verify-audit`), and the
// one-time keying of chains written before the chain was keyed.
//
// The event types are the resolvers' vocabulary and live with them (graph); this package
// knows only its own, AUDIT_CHAIN_KEYED. It may import ent (the rows it writes and reads);
// never graph or server (depguard holds this).
package audit
