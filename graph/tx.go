package graph

// Transactions: the write gate in front of them, mutateCase (the shape of every change to a
// case) and updated, which saves reading a changed case back.

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/kyccase"
	"github.com/openkyc/kyc-manual-review/internal/audit"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// mutateCase is the shape of every change: in one transaction, load the case, let fn decide
// and stage its writes on the version-checked update, save it with the audit events; after
// commit, publish. A concurrent writer makes the version check fail: CONFLICT.
//
// On PostgreSQL the update and the events are one statement (saveChange), sent without
// BEGIN when fn writes nothing else (casestore.LazyTx), and the case is not read when this replica
// keeps it (caseRows): the change is then decided on the kept row and written only if the
// row is still that one. If not, or if fn refused the change on the kept row, it is decided
// again from a fresh read, as if it had arrived a moment later — never after its write was
// sent and may have committed.
func (r *Resolver) mutateCase(ctx context.Context, caseID uuid.UUID, expectedVersion *int,
	fn func(tx *ent.Tx, c *ent.KycCase, upd *ent.KycCaseUpdate) ([]change, error),
) (*ent.KycCase, error) {
	if kept := r.rows.get(caseID); kept != nil && (expectedVersion == nil || *expectedVersion == kept.c.Version) {
		saved, sent, err := r.mutateCaseFrom(ctx, caseID, expectedVersion, fn, kept)
		if err == nil || (sent && !errors.Is(err, errStale)) {
			return saved, err
		}
		r.rows.forget(caseID)
	}
	saved, _, err := r.mutateCaseFrom(ctx, caseID, expectedVersion, fn, nil)
	return saved, err
}

// mutateCaseFrom is mutateCase from the kept row, or from a read when kept is nil. sent
// says whether the write was sent (it may have committed unless the error is errStale).
func (r *Resolver) mutateCaseFrom(ctx context.Context, caseID uuid.UUID, expectedVersion *int,
	fn func(tx *ent.Tx, c *ent.KycCase, upd *ent.KycCaseUpdate) ([]change, error), kept *caseRow,
) (_ *ent.KycCase, sent bool, _ error) {
	var (
		events     []*ent.CaseEvent
		saved      *ent.KycCase
		deliveries []uuid.UUID
		xmin       string
	)
	err := r.withTx(ctx, func(tx *ent.Tx) (err error) {
		var c *ent.KycCase
		if kept != nil {
			c = &kept.c
		} else if c, err = tx.KycCase.Get(ctx, caseID); err != nil {
			return err
		}
		if expectedVersion != nil && *expectedVersion != c.Version {
			return errStale
		}
		if c.ErasedAt != nil {
			return workflow.ErrErased
		}
		now := r.now()
		upd := r.caseUpdate(tx).
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
		k := audit.ChainOf(r.AuditKey, c, now)
		for _, ch := range changes {
			if err := k.Add(ch); err != nil {
				return err
			}
		}
		upd.SetLastEventSeq(k.Seq()).SetLastEventHash(k.Hash())
		// The webhook outbox needs the updated case: known before the write unless the
		// database computes a field (then read back after it, in the transaction).
		var known bool
		if saved, known = updated(c, upd.Mutation()); known {
			if deliveries, err = r.outbox(ctx, tx, c.Status, saved); err != nil {
				return err
			}
		}
		sent = true
		ok, x, err := r.saveChange(ctx, tx, upd, k, kept, known)
		if err != nil {
			return err
		}
		if !ok {
			return errStale
		}
		xmin = x
		if !known {
			if saved, err = tx.KycCase.Get(ctx, c.ID); err != nil {
				return err
			}
			if deliveries, err = r.outbox(ctx, tx, c.Status, saved); err != nil {
				return err
			}
		}
		events = k.Events()
		return nil
	})
	if err != nil {
		return nil, sent, err
	}
	if xmin != "" {
		r.rows.set(saved, xmin)
	}
	r.publish(ctx, saved, events...)
	r.enqueueWebhooks(ctx, deliveries)
	return saved, true, nil
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
