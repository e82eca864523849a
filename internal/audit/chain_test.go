package audit

import (
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
)

// chainOfN stages n events on a new case's chain and returns the case's head and the events
// as they would be written.
func chainOfN(t *testing.T, key []byte, n int) (*ent.KycCase, []*ent.CaseEvent) {
	t.Helper()
	k := NewChain(key, uuid.New(), time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC))
	for i := range n {
		if err := k.Add(Change{Type: "TEST", Actor: "system", Data: map[string]any{"i": i}}); err != nil {
			t.Fatal(err)
		}
	}
	return &ent.KycCase{ID: k.CaseID(), LastEventSeq: k.Seq(), LastEventHash: k.Hash()}, k.Events()
}

// A chain staged by Chain verifies under its key; under another key, or with an event edited
// or the last one dropped, the verifier names where it breaks.
func TestChainVerifies(t *testing.T) {
	key := KeyFrom([]byte("secret"))
	c, evs := chainOfN(t, key, 4)
	if chk := VerifyChain(key, c, evs); !chk.Valid || chk.Checked != 4 {
		t.Fatalf("intact: %+v", chk)
	}
	if chk := VerifyChain(KeyFrom([]byte("other")), c, evs); chk.Valid || chk.Broken == nil || chk.Broken.Seq != 1 {
		t.Fatalf("another key: %+v, want event 1 broken", chk)
	}
	edited := *evs[2]
	data := `{"i":99}`
	edited.Data = &data
	tampered := []*ent.CaseEvent{evs[0], evs[1], &edited, evs[3]}
	if chk := VerifyChain(key, c, tampered); chk.Valid || chk.Broken == nil || chk.Broken.Seq != 3 {
		t.Fatalf("event 3 edited: %+v, want event 3 broken", chk)
	}
	if chk := VerifyChain(key, c, evs[:3]); chk.Valid || chk.BrokenSeq != 4 {
		t.Fatalf("last event dropped: %+v, want seq 4 named", chk)
	}
}

// The key serves only the chain: it is derived from the secret, not the secret itself.
func TestKeyFromDerives(t *testing.T) {
	secret := []byte("secret")
	k := KeyFrom(secret)
	if len(k) != 32 || string(k) == string(secret) || string(KeyFrom([]byte("secret2"))) == string(k) {
		t.Fatalf("KeyFrom: %x", k)
	}
}
