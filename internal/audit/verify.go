package audit

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/caseevent"
	"github.com/openkyc/kyc-manual-review/ent/kyccase"
)

// ChainCheck is the verdict on one case's audit chain.
type ChainCheck struct {
	Valid bool
	// Checked counts the events looked at, in seq order, up to the first broken one.
	Checked int
	// Broken is the first event that does not verify; nil when the chain is valid, or when
	// what is wrong is that its last events are missing (then BrokenSeq says which).
	Broken    *ent.CaseEvent
	BrokenSeq int
	Detail    string
}

// VerifyChain walks the events of case c in seq order and names the first that breaks the
// chain: a seq that does not follow the previous one (an event deleted), a prev_hash that is
// not the previous event's hash (one deleted or re-ordered), a hash that is not the HMAC of
// the event's content under key (one edited). The case's head (last_event_seq and
// last_event_hash, written with every append) shows events deleted at the end. events must be
// those of c with seq <= c.LastEventSeq, ordered by seq; later ones were appended after c was
// read. A hash computed without the key (a chain from before keying) never verifies.
func VerifyChain(key []byte, c *ent.KycCase, events []*ent.CaseEvent) ChainCheck {
	prevSeq, prevHash := 0, ""
	for i, ev := range events {
		broken := func(format string, args ...any) ChainCheck {
			return ChainCheck{Checked: i + 1, Broken: ev, BrokenSeq: ev.Seq, Detail: fmt.Sprintf(format, args...)}
		}
		switch {
		case ev.Seq > prevSeq+1 && ev.Seq == prevSeq+2:
			return broken("event #%d is missing (#%d follows #%d)", prevSeq+1, ev.Seq, prevSeq)
		case ev.Seq > prevSeq+1:
			return broken("events #%d to #%d are missing (#%d follows #%d)", prevSeq+1, ev.Seq-1, ev.Seq, prevSeq)
		case ev.Seq != prevSeq+1:
			return broken("event #%d is out of order (after #%d)", ev.Seq, prevSeq)
		case ev.PrevHash != prevHash:
			return broken("event #%d does not follow event #%d: its prev_hash is not that event's hash", ev.Seq, prevSeq)
		}
		from, to, data := deref(ev.FromState), deref(ev.ToState), deref(ev.Data)
		if eventHash(key, ev.PrevHash, ev.CaseID, ev.Seq, ev.Type, ev.Actor, from, to, data, ev.CreatedAt) != ev.Hash {
			if LegacyEventHash(ev.PrevHash, ev.CaseID, ev.Seq, ev.Type, ev.Actor, from, to, data, ev.CreatedAt) == ev.Hash {
				return broken("event #%d carries an unkeyed SHA-256 hash: a chain from before keying that was not re-chained (it did not verify then), or one rewritten without the key", ev.Seq)
			}
			return broken("event #%d's hash does not match its content (changed after it was written, or hashed with another key)", ev.Seq)
		}
		prevSeq, prevHash = ev.Seq, ev.Hash
	}
	n := len(events)
	switch {
	case c.LastEventSeq > prevSeq && c.LastEventSeq == prevSeq+1:
		return ChainCheck{Checked: n, BrokenSeq: prevSeq + 1, Detail: fmt.Sprintf("event #%d, the last, is missing", prevSeq+1)}
	case c.LastEventSeq > prevSeq:
		return ChainCheck{Checked: n, BrokenSeq: prevSeq + 1, Detail: fmt.Sprintf("events #%d to #%d, the last ones, are missing", prevSeq+1, c.LastEventSeq)}
	case c.LastEventHash != prevHash:
		var last *ent.CaseEvent
		if n > 0 {
			last = events[n-1]
		}
		return ChainCheck{Checked: n, Broken: last, BrokenSeq: prevSeq, Detail: fmt.Sprintf("the case's head does not match event #%d", prevSeq)}
	}
	return ChainCheck{Valid: true, Checked: n}
}

// VerifyCase reads case id and its events and verifies them. The case is read first: its
// head then covers every event the second read returns up to it.
func VerifyCase(ctx context.Context, client *ent.Client, key []byte, id uuid.UUID) (*ent.KycCase, ChainCheck, error) {
	c, err := client.KycCase.Get(ctx, id)
	if err != nil {
		return nil, ChainCheck{}, err
	}
	events, err := client.CaseEvent.Query().
		Where(caseevent.CaseID(id), caseevent.SeqLTE(c.LastEventSeq)).
		Order(ent.Asc(caseevent.FieldSeq)).
		All(ctx)
	if err != nil {
		return nil, ChainCheck{}, err
	}
	return c, VerifyChain(key, c, events), nil
}

// VerifyAll verifies the chain of every case (or of the one given), calling report for each
// case whose chain is broken; it returns how many cases and events it checked.
func VerifyAll(ctx context.Context, client *ent.Client, key []byte, only *uuid.UUID, report func(*ent.KycCase, ChainCheck)) (cases, events int, err error) {
	if only != nil {
		c, chk, err := VerifyCase(ctx, client, key, *only)
		if err != nil {
			return 0, 0, err
		}
		if !chk.Valid {
			report(c, chk)
		}
		return 1, chk.Checked, nil
	}
	const page = 500
	var after *uuid.UUID
	for {
		q := client.KycCase.Query().Order(ent.Asc(kyccase.FieldID)).Limit(page)
		if after != nil {
			q = q.Where(kyccase.IDGT(*after))
		}
		ids, err := q.IDs(ctx)
		if err != nil {
			return cases, events, err
		}
		for _, id := range ids {
			c, chk, err := VerifyCase(ctx, client, key, id)
			if err != nil {
				return cases, events, err
			}
			cases++
			events += chk.Checked
			if !chk.Valid {
				report(c, chk)
			}
		}
		if len(ids) < page {
			return cases, events, nil
		}
		after = &ids[len(ids)-1]
	}
}

// KeyLegacyChains re-hashes, once, the audit chains written before the chain was keyed
// (kyc_cases.audit_key_version is null): a chain that still verifies as the unkeyed SHA-256
// chain it was is re-hashed with key, event by event, and gets an AUDIT_CHAIN_KEYED event
// recording it; one that does not is left as found and marked 0, so that the verifier names
// its first event instead of a re-chain laundering an edit. It returns how many chains it
// keyed and how many it left.
func KeyLegacyChains(ctx context.Context, client *ent.Client, key []byte, now time.Time) (keyed, left int, err error) {
	for {
		ids, err := client.KycCase.Query().Where(kyccase.AuditKeyVersionIsNil()).Limit(200).IDs(ctx)
		if err != nil || len(ids) == 0 {
			return keyed, left, err
		}
		for _, id := range ids {
			ok, err := keyLegacyChain(ctx, client, key, id, now)
			if err != nil {
				return keyed, left, fmt.Errorf("key the audit chain of case %s: %w", id, err)
			}
			if ok {
				keyed++
			} else {
				left++
			}
		}
	}
}

func keyLegacyChain(ctx context.Context, client *ent.Client, key []byte, id uuid.UUID, now time.Time) (bool, error) {
	tx, err := client.Tx(ctx)
	if err != nil {
		return false, err
	}
	defer func() { _ = tx.Rollback() }()
	c, err := tx.KycCase.Get(ctx, id)
	if err != nil {
		return false, err
	}
	events, err := tx.CaseEvent.Query().Where(caseevent.CaseID(id)).Order(ent.Asc(caseevent.FieldSeq)).All(ctx)
	if err != nil {
		return false, err
	}
	prev, intact := "", true
	for i, ev := range events {
		if ev.Seq != i+1 || ev.PrevHash != prev ||
			LegacyEventHash(ev.PrevHash, ev.CaseID, ev.Seq, ev.Type, ev.Actor, deref(ev.FromState), deref(ev.ToState), deref(ev.Data), ev.CreatedAt) != ev.Hash {
			intact = false
			break
		}
		prev = ev.Hash
	}
	if !intact || c.LastEventSeq != len(events) || c.LastEventHash != prev {
		if err := tx.KycCase.UpdateOneID(id).SetAuditKeyVersion(0).Exec(ctx); err != nil {
			return false, err
		}
		return false, tx.Commit()
	}
	// Events are immutable through ent: write the re-hashed copies in place of the originals.
	if _, err := tx.CaseEvent.Delete().Where(caseevent.CaseID(id)).Exec(ctx); err != nil {
		return false, err
	}
	k := NewChain(key, id, now)
	for _, ev := range events {
		prevHash := k.hash
		k.seq, k.hash = ev.Seq, eventHash(key, prevHash, id, ev.Seq, ev.Type, ev.Actor, deref(ev.FromState), deref(ev.ToState), deref(ev.Data), ev.CreatedAt)
		k.events = append(k.events, &ent.CaseEvent{ID: ev.ID, CaseID: id, Seq: ev.Seq, Type: ev.Type, Actor: ev.Actor,
			FromState: ev.FromState, ToState: ev.ToState, Data: ev.Data, PrevHash: prevHash, Hash: k.hash, CreatedAt: ev.CreatedAt})
	}
	if err := k.Add(Change{Type: EvAuditChainKeyed, Actor: "system", Data: map[string]any{"events": len(events)}}); err != nil {
		return false, err
	}
	if _, err := k.Save(ctx, tx.CaseEvent); err != nil {
		return false, err
	}
	if err := tx.KycCase.UpdateOneID(id).SetLastEventSeq(k.seq).SetLastEventHash(k.hash).SetAuditKeyVersion(KeyVersion).Exec(ctx); err != nil {
		return false, err
	}
	return true, tx.Commit()
}
