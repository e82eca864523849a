package main

// Revoking an API key ends what was opened with it: its WebSocket subscriptions close with
// 4401 and its SSE streams end with UNAUTHENTICATED, as a logout ends a reviewer's; another
// key's go on, and new requests with the revoked key are refused.

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
)

const revokeKeyMutation = `mutation($id:ID!){ revokeApiKey(input:{id:$id}){ id revokedAt } }`

func TestRevokedAPIKeyEndsStreams(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		gone, goneID := rita.apiKey("retired backend")
		kept, _ := rita.apiKey("onboarding backend")
		c, _ := ts.startCase(t, "Ada", "Lovelace", "")
		vars := map[string]any{"id": c.ID}
		poke := func() { rita.note(c.ID, "poke") }

		goneWS := ts.mustDialLive(t, nil, bearer(gone.token))
		goneWS.live("case", caseUpdatedSub, vars, poke)
		goneSSE := ts.dialSSE(t, ts.URL, caseUpdatedSub, vars, bearer(gone.token))
		goneSSE.live(poke)
		keptWS := ts.mustDialLive(t, nil, bearer(kept.token))
		keptWS.live("case", caseUpdatedSub, vars, poke)
		keptSSE := ts.dialSSE(t, ts.URL, caseUpdatedSub, vars, bearer(kept.token))
		keptSSE.live(poke)
		keptWS.quiet(300 * time.Millisecond)

		rita.mustDo(revokeKeyMutation, map[string]any{"id": goneID}, nil)
		if code, ok := goneWS.waitClosed(2 * time.Second); !ok || code != 4401 {
			t.Fatalf("the revoked key's socket: closed %v with %d, want closed with 4401 within 2 s", ok, code)
		}
		goneSSE.wantEnded("UNAUTHENTICATED", 2*time.Second)

		// The other key's socket and stream stay open and keep hearing the case.
		poke()
		if m, ok := keptWS.next(5 * time.Second); !ok || m.Type != "next" || errorCode(m) != "" {
			t.Fatalf("another key's socket after the revocation: got %+v (%s), want it open and hearing the case", m, m.Payload)
		}
		keptSSE.waitFor(`"caseUpdated"`, 5*time.Second)
		if _, closed := keptWS.waitClosed(0); closed {
			t.Fatal("another key's socket was closed")
		}

		// New requests with the revoked key are refused; revoking it again changes nothing.
		gone.wantCode("UNAUTHENTICATED", `{ cases { totalCount } }`, nil)
		if s := ts.dialSSE(t, ts.URL, caseUpdatedSub, vars, bearer(gone.token)); s.status == 200 {
			if ev, _ := s.next(5 * time.Second); ev.code() != "UNAUTHENTICATED" {
				t.Fatalf("a new stream with the revoked key: got %s %s, want UNAUTHENTICATED", ev.event, ev.data)
			}
		}
		var again struct {
			RevokeApiKey struct{ RevokedAt *time.Time }
		}
		rita.mustDo(revokeKeyMutation, map[string]any{"id": goneID}, &again)
		if again.RevokeApiKey.RevokedAt == nil {
			t.Fatal("revoking a revoked key again: revokedAt is empty")
		}
		kept.mustDo(`{ cases { totalCount } }`, nil, nil)
	})
}

// With two instances, revoking a key on A closes the key's socket and stream on B, and only
// those.
func TestRevokedAPIKeyEndsStreamsOnTwin(t *testing.T) {
	t.Parallel()
	a := newTestServer(t, testDB{name: "postgres"})
	b := a.twin(t)
	rita := a.rita(t)
	gone, goneID := rita.apiKey("retired backend")
	kept, _ := rita.apiKey("onboarding backend")
	c, _ := a.startCase(t, "Ada", "Lovelace", "")
	vars := map[string]any{"id": c.ID}
	poke := func() { rita.note(c.ID, "poke") }

	goneWS := b.mustDialLive(t, nil, bearer(gone.token))
	goneWS.live("case", caseUpdatedSub, vars, poke)
	goneSSE := b.dialSSE(t, b.URL, caseUpdatedSub, vars, bearer(gone.token))
	goneSSE.live(poke)
	keptWS := b.mustDialLive(t, nil, bearer(kept.token))
	keptWS.live("case", caseUpdatedSub, vars, poke)

	rita.mustDo(revokeKeyMutation, map[string]any{"id": goneID}, nil)
	if code, ok := goneWS.waitClosed(2 * time.Second); !ok || code != 4401 {
		t.Fatalf("the revoked key's socket on B after revocation on A: closed %v with %d, want 4401 within 2 s", ok, code)
	}
	goneSSE.wantEnded("UNAUTHENTICATED", 2*time.Second)
	if _, closed := keptWS.waitClosed(0); closed {
		t.Fatal("another key's socket on B was closed")
	}
}

// A revocation whose notice a replica missed (here: stored without one) is caught by the
// periodic recheck, which the listener also runs when it reconnects: the revoked key's
// socket closes, the other key's stays open.
func TestRecheckClosesRevokedKeySockets(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		gone, goneID := rita.apiKey("retired backend")
		kept, _ := rita.apiKey("onboarding backend")
		c, _ := ts.startCase(t, "Ada", "Lovelace", "")
		vars := map[string]any{"id": c.ID}
		poke := func() { rita.note(c.ID, "poke") }
		goneWS := ts.mustDialLive(t, nil, bearer(gone.token))
		goneWS.live("case", caseUpdatedSub, vars, poke)
		keptWS := ts.mustDialLive(t, nil, bearer(kept.token))
		keptWS.live("case", caseUpdatedSub, vars, poke)

		ctx := context.Background()
		if err := ts.app.client.APIKey.UpdateOneID(uuid.MustParse(goneID)).SetRevokedAt(time.Now()).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		if _, closed := goneWS.waitClosed(300 * time.Millisecond); closed {
			t.Fatal("the socket closed before the recheck: this test no longer tests the recheck")
		}
		ts.app.res.RecheckSessions(ctx)
		if code, ok := goneWS.waitClosed(2 * time.Second); !ok || code != 4401 {
			t.Fatalf("the revoked key's socket after the recheck: closed %v with %d, want 4401 within 2 s", ok, code)
		}
		if _, closed := keptWS.waitClosed(0); closed {
			t.Fatal("another key's socket was closed by the recheck")
		}
	})
}
