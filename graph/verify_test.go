package graph

import (
	"context"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/caseevent"
	"github.com/openkyc/kyc-manual-review/internal/audit"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// keyedCase starts a case on r and appends n notes-like events to its chain.
func keyedCase(t *testing.T, r *Resolver, n int) uuid.UUID {
	t.Helper()
	ctx := context.Background()
	p, err := (&mutationResolver{r}).StartCase(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		if _, err := r.mutateCase(ctx, p.Case.ID, nil, func(*ent.Tx, *ent.KycCase, *ent.KycCaseUpdate) ([]change, error) {
			return []change{{Type: "TEST", Actor: "system", From: workflow.Welcome, To: workflow.DocumentSelection, Data: map[string]any{"i": i}}}, nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	return p.Case.ID
}

func check(t *testing.T, r *Resolver, id uuid.UUID) ChainCheck {
	t.Helper()
	_, chk, err := audit.VerifyCase(context.Background(), r.Client, r.AuditKey, id)
	if err != nil {
		t.Fatal(err)
	}
	return chk
}

// The verifier accepts an intact keyed chain, and refuses it under another key: the hash is
// an HMAC, not a checksum anyone can recompute.
func TestVerifyChainKeyed(t *testing.T) {
	r, _ := testResolver(t)
	r.AuditKey = audit.KeyFrom([]byte("the server's secret"))
	id := keyedCase(t, r, 4)
	if chk := check(t, r, id); !chk.Valid || chk.Checked != 5 {
		t.Fatalf("intact chain: %+v, want valid with 5 events", chk)
	}
	c := r.Client.KycCase.GetX(context.Background(), id)
	evs := r.Client.CaseEvent.Query().Where(caseevent.CaseID(id)).Order(ent.Asc(caseevent.FieldSeq)).AllX(context.Background())
	chk := audit.VerifyChain(audit.KeyFrom([]byte("another secret")), c, evs)
	if chk.Valid || chk.Broken == nil || chk.Broken.Seq != 1 || chk.Checked != 1 {
		t.Fatalf("under another key: %+v, want event #1 broken", chk)
	}
}

// Each kind of damage is named at the first event it shows in.
func TestVerifyChainNamesTheFirstBrokenEvent(t *testing.T) {
	r, client := testResolver(t)
	r.AuditKey = audit.KeyFrom([]byte("k"))
	ctx := context.Background()
	events := func(id uuid.UUID) []*ent.CaseEvent {
		return client.CaseEvent.Query().Where(caseevent.CaseID(id)).Order(ent.Asc(caseevent.FieldSeq)).AllX(ctx)
	}
	c := func(id uuid.UUID) *ent.KycCase { return client.KycCase.GetX(ctx, id) }

	id := keyedCase(t, r, 5) // seq 1..6
	evs := events(id)
	edited := *evs[2]
	edited.Data = ptr(`{"i":99}`)
	tampered := append(append([]*ent.CaseEvent{}, evs[:2]...), &edited)
	tampered = append(tampered, evs[3:]...)
	for _, tt := range []struct {
		name   string
		events []*ent.CaseEvent
		seq    int // the event named; 0: none
		detail string
	}{
		{"edited data", tampered, 3, "hash does not match"},
		{"a middle event deleted", append(append([]*ent.CaseEvent{}, evs[:1]...), evs[2:]...), 3, "event #2 is missing"},
		{"two deleted", append(append([]*ent.CaseEvent{}, evs[:1]...), evs[3:]...), 4, "events #2 to #3 are missing"},
		{"the last deleted", evs[:5], 0, "event #6, the last, is missing"},
		{"the first deleted", evs[1:], 2, "event #1 is missing"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			chk := audit.VerifyChain(r.AuditKey, c(id), tt.events)
			if chk.Valid || !strings.Contains(chk.Detail, tt.detail) {
				t.Fatalf("%+v, want broken: %q", chk, tt.detail)
			}
			if (tt.seq == 0) != (chk.Broken == nil) || (chk.Broken != nil && chk.Broken.Seq != tt.seq) {
				t.Fatalf("named %+v, want event #%d", chk.Broken, tt.seq)
			}
		})
	}
	// An event whose prev_hash was rewritten to hide a removal is named too.
	relinked := *evs[3]
	relinked.PrevHash = evs[1].Hash
	chk := audit.VerifyChain(r.AuditKey, c(id), []*ent.CaseEvent{evs[0], evs[1], &relinked})
	if chk.Valid || chk.Broken == nil || chk.Broken.Seq != 4 {
		t.Fatalf("relinked: %+v", chk)
	}
}

// Start-up keys chains written before keying: an intact unkeyed chain is re-hashed and
// verifies, with an AUDIT_CHAIN_KEYED event; one edited before the upgrade is left as found,
// and the verifier names it rather than accept its unkeyed hashes.
func TestKeyLegacyChains(t *testing.T) {
	r, client := testResolver(t)
	r.AuditKey = audit.KeyFrom([]byte("k"))
	ctx := context.Background()
	intact, edited := keyedCase(t, r, 3), keyedCase(t, r, 3)
	// Turn both into chains as the server wrote them before keying: SHA-256, no version.
	for _, id := range []uuid.UUID{intact, edited} {
		evs := client.CaseEvent.Query().Where(caseevent.CaseID(id)).Order(ent.Asc(caseevent.FieldSeq)).AllX(ctx)
		client.CaseEvent.Delete().Where(caseevent.CaseID(id)).ExecX(ctx)
		prev := ""
		for _, ev := range evs {
			h := audit.LegacyEventHash(prev, id, ev.Seq, ev.Type, ev.Actor, deref(ev.FromState), deref(ev.ToState), deref(ev.Data), ev.CreatedAt)
			client.CaseEvent.Create().SetID(ev.ID).SetCaseID(id).SetSeq(ev.Seq).SetType(ev.Type).SetActor(ev.Actor).
				SetNillableFromState(ev.FromState).SetNillableToState(ev.ToState).SetNillableData(ev.Data).
				SetPrevHash(prev).SetHash(h).SetCreatedAt(ev.CreatedAt).ExecX(ctx)
			prev = h
		}
		client.KycCase.UpdateOneID(id).SetLastEventHash(prev).ClearAuditKeyVersion().ExecX(ctx)
		if chk := check(t, r, id); chk.Valid || chk.Broken.Seq != 1 || !strings.Contains(chk.Detail, "unkeyed") {
			t.Fatalf("an unkeyed chain verified, or was not named as unkeyed: %+v", chk)
		}
	}
	// The edit: recompute nothing, as someone with only database access would not bother to.
	ev2 := client.CaseEvent.Query().Where(caseevent.CaseID(edited), caseevent.Seq(2)).OnlyX(ctx)
	client.CaseEvent.Delete().Where(caseevent.ID(ev2.ID)).ExecX(ctx)
	client.CaseEvent.Create().SetID(ev2.ID).SetCaseID(edited).SetSeq(2).SetType(ev2.Type).SetActor("applicant").
		SetNillableFromState(ev2.FromState).SetNillableToState(ev2.ToState).SetNillableData(ev2.Data).
		SetPrevHash(ev2.PrevHash).SetHash(ev2.Hash).SetCreatedAt(ev2.CreatedAt).ExecX(ctx)

	keyed, left, err := audit.KeyLegacyChains(ctx, client, r.AuditKey, r.now())
	if err != nil || keyed != 1 || left != 1 {
		t.Fatalf("KeyLegacyChains: keyed %d, left %d, err %v; want 1, 1", keyed, left, err)
	}
	chk := check(t, r, intact)
	if !chk.Valid || chk.Checked != 5 {
		t.Fatalf("the re-keyed chain: %+v, want valid with 5 events (4 + AUDIT_CHAIN_KEYED)", chk)
	}
	last := client.CaseEvent.Query().Where(caseevent.CaseID(intact), caseevent.Seq(5)).OnlyX(ctx)
	if EventType(last.Type) != EvAuditChainKeyed || last.Actor != "system" {
		t.Fatalf("the last event is %s by %s, want %s by system", last.Type, last.Actor, EvAuditChainKeyed)
	}
	if v := client.KycCase.GetX(ctx, intact).AuditKeyVersion; v == nil || *v != AuditKeyVersion {
		t.Fatalf("audit_key_version %v after keying", v)
	}
	chk = check(t, r, edited)
	if chk.Valid || chk.Broken == nil || chk.Broken.Seq != 1 {
		t.Fatalf("the chain edited before keying: %+v, want named (at its first unkeyed event)", chk)
	}
	// A second start-up has nothing to do, and appending to a keyed chain keeps it valid.
	if keyed, left, err := audit.KeyLegacyChains(ctx, client, r.AuditKey, r.now()); keyed+left != 0 || err != nil {
		t.Fatalf("second run: keyed %d, left %d, err %v", keyed, left, err)
	}
	if _, err := r.mutateCase(ctx, intact, nil, func(*ent.Tx, *ent.KycCase, *ent.KycCaseUpdate) ([]change, error) {
		return []change{{Type: "TEST", Actor: "system"}}, nil
	}); err != nil {
		t.Fatal(err)
	}
	if chk := check(t, r, intact); !chk.Valid || chk.Checked != 6 {
		t.Fatalf("after an append: %+v", chk)
	}
}
