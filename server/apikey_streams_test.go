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

// keyWatch is one case watched live over WebSockets by two API keys: gone, which a test
// revokes, and kept, which must keep its socket. rita is the admin who made both keys.
type keyWatch struct {
	rita           *client
	gone, kept     *client
	goneID         string
	goneWS, keptWS *liveConn
	vars           map[string]any
	poke           func()
}

// watchWithTwoKeys makes the keys and the case on admin's server and opens both keys' sockets
// on on (the same server, or a twin), each proven live.
func watchWithTwoKeys(t *testing.T, admin, on *testServer) keyWatch {
	t.Helper()
	w := keyWatch{rita: admin.rita(t)}
	w.gone, w.goneID = w.rita.apiKey("retired backend")
	w.kept, _ = w.rita.apiKey("onboarding backend")
	c, _ := admin.startCase(t, "Ada", "Lovelace", "")
	w.vars = map[string]any{"id": c.ID}
	w.poke = func() { w.rita.note(c.ID, "poke") }
	w.goneWS = on.mustDialLive(t, nil, bearer(w.gone.token))
	w.goneWS.live("case", caseUpdatedSub, w.vars, w.poke)
	w.keptWS = on.mustDialLive(t, nil, bearer(w.kept.token))
	w.keptWS.live("case", caseUpdatedSub, w.vars, w.poke)
	return w
}

func TestRevokedAPIKeyEndsStreams(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		w := watchWithTwoKeys(t, ts, ts)
		rita, gone, kept, goneID, goneWS, keptWS, vars, poke := w.rita, w.gone, w.kept, w.goneID, w.goneWS, w.keptWS, w.vars, w.poke
		goneSSE := ts.dialSSE(t, ts.URL, caseUpdatedSub, vars, bearer(gone.token))
		goneSSE.live(poke)
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
	w := watchWithTwoKeys(t, a, b)
	rita, goneID, goneWS, keptWS := w.rita, w.goneID, w.goneWS, w.keptWS
	goneSSE := b.dialSSE(t, b.URL, caseUpdatedSub, w.vars, bearer(w.gone.token))
	goneSSE.live(w.poke)

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
		w := watchWithTwoKeys(t, ts, ts)
		goneID, goneWS, keptWS := w.goneID, w.goneWS, w.keptWS

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
