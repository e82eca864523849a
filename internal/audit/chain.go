package audit

// The audit chain: what each event records, how it is hashed under the server's key, and
// how a change appends its events after the head of its case's chain.

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// EventType is what an audit event records (case_events.type, CaseEvent.type in the API).
// The strings are stored and hashed into the chain: add types, never change one.
type EventType string

// EvAuditChainKeyed records that start-up re-hashed a case's chain, written before the
// chain was keyed, with the server's key after checking it.
const EvAuditChainKeyed EventType = "AUDIT_CHAIN_KEYED"

// KeyVersion marks a case whose chain is keyed with the key of KeyFrom (kyc_cases.audit_key_version).
const KeyVersion = 1

// KeyFrom derives the audit chain's key from the server's secret, so that the key
// serves nothing else: whoever can write the database but lacks the secret cannot compute
// a valid hash, so a rewritten event is detectable without the key.
func KeyFrom(secret []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("audit-chain"))
	return m.Sum(nil)
}

// eventContent is what an event's hash covers: the previous hash, then the event.
func eventContent(w io.Writer, prev string, caseID uuid.UUID, seq int, typ, actor, from, to, data string, at time.Time) {
	fmt.Fprintf(w, "%s\n%s\n%d\n%s\n%s\n%s\n%s\n%s\n%s", prev, caseID, seq, typ, actor, from, to, data, at.UTC().Format(time.RFC3339Nano))
}

// eventHash is the hex HMAC-SHA256 under key of an event's content after prev.
func eventHash(key []byte, prev string, caseID uuid.UUID, seq int, typ, actor, from, to, data string, at time.Time) string {
	m := hmac.New(sha256.New, key)
	eventContent(m, prev, caseID, seq, typ, actor, from, to, data, at)
	return hex.EncodeToString(m.Sum(nil))
}

// LegacyEventHash is the unkeyed SHA-256 of chains written before keying: only ever checked
// to re-chain them once (server start-up), never accepted by the verifier.
func LegacyEventHash(prev string, caseID uuid.UUID, seq int, typ, actor, from, to, data string, at time.Time) string {
	m := sha256.New()
	eventContent(m, prev, caseID, seq, typ, actor, from, to, data, at)
	return hex.EncodeToString(m.Sum(nil))
}

// Change is one accepted change of a case: its audit event, written in the same transaction.
type Change struct {
	Type     EventType
	Actor    string
	From, To workflow.State
	Data     map[string]any
}

// Chain links audit events to the head of a case's chain (its last seq and hash). It only
// computes; the caller writes the events and the new head in the same transaction, and the
// unique (case_id, seq) index refuses a second writer appending after the same head.
type Chain struct {
	key    []byte
	caseID uuid.UUID
	seq    int
	hash   string
	now    time.Time
	events []*ent.CaseEvent // staged, every field set here (the rows as written)
}

// ChainOf starts at c's head; now is the change's time as it is stored (truncated to the
// database's precision), so that the stored time re-hashes to the same value.
func ChainOf(key []byte, c *ent.KycCase, now time.Time) *Chain {
	return &Chain{key: key, caseID: c.ID, seq: c.LastEventSeq, hash: c.LastEventHash, now: now}
}

// NewChain starts the chain of a new case.
func NewChain(key []byte, caseID uuid.UUID, now time.Time) *Chain {
	return &Chain{key: key, caseID: caseID, now: now}
}

// CaseID is the case whose chain this is.
func (k *Chain) CaseID() uuid.UUID { return k.caseID }

// Seq and Hash are the head after the staged events: what the case stores as its last event.
func (k *Chain) Seq() int { return k.seq }

// Hash is the hash of the head (see Seq).
func (k *Chain) Hash() string { return k.hash }

// Events are the staged events, every field set (the rows as they are written).
func (k *Chain) Events() []*ent.CaseEvent { return k.events }

// Add stages the audit event of ch after the current head and moves the head to it.
func (k *Chain) Add(ch Change) error {
	var data *string
	if ch.Data != nil {
		b, err := json.Marshal(ch.Data)
		if err != nil {
			return err
		}
		s := string(b)
		data = &s
	}
	seq, prev := k.seq+1, k.hash
	k.seq, k.hash = seq, eventHash(k.key, prev, k.caseID, seq, string(ch.Type), ch.Actor, string(ch.From), string(ch.To), deref(data), k.now)
	k.events = append(k.events, &ent.CaseEvent{
		ID: uuid.New(), CaseID: k.caseID, Seq: seq, Type: string(ch.Type), Actor: ch.Actor,
		FromState: nonEmpty(string(ch.From)), ToState: nonEmpty(string(ch.To)), Data: data,
		PrevHash: prev, Hash: k.hash, CreatedAt: k.now,
	})
	return nil
}

// Save writes the staged events in one statement and returns them.
func (k *Chain) Save(ctx context.Context, q *ent.CaseEventClient) ([]*ent.CaseEvent, error) {
	if len(k.events) == 0 {
		return nil, nil
	}
	rows := make([]*ent.CaseEventCreate, len(k.events))
	for i, e := range k.events {
		rows[i] = q.Create().SetID(e.ID).SetCaseID(e.CaseID).SetSeq(e.Seq).SetType(e.Type).SetActor(e.Actor).
			SetNillableFromState(e.FromState).SetNillableToState(e.ToState).SetNillableData(e.Data).
			SetPrevHash(e.PrevHash).SetHash(e.Hash).SetCreatedAt(e.CreatedAt)
	}
	if err := q.CreateBulk(rows...).Exec(ctx); err != nil {
		return nil, err
	}
	return k.events, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
