package main

// Live updates that survive outages, caps on what one caller holds open over WebSockets, and
// reviewer sockets that end with their session (issue 10, items 3, 5 and 6).

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/openkyc/kyc-manual-review/ent/reviewer"
	"github.com/openkyc/kyc-manual-review/ent/session"
	"github.com/openkyc/kyc-manual-review/graph"
)

// ---- a WebSocket client that also reports how the server closed the connection ----

type liveConn struct {
	t    *testing.T
	conn *websocket.Conn
	msgs chan wsMessage

	mu     sync.Mutex
	closed chan struct{}
	code   websocket.StatusCode
}

// dialLive opens a graphql-transport-ws connection and returns it with the server's first
// answer to connection_init ("closed" if the server closed it instead).
func (ts *testServer) dialLive(t *testing.T, initPayload map[string]any, header http.Header) (*liveConn, wsMessage) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	u := "ws" + strings.TrimPrefix(ts.URL, "http") + "/graphql"
	conn, _, err := websocket.Dial(ctx, u, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: header})
	if err != nil {
		t.Fatalf("dial %s: %v", u, err)
	}
	conn.SetReadLimit(1 << 20)
	c := &liveConn{t: t, conn: conn, msgs: make(chan wsMessage, 1024), closed: make(chan struct{})}
	t.Cleanup(func() { _ = conn.CloseNow() })
	if initPayload == nil {
		initPayload = map[string]any{}
	}
	if err := wsjson.Write(ctx, conn, map[string]any{"type": "connection_init", "payload": initPayload}); err != nil {
		t.Fatalf("connection_init: %v", err)
	}
	go c.readLoop()
	select {
	case m := <-c.msgs:
		return c, m
	case <-c.closed:
		return c, wsMessage{Type: "closed"}
	case <-time.After(10 * time.Second):
		t.Fatal("no reply to connection_init")
		return nil, wsMessage{}
	}
}

// mustDialLive is dialLive for a connection that must be acknowledged.
func (ts *testServer) mustDialLive(t *testing.T, initPayload map[string]any, header http.Header) *liveConn {
	t.Helper()
	c, first := ts.dialLive(t, initPayload, header)
	if first.Type != "connection_ack" {
		t.Fatalf("connection_init: got %+v, want connection_ack", first)
	}
	return c
}

func (c *liveConn) readLoop() {
	defer close(c.closed)
	for {
		var m wsMessage
		if err := wsjson.Read(context.Background(), c.conn, &m); err != nil {
			c.mu.Lock()
			c.code = websocket.CloseStatus(err)
			c.mu.Unlock()
			return
		}
		if m.Type == "ping" {
			_ = wsjson.Write(context.Background(), c.conn, map[string]any{"type": "pong"})
			continue
		}
		c.msgs <- m
	}
}

func (c *liveConn) subscribe(id, query string, vars map[string]any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := wsjson.Write(ctx, c.conn, map[string]any{"id": id, "type": "subscribe",
		"payload": map[string]any{"query": query, "variables": vars}}); err != nil {
		c.t.Fatalf("subscribe %s: %v", id, err)
	}
}

func (c *liveConn) complete(id string) {
	c.t.Helper()
	if err := wsjson.Write(context.Background(), c.conn, map[string]any{"id": id, "type": "complete"}); err != nil {
		c.t.Fatalf("complete %s: %v", id, err)
	}
}

// sync waits until the server has handled every message sent before: it handles a
// connection's messages in order, and answers a ping with a pong.
func (c *liveConn) sync() {
	c.t.Helper()
	if err := wsjson.Write(context.Background(), c.conn, map[string]any{"type": "ping", "payload": map[string]any{"sync": true}}); err != nil {
		c.t.Fatalf("ping: %v", err)
	}
	for {
		m, ok := c.next(5 * time.Second)
		if !ok {
			c.t.Fatalf("no pong: %+v", m)
		}
		if m.Type == "pong" {
			return
		}
	}
}

// next returns the next message within timeout (ok false on timeout or close).
func (c *liveConn) next(timeout time.Duration) (wsMessage, bool) {
	select {
	case m := <-c.msgs:
		return m, true
	case <-c.closed:
		select { // messages sent before the close come first
		case m := <-c.msgs:
			return m, true
		default:
			return wsMessage{Type: "closed"}, false
		}
	case <-time.After(timeout):
		return wsMessage{}, false
	}
}

// waitClosed waits for the server to close the connection and returns the close code.
func (c *liveConn) waitClosed(within time.Duration) (websocket.StatusCode, bool) {
	select {
	case <-c.closed:
		c.mu.Lock()
		defer c.mu.Unlock()
		return c.code, true
	case <-time.After(within):
		return 0, false
	}
}

// quiet drains what is pending, until nothing came for d.
func (c *liveConn) quiet(d time.Duration) {
	for {
		if _, ok := c.next(d); !ok {
			return
		}
	}
}

// live subscribes and pokes until the subscription's first `next`, so that it is known to be live.
func (c *liveConn) live(id, query string, vars map[string]any, poke func()) {
	c.t.Helper()
	c.subscribe(id, query, vars)
	for range 50 {
		poke()
		if m, ok := c.next(300 * time.Millisecond); ok {
			if m.Type != "next" || m.ID != id {
				c.t.Fatalf("subscription %s: got %+v (%s)", id, m, m.Payload)
			}
			return
		}
	}
	c.t.Fatalf("subscription %s never became live", id)
}

// hearAll pokes until n subscriptions of the connection have each had a `next`, and returns
// the ids heard from.
func (c *liveConn) hearAll(n int, poke func()) map[string]bool {
	c.t.Helper()
	heard := map[string]bool{}
	for i := 0; len(heard) < n; i++ {
		if i == 20 {
			c.t.Fatalf("only %d of %d subscriptions heard the changes: %v", len(heard), n, heard)
		}
		poke()
		for {
			m, ok := c.next(300 * time.Millisecond)
			if !ok {
				break
			}
			if m.Type != "next" {
				c.t.Fatalf("got %+v (%s), want next", m, m.Payload)
			}
			heard[m.ID] = true
		}
	}
	return heard
}

// errorCode returns the code of an `error` message (or of a `next` with errors).
func errorCode(m wsMessage) string {
	var errs []gqlError
	switch m.Type {
	case "error":
		_ = json.Unmarshal(m.Payload, &errs)
	case "next":
		var p gqlResponse
		_ = json.Unmarshal(m.Payload, &p)
		errs = p.Errors
	}
	if len(errs) == 0 {
		return ""
	}
	return errs[0].code()
}

const caseFeedSub = `subscription{ caseFeed{ id caseId type } }`

// ---- item 3: a PostgreSQL outage must not lose live updates ----

// The LISTEN connection of instance A is killed again and again while changes are committed
// through instance B: A's subscribers (a reviewer's caseFeed, each applicant's caseUpdated)
// still hear of every committed change within 5 s once the kills stop.
func TestListenerOutageLosesNoEvents(t *testing.T) {
	t.Parallel()
	a := newTestServer(t, testDB{name: "postgres"})
	b := a.twin(t)
	ritaB := b.reviewer(t, testReviewerEmail, testReviewerPassword)
	admin, err := sql.Open("pgx", a.cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })

	feed := a.mustDialLive(t, nil, a.rita(t).cookieHeader())
	feed.live("feed", caseFeedSub, nil, func() { a.startCase(t, "Poke", "", "") })
	type watched struct {
		id   string
		conn *liveConn
	}
	var cases []watched
	for _, name := range []string{"Ada", "Barbara", "Claude"} {
		c, app := a.startCase(t, name, "Lovelace", "")
		w := a.mustDialLive(t, map[string]any{"authorization": "Bearer " + app.token}, nil)
		w.live("case", caseUpdatedSub, map[string]any{"id": c.ID}, func() { ritaB.note(c.ID, "poke") })
		cases = append(cases, watched{c.ID, w})
	}
	feed.quiet(500 * time.Millisecond)
	for _, w := range cases {
		w.conn.quiet(100 * time.Millisecond)
	}

	// Kill the listeners of this database for 1.5 s, every 20 ms: each reconnect (0.5 s
	// later) finds it gone again soon after, so most changes are committed while A does not
	// listen.
	start := time.Now()
	stopKilling := make(chan struct{})
	killed := make(chan int)
	go func() {
		n := 0
		defer func() { killed <- n }()
		for {
			var k int
			err := admin.QueryRow(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
				WHERE datname = current_database() AND (application_name = 'kyc-listener' OR query ILIKE 'listen%')
				AND pid <> pg_backend_pid()`).Scan(&k)
			if err != nil {
				t.Errorf("terminate the listeners: %v", err)
				return
			}
			n += k
			select {
			case <-stopKilling:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	for i := 0; time.Since(start) < 1500*time.Millisecond; i++ {
		ritaB.note(cases[i%len(cases)].id, "during the outage")
		time.Sleep(25 * time.Millisecond)
	}
	close(stopKilling)
	if n := <-killed; n < 2 {
		t.Fatalf("terminated %d listener connections, want several (is the test finding them?)", n)
	}

	// What was committed: every event since the outage began, and each case's last version.
	want := map[string]bool{}
	rows, err := admin.Query(`SELECT id FROM case_events WHERE created_at >= $1`, start.UTC())
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		_ = rows.Scan(&id)
		want[id] = true
	}
	rows.Close()
	if len(want) < 20 {
		t.Fatalf("only %d events committed during the outage", len(want))
	}
	deadline := time.Now().Add(5 * time.Second)

	for len(want) > 0 {
		m, ok := feed.next(time.Until(deadline))
		if !ok {
			t.Fatalf("caseFeed: %d of the committed events never arrived (connection %s)", len(want), m.Type)
		}
		var p struct {
			Data struct{ CaseFeed eventView } `json:"data"`
		}
		_ = json.Unmarshal(m.Payload, &p)
		delete(want, p.Data.CaseFeed.ID)
	}
	for _, w := range cases {
		var version int
		if err := admin.QueryRow(`SELECT version FROM kyc_cases WHERE id = $1`, w.id).Scan(&version); err != nil {
			t.Fatal(err)
		}
		for seen := 0; seen < version; {
			m, ok := w.conn.next(time.Until(deadline))
			if !ok {
				t.Fatalf("caseUpdated %s: saw version %d within 5 s, the case is at %d", w.id, seen, version)
			}
			var p struct {
				Data struct {
					CaseUpdated caseView `json:"caseUpdated"`
				} `json:"data"`
			}
			_ = json.Unmarshal(m.Payload, &p)
			seen = p.Data.CaseUpdated.Version
		}
	}
}

// ---- item 5: caps on subscriptions per connection and per case token ----

func TestSubscriptionCaps(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		c, app := ts.startCase(t, "Mary", "Jackson", "")
		vars := map[string]any{"id": c.ID}
		auth := map[string]any{"authorization": "Bearer " + app.token}

		// One applicant connection holds 4; the 5th is refused with RATE_LIMITED and the
		// connection goes on serving the others.
		first := ts.mustDialLive(t, auth, nil)
		for i := range 4 {
			first.subscribe(string(rune('a'+i)), caseUpdatedSub, vars)
		}
		first.subscribe("e", caseUpdatedSub, vars)
		m, ok := first.next(5 * time.Second)
		if !ok || m.ID != "e" || errorCode(m) != "RATE_LIMITED" {
			t.Fatalf("5th subscription on one applicant connection: got %+v (%s), want an error RATE_LIMITED", m, m.Payload)
		}
		poke := func() { rita.note(c.ID, "poke") }
		if heard := first.hearAll(4, poke); heard["e"] {
			t.Fatal("the refused subscription hears changes")
		}
		// Completing one frees its place.
		first.complete("a")
		first.subscribe("a2", caseUpdatedSub, vars)
		first.quiet(300 * time.Millisecond)
		if heard := first.hearAll(4, poke); heard["a"] || !heard["a2"] {
			t.Fatalf("after completing a and subscribing a2, heard %v", heard)
		}

		// Across connections the token holds 12: two more connections take 8, and the 13th
		// is refused even on a fresh connection.
		for range 2 {
			w := ts.mustDialLive(t, auth, nil)
			for i := range 4 {
				w.subscribe(string(rune('a'+i)), caseUpdatedSub, vars)
			}
			w.sync()
			if m, ok := w.next(100 * time.Millisecond); ok {
				t.Fatalf("under the token's cap: got %+v (%s)", m, m.Payload)
			}
		}
		fourth := ts.mustDialLive(t, auth, nil)
		fourth.subscribe("x", caseUpdatedSub, vars)
		if m, ok := fourth.next(5 * time.Second); !ok || errorCode(m) != "RATE_LIMITED" {
			t.Fatalf("13th subscription of one case token: got %+v (%s), want RATE_LIMITED", m, m.Payload)
		}
		// Another case's applicant is not affected.
		c2, app2 := ts.startCase(t, "Dorothy", "Vaughan", "")
		other := ts.mustDialLive(t, map[string]any{"authorization": "Bearer " + app2.token}, nil)
		other.live("y", caseUpdatedSub, map[string]any{"id": c2.ID}, func() { rita.note(c2.ID, "poke") })

		// A reviewer's connection holds 64.
		rv := ts.mustDialLive(t, nil, rita.cookieHeader())
		for i := range 64 {
			rv.subscribe("r"+string(rune('A'+i)), caseUpdatedSub, vars)
		}
		rv.subscribe("over", caseUpdatedSub, vars)
		if m, ok := rv.next(5 * time.Second); !ok || m.ID != "over" || errorCode(m) != "RATE_LIMITED" {
			t.Fatalf("65th subscription on a reviewer connection: got %+v (%s), want RATE_LIMITED", m, m.Payload)
		}
		if heard := rv.hearAll(64, func() { rita.note(c.ID, "the reviewer's 64 hear this") }); heard["over"] {
			t.Fatal("the refused subscription hears changes")
		}
	})
}

// One case token opens at most 12 connections at once; one more is closed with 1013 Try
// Again Later, and a place frees when a connection closes.
func TestConnectionsPerCaseToken(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		_, app := ts.startCase(t, "Annie", "Easley", "")
		auth := map[string]any{"authorization": "Bearer " + app.token}
		var conns []*liveConn
		for range 12 {
			conns = append(conns, ts.mustDialLive(t, auth, nil))
		}
		over, first := ts.dialLive(t, auth, nil)
		if first.Type != "closed" {
			t.Fatalf("13th connection of one token: got %+v, want it closed", first)
		}
		if code, _ := over.waitClosed(5 * time.Second); code != websocket.StatusTryAgainLater {
			t.Fatalf("13th connection closed with %d, want 1013", code)
		}
		_ = conns[0].conn.Close(websocket.StatusNormalClosure, "")
		deadline := time.Now().Add(5 * time.Second)
		for {
			c, first := ts.dialLive(t, auth, nil)
			if first.Type == "connection_ack" {
				_ = c.conn.Close(websocket.StatusNormalClosure, "")
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("a closed connection did not free its place within 5 s")
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}

// The legacy graphql-ws subprotocol is not served: its clients would bypass the caps.
func TestLegacySubprotocolRefused(t *testing.T) {
	ts := newTestServer(t, testDB{name: "sqlite"})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(ts.URL, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-ws"}})
	if err == nil {
		defer conn.CloseNow()
		if conn.Subprotocol() == "graphql-ws" {
			t.Fatal("the server still speaks the legacy graphql-ws subprotocol")
		}
	}
}

// ---- item 6: a reviewer's sockets end with the session ----

// Logout closes the reviewer's sockets with 4401 within two seconds; another reviewer's
// socket stays open and keeps hearing events.
func TestLogoutClosesSockets(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		bob := ts.addReviewer(t, "bob@example.com")
		ritaWS := ts.mustDialLive(t, nil, rita.cookieHeader())
		ritaWS.live("feed", caseFeedSub, nil, func() { ts.startCase(t, "Poke", "", "") })
		bobWS := ts.mustDialLive(t, nil, bob.cookieHeader())
		bobWS.live("feed", caseFeedSub, nil, func() { ts.startCase(t, "Poke", "", "") })
		bobWS.quiet(300 * time.Millisecond)

		rita.mustDo(`mutation{ logout }`, nil, nil)
		code, ok := ritaWS.waitClosed(2 * time.Second)
		if !ok || code != 4401 {
			t.Fatalf("after logout the reviewer's socket: closed %v with %d, want closed with 4401 within 2 s", ok, code)
		}
		ts.startCase(t, "After", "Logout", "")
		if m, ok := bobWS.next(5 * time.Second); !ok || m.Type != "next" {
			t.Fatalf("another reviewer's socket after the logout: got %+v, want it open and hearing events", m)
		}
		if _, closed := bobWS.waitClosed(0); closed {
			t.Fatal("another reviewer's socket was closed")
		}
	})
}

// A socket opened with a session closes when the session expires.
func TestExpiredSessionClosesSocket(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		ctx := context.Background()
		rv, err := ts.app.client.Reviewer.Query().Where(reviewer.Email(testReviewerEmail)).Only(ctx)
		if err != nil {
			t.Fatal(err)
		}
		token, hash := graph.NewToken()
		if err := ts.app.client.Session.Create().SetTokenHash(hash).SetReviewerID(rv.ID).
			SetExpiresAt(time.Now().Add(2 * time.Second)).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		h := http.Header{"Cookie": {graph.SessionCookie + "=" + token}}
		short := ts.mustDialLive(t, nil, h)
		short.subscribe("feed", caseFeedSub, nil)
		long := ts.mustDialLive(t, nil, ts.rita(t).cookieHeader())
		long.live("feed", caseFeedSub, nil, func() { ts.startCase(t, "Poke", "", "") })
		if code, ok := short.waitClosed(5 * time.Second); !ok || code != 4401 {
			t.Fatalf("socket of an expiring session: closed %v with %d, want 4401 within 5 s", ok, code)
		}
		if _, closed := long.waitClosed(0); closed {
			t.Fatal("the socket of a live session was closed")
		}
	})
}

// With two instances, a logout on A closes the reviewer's socket on B.
func TestLogoutClosesSocketsOnTwin(t *testing.T) {
	t.Parallel()
	a := newTestServer(t, testDB{name: "postgres"})
	b := a.twin(t)
	ritaA := a.rita(t)
	ritaB := b.reviewer(t, testReviewerEmail, testReviewerPassword)
	bob := a.addReviewer(t, "bob@example.com")
	onB := b.mustDialLive(t, nil, ritaB.cookieHeader())
	onB.live("feed", caseFeedSub, nil, func() { b.startCase(t, "Poke", "", "") })
	bobOnB := b.mustDialLive(t, nil, bob.cookieHeader())
	bobOnB.live("feed", caseFeedSub, nil, func() { b.startCase(t, "Poke", "", "") })

	ritaA.mustDo(`mutation{ logout }`, nil, nil) // ends every session of Rita's, B's too
	if code, ok := onB.waitClosed(2 * time.Second); !ok || code != 4401 {
		t.Fatalf("Rita's socket on B after logout on A: closed %v with %d, want 4401 within 2 s", ok, code)
	}
	if _, closed := bobOnB.waitClosed(0); closed {
		t.Fatal("another reviewer's socket on B was closed")
	}
}

// A session end missed while the listener was down (here: sessions deleted without a
// NOTIFY) is caught when the listener reconnects: the sockets whose session is gone close,
// the others stay open.
func TestListenerReconnectRechecksSessions(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, testDB{name: "postgres"})
	rita := ts.rita(t)
	bob := ts.addReviewer(t, "bob@example.com")
	ritaWS := ts.mustDialLive(t, nil, rita.cookieHeader())
	ritaWS.live("feed", caseFeedSub, nil, func() { ts.startCase(t, "Poke", "", "") })
	bobWS := ts.mustDialLive(t, nil, bob.cookieHeader())
	bobWS.live("feed", caseFeedSub, nil, func() { ts.startCase(t, "Poke", "", "") })

	ctx := context.Background()
	if _, err := ts.app.client.Session.Delete().
		Where(session.HasReviewerWith(reviewer.Email(testReviewerEmail))).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	admin, err := sql.Open("pgx", ts.cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var killed int
	if err := admin.QueryRow(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE datname = current_database() AND application_name = 'kyc-listener'`).Scan(&killed); err != nil || killed != 1 {
		t.Fatalf("terminated %d listeners (%v), want 1", killed, err)
	}
	if code, ok := ritaWS.waitClosed(5 * time.Second); !ok || code != 4401 {
		t.Fatalf("socket of a session deleted during the outage: closed %v with %d, want 4401 within 5 s", ok, code)
	}
	if _, closed := bobWS.waitClosed(0); closed {
		t.Fatal("the socket of a live session was closed")
	}
}
