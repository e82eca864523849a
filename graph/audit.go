package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/caseevent"
	"github.com/openkyc/kyc-manual-review/ent/kyccase"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// The audit event types.
const (
	EvCaseStarted      = "CASE_STARTED"
	EvStateChanged     = "STATE_CHANGED"
	EvDocumentUploaded = "DOCUMENT_UPLOADED"
	EvCaseSubmitted    = "CASE_SUBMITTED"
	EvCaseAssigned     = "CASE_ASSIGNED"
	EvCaseUnassigned   = "CASE_UNASSIGNED"
	EvDocumentDecided  = "DOCUMENT_DECIDED"
	EvCaseDecided      = "CASE_DECIDED"
	EvNoteAdded        = "NOTE_ADDED"
)

// change is one accepted change of a case: its audit event, written in the same transaction.
type change struct {
	Type     string
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

// appendEvent writes the audit event of ch on case c, chained to the previous event's hash.
// The unique (case_id, seq) index refuses a second writer appending after the same event.
func appendEvent(ctx context.Context, tx *ent.Tx, c *ent.KycCase, ch change, now time.Time) (*ent.CaseEvent, error) {
	prev, err := tx.CaseEvent.Query().
		Where(caseevent.CaseID(c.ID)).
		Order(ent.Desc(caseevent.FieldSeq)).
		Select(caseevent.FieldSeq, caseevent.FieldHash).
		First(ctx)
	seq, prevHash := 1, ""
	switch {
	case err == nil:
		seq, prevHash = prev.Seq+1, prev.Hash
	case !ent.IsNotFound(err):
		return nil, fmt.Errorf("load last event of case %s: %w", c.ID, err)
	}
	var data *string
	if ch.Data != nil {
		b, err := json.Marshal(ch.Data)
		if err != nil {
			return nil, err
		}
		s := string(b)
		data = &s
	}
	now = now.UTC().Truncate(time.Microsecond) // what both databases store
	sum := sha256.New()
	fmt.Fprintf(sum, "%s\n%s\n%d\n%s\n%s\n%s\n%s\n%s\n%s", prevHash, c.ID, seq, ch.Type, ch.Actor, ch.From, ch.To, deref(data), now.Format(time.RFC3339Nano))
	b := tx.CaseEvent.Create().
		SetCaseID(c.ID).
		SetSeq(seq).
		SetType(ch.Type).
		SetActor(ch.Actor).
		SetNillableData(data).
		SetPrevHash(prevHash).
		SetHash(hex.EncodeToString(sum.Sum(nil))).
		SetCreatedAt(now)
	if ch.From != "" {
		b.SetFromState(string(ch.From))
	}
	if ch.To != "" {
		b.SetToState(string(ch.To))
	}
	return b.Save(ctx)
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
	fn func(tx *ent.Tx, c *ent.KycCase, upd *ent.KycCaseUpdateOne) ([]change, error),
) (*ent.KycCase, error) {
	var (
		events []*ent.CaseEvent
		saved  *ent.KycCase
	)
	err := r.withTx(ctx, func(tx *ent.Tx) error {
		c, err := tx.KycCase.Get(ctx, caseID)
		if err != nil {
			return err
		}
		if expectedVersion != nil && *expectedVersion != c.Version {
			return errStale
		}
		upd := tx.KycCase.UpdateOne(c).Where(kyccase.Version(c.Version)).SetVersion(c.Version + 1).SetUpdatedAt(r.Now())
		changes, err := fn(tx, c, upd)
		if err != nil {
			return err
		}
		if saved, err = upd.Save(ctx); err != nil {
			if ent.IsNotFound(err) {
				return errStale
			}
			return err
		}
		for _, ch := range changes {
			ev, err := appendEvent(ctx, tx, saved, ch, r.Now())
			if err != nil {
				return err
			}
			events = append(events, ev)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	r.publish(ctx, events...)
	return saved, nil
}

// withTx runs fn in a transaction, committing when it returns nil.
func (r *Resolver) withTx(ctx context.Context, fn func(tx *ent.Tx) error) error {
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

// publish tells subscribers about committed events. A lost notice is logged, never fatal:
// clients re-fetch on reconnect.
func (r *Resolver) publish(ctx context.Context, events ...*ent.CaseEvent) {
	for _, ev := range events {
		if err := r.Broker.Publish(context.WithoutCancel(ctx), Notice{CaseID: ev.CaseID, EventID: ev.ID}); err != nil {
			r.Log.WarnContext(ctx, "publish case event", "case", ev.CaseID, "event", ev.ID, "err", err)
		}
	}
}
