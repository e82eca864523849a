package graph

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/kyccase"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// EventType is what an audit event records (case_events.type, CaseEvent.type in the API).
// The strings are stored and hashed into the chain: add types, never change one.
type EventType string

// The audit event types.
const (
	EvCaseStarted      EventType = "CASE_STARTED"
	EvStateChanged     EventType = "STATE_CHANGED"
	EvDocumentUploaded EventType = "DOCUMENT_UPLOADED"
	EvCaseSubmitted    EventType = "CASE_SUBMITTED"
	EvCaseAssigned     EventType = "CASE_ASSIGNED"
	EvCaseUnassigned   EventType = "CASE_UNASSIGNED"
	EvDocumentDecided  EventType = "DOCUMENT_DECIDED"
	EvCaseDecided      EventType = "CASE_DECIDED"
	EvNoteAdded        EventType = "NOTE_ADDED"
	EvTokenRevoked     EventType = "TOKEN_REVOKED"
	// EvAuditChainKeyed records that start-up re-hashed a case's chain, written before the
	// chain was keyed, with the server's key after checking it.
	EvAuditChainKeyed EventType = "AUDIT_CHAIN_KEYED"
)

// AuditKeyVersion marks a case whose chain is keyed with AuditKey (kyc_cases.audit_key_version).
const AuditKeyVersion = 1

// AuditKeyFrom derives the audit chain's key from the server's secret, so that the key
// serves nothing else: whoever can write the database but lacks the secret cannot compute
// a valid hash, so a rewritten event is detectable without the key.
func AuditKeyFrom(secret []byte) []byte {
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

// legacyEventHash is the unkeyed SHA-256 of chains written before keying: only ever checked
// to re-chain them once (server start-up), never accepted by the verifier.
func legacyEventHash(prev string, caseID uuid.UUID, seq int, typ, actor, from, to, data string, at time.Time) string {
	m := sha256.New()
	eventContent(m, prev, caseID, seq, typ, actor, from, to, data, at)
	return hex.EncodeToString(m.Sum(nil))
}

// change is one accepted change of a case: its audit event, written in the same transaction.
type change struct {
	Type     EventType
	Actor    string
	From, To workflow.State
	Data     map[string]any
}

// actor names the caller in the audit trail.
func actor(ctx context.Context) string {
	v := ViewerFrom(ctx)
	switch {
	case v.Reviewer != nil:
		return "reviewer:" + v.Reviewer.Email
	case v.CaseID != uuid.Nil:
		return "applicant"
	}
	return "system"
}

// chain links audit events to the head of a case's chain (its last seq and hash). It only
// computes; the caller writes the events and the new head in the same transaction, and the
// unique (case_id, seq) index refuses a second writer appending after the same head.
type chain struct {
	key    []byte
	caseID uuid.UUID
	seq    int
	hash   string
	now    time.Time
	events []*ent.CaseEventCreate
}

// chainOf starts at c's head; now comes from Resolver.now, so the stored time re-hashes to
// the same value. A new case's chain is &chain{key: key, caseID: id, now: now}.
func chainOf(key []byte, c *ent.KycCase, now time.Time) *chain {
	return &chain{key: key, caseID: c.ID, seq: c.LastEventSeq, hash: c.LastEventHash, now: now}
}

// add stages the audit event of ch after the current head and moves the head to it.
func (k *chain) add(q *ent.CaseEventClient, ch change) error {
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
	b := q.Create().
		SetCaseID(k.caseID).
		SetSeq(seq).
		SetType(string(ch.Type)).
		SetActor(ch.Actor).
		SetNillableData(data).
		SetPrevHash(prev).
		SetHash(k.hash).
		SetCreatedAt(k.now)
	if ch.From != "" {
		b.SetFromState(string(ch.From))
	}
	if ch.To != "" {
		b.SetToState(string(ch.To))
	}
	k.events = append(k.events, b)
	return nil
}

// save writes the staged events in one statement.
func (k *chain) save(ctx context.Context, q *ent.CaseEventClient) ([]*ent.CaseEvent, error) {
	if len(k.events) == 0 {
		return nil, nil
	}
	return q.CreateBulk(k.events...).Save(ctx)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// mutateCase is the shape of every change: in one transaction, load the case, let fn decide
// and stage its writes on the version-checked update, save, append the audit events; after
// commit, publish. A concurrent writer makes the version check fail: CONFLICT.
func (r *Resolver) mutateCase(ctx context.Context, caseID uuid.UUID, expectedVersion *int,
	fn func(tx *ent.Tx, c *ent.KycCase, upd *ent.KycCaseUpdate) ([]change, error),
) (*ent.KycCase, error) {
	var (
		events     []*ent.CaseEvent
		saved      *ent.KycCase
		deliveries []uuid.UUID
	)
	err := r.withTx(ctx, func(tx *ent.Tx) error {
		c, err := tx.KycCase.Get(ctx, caseID)
		if err != nil {
			return err
		}
		if expectedVersion != nil && *expectedVersion != c.Version {
			return errStale
		}
		if c.ErasedAt != nil {
			return workflow.ErrErased
		}
		now := r.now()
		upd := tx.KycCase.Update().
			Where(kyccase.ID(c.ID), kyccase.Version(c.Version)).
			SetVersion(c.Version + 1).
			SetUpdatedAt(now)
		changes, err := fn(tx, c, upd)
		if err != nil {
			return err
		}
		to, set := upd.Mutation().Status()
		if !set {
			to = c.Status
		}
		if workflow.RenewsToken(ViewerFrom(ctx).CaseID == c.ID, c.Status, to) {
			upd.SetTokenRenewedAt(now)
		}
		k := chainOf(r.AuditKey, c, now)
		for _, ch := range changes {
			if err := k.add(tx.CaseEvent, ch); err != nil {
				return err
			}
		}
		n, err := upd.SetLastEventSeq(k.seq).SetLastEventHash(k.hash).Save(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return errStale
		}
		var ok bool
		if saved, ok = updated(c, upd.Mutation()); !ok {
			if saved, err = tx.KycCase.Get(ctx, c.ID); err != nil {
				return err
			}
		}
		if deliveries, err = r.outbox(ctx, tx, c.Status, saved); err != nil {
			return err
		}
		events, err = k.save(ctx, tx.CaseEvent)
		return err
	})
	if err != nil {
		return nil, err
	}
	r.publish(ctx, saved, events...)
	r.enqueueWebhooks(ctx, deliveries)
	return saved, nil
}

// updated returns c as the UPDATE staged in m leaves it, so that mutateCase need not read
// the row back (one round trip less per change). Every field m sets or clears is applied to a
// copy of c through the entity's own struct fields, found by their column names
// (caseFields), so a field added to the schema is handled without a change here. ok is false
// when m adds to a numeric field (the sum is the database's) or sets a value of a type the
// field cannot hold; the caller then reads the row.
func updated(c *ent.KycCase, m *ent.KycCaseMutation) (_ *ent.KycCase, ok bool) {
	if len(m.AddedFields()) > 0 {
		return nil, false
	}
	n := *c
	dst := reflect.ValueOf(&n).Elem()
	for _, name := range m.Fields() {
		v, _ := m.Field(name)
		i, known := caseFields()[name]
		if !known || !assign(dst.Field(i), v) {
			return nil, false
		}
	}
	for _, name := range m.ClearedFields() {
		i, known := caseFields()[name]
		if !known {
			return nil, false
		}
		f := dst.Field(i)
		f.Set(reflect.Zero(f.Type()))
	}
	return &n, true
}

// caseFields maps each column of kyc_cases to the index of its ent.KycCase struct field: the
// field's JSON name, which ent derives from the column (or, for a sensitive field whose JSON
// name is "-", the column name in Go's spelling).
var caseFields = sync.OnceValue(func() map[string]int {
	byGoName := map[string]int{}
	byJSON := map[string]int{}
	t := reflect.TypeFor[ent.KycCase]()
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		byGoName[strings.ToLower(sf.Name)] = i
		if name, _, _ := strings.Cut(sf.Tag.Get("json"), ","); name != "" && name != "-" {
			byJSON[name] = i
		}
	}
	m := map[string]int{}
	for _, col := range kyccase.Columns {
		if i, ok := byJSON[col]; ok {
			m[col] = i
		} else if i, ok := byGoName[strings.ReplaceAll(col, "_", "")]; ok {
			m[col] = i
		}
	}
	return m
})

// assign sets f to v, or to a pointer to a copy of v for a nillable field; false when the
// types do not fit.
func assign(f reflect.Value, v any) bool {
	rv := reflect.ValueOf(v)
	switch {
	case !rv.IsValid():
		return false
	case rv.Type().AssignableTo(f.Type()):
		f.Set(rv)
	case f.Kind() == reflect.Pointer && rv.Type().AssignableTo(f.Type().Elem()):
		p := reflect.New(f.Type().Elem())
		p.Elem().Set(rv)
		f.Set(p)
	default:
		return false
	}
	return true
}

func ptr[T any](v T) *T { return &v }

// writeGate is a first-come-first-served queue in front of write transactions (a channel
// queues blocked senders in order). Without it writers wait in database/sql's pool, which
// hands a freed connection to a random waiter, or in SQLite's busy handler, which sleeps and
// retries: the unlucky ones wait far longer than the rest. Bench figure 2, 64 clients: p99
// 62–71 → 35–45 ms on PostgreSQL (8 writers), 76 → 32 ms on SQLite (1 writer), same tps.
func (r *Resolver) writeGate() chan struct{} {
	r.gateOnce.Do(func() {
		if r.Writers > 0 {
			r.gate = make(chan struct{}, r.Writers)
		}
	})
	return r.gate
}

// now is the resolvers' clock, in UTC at the microsecond, what both databases store, so that
// a case built in memory after an update equals the row read back.
func (r *Resolver) now() time.Time { return r.Now().UTC().Truncate(time.Microsecond) }

// withTx runs fn in a transaction, committing when it returns nil. At most Writers
// transactions run at once; the others wait their turn in arrival order.
func (r *Resolver) withTx(ctx context.Context, fn func(tx *ent.Tx) error) error {
	if gate := r.writeGate(); gate != nil {
		select {
		case gate <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		defer func() { <-gate }()
	}
	tx, err := r.Client.Tx(ctx)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

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
