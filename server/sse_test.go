package main

// Subscriptions over Server-Sent Events (graphql-sse, distinct connections mode) for clients
// whose WebSocket is blocked (issue 14 item 1): the same authorization, caps and endings as
// the WebSocket's.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// sseEvent is one event of a stream; "closed" (with err) when the stream ended.
type sseEvent struct {
	event string
	data  json.RawMessage
	err   error // for "closed": nil when the response ended cleanly
}

func (e sseEvent) code() string {
	var r gqlResponse
	_ = json.Unmarshal(e.data, &r)
	return r.code()
}

type sseStream struct {
	t      *testing.T
	status int
	header http.Header
	body   []byte // the response of a refused stream
	events chan sseEvent
	cancel context.CancelFunc
}

// dialSSE posts one operation with Accept: text/event-stream; header carries the caller.
func (ts *testServer) dialSSE(t *testing.T, url, query string, vars map[string]any, header http.Header) *sseStream {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	for k, vs := range header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	resp, err := http.DefaultClient.Do(req) //nolint:bodyclose // closed below, or by the reader goroutine
	if err != nil {
		t.Fatalf("POST %s/graphql (SSE): %v", url, err)
	}
	s := &sseStream{t: t, status: resp.StatusCode, header: resp.Header, events: make(chan sseEvent, 64), cancel: cancel}
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		s.body, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		close(s.events)
		return s
	}
	go func() {
		defer resp.Body.Close()
		defer close(s.events)
		r := bufio.NewReader(resp.Body)
		var ev sseEvent
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				if errors.Is(err, io.EOF) {
					err = nil
				}
				s.events <- sseEvent{event: "closed", err: err}
				return
			}
			line = strings.TrimRight(line, "\r\n")
			switch {
			case line == "":
				if ev.event != "" {
					s.events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, ":"): // a comment: keep-alive
			case strings.HasPrefix(line, "event: "):
				ev.event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = json.RawMessage(strings.TrimPrefix(line, "data: "))
			}
		}
	}()
	return s
}

// next returns the next event within timeout; ok is false on timeout.
func (s *sseStream) next(timeout time.Duration) (sseEvent, bool) {
	select {
	case ev, open := <-s.events:
		if !open {
			return sseEvent{event: "closed"}, true
		}
		return ev, true
	case <-time.After(timeout):
		return sseEvent{}, false
	}
}

// live pokes until the stream's first `next`, so that the subscription is known to be live.
func (s *sseStream) live(poke func()) {
	s.t.Helper()
	if s.status != http.StatusOK {
		s.t.Fatalf("SSE stream: status %d %s", s.status, s.body)
	}
	for range 50 {
		poke()
		if ev, ok := s.next(300 * time.Millisecond); ok {
			if ev.event != "next" || ev.code() != "" {
				s.t.Fatalf("SSE stream: got %s %s, want next", ev.event, ev.data)
			}
			return
		}
	}
	s.t.Fatal("the SSE subscription never became live")
}

// waitFor reads events until one is a `next` whose data contains want.
func (s *sseStream) waitFor(want string, timeout time.Duration) {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ev, ok := s.next(time.Until(deadline))
		if !ok || ev.event == "closed" {
			s.t.Fatalf("SSE stream: no event with %s within %s (got %s %v)", want, timeout, ev.event, ev.err)
		}
		if ev.event == "next" && strings.Contains(string(ev.data), want) {
			return
		}
	}
}

// wantEnded checks that the server ended the stream within timeout with an error of code
// and `complete` (code ""), or cut it without `complete` (code "cut").
func (s *sseStream) wantEnded(code string, timeout time.Duration) {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	var got []string
	for {
		ev, ok := s.next(time.Until(deadline))
		if !ok {
			s.t.Fatalf("SSE stream still open after %s (events %v)", timeout, got)
		}
		switch ev.event {
		case "next":
			got = append(got, "next:"+ev.code())
			continue
		case "complete":
			got = append(got, "complete")
			continue
		}
		// closed
		if code == "cut" {
			if ev.err == nil || strings.Contains(strings.Join(got, " "), "complete") {
				s.t.Fatalf("SSE stream ended cleanly (events %v), want it cut without complete", got)
			}
			return
		}
		want := []string{"next:" + code, "complete"}
		if len(got) < 2 || strings.Join(got[len(got)-2:], " ") != strings.Join(want, " ") {
			s.t.Fatalf("SSE stream ended with events %v (err %v), want ... %v", got, ev.err, want)
		}
		return
	}
}

func bearer(token string) http.Header { return http.Header{"Authorization": {"Bearer " + token}} }

// An applicant and a reviewer subscribed over SSE hear the decision.
func TestSSEHearsDecision(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		c, app := ts.startCase(t, "Ada", "Lovelace", "")
		submitCase(t, app, c.ID)

		mine := ts.dialSSE(t, ts.URL, caseUpdatedSub, map[string]any{"id": c.ID}, bearer(app.token))
		if ct := mine.header.Get("Content-Type"); ct != "text/event-stream" {
			t.Fatalf("Content-Type %q, want text/event-stream", ct)
		}
		mine.live(func() { rita.note(c.ID, "poke") })
		feed := ts.dialSSE(t, ts.URL, caseFeedSub, nil, rita.cookieHeader())
		feed.live(func() { rita.note(c.ID, "poke") })

		rita.mustDecideCase(map[string]any{"caseId": c.ID, "decision": "APPROVE", "expectedVersion": app.myCase().Version})
		mine.waitFor(`"status":"APPROVED"`, 5*time.Second)
		feed.waitFor(`"type":"CASE_DECIDED"`, 5*time.Second)
	})
}

// Without credentials (or with a dead token) the subscriptions are refused as over a
// WebSocket; the stream ends with the error and complete.
func TestSSERefusedWithoutAuth(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		c, _ := ts.startCase(t, "Ada", "Lovelace", "")
		ts.dialSSE(t, ts.URL, caseFeedSub, nil, nil).wantEnded("UNAUTHENTICATED", 5*time.Second)
		ts.dialSSE(t, ts.URL, caseUpdatedSub, map[string]any{"id": c.ID}, nil).wantEnded("UNAUTHENTICATED", 5*time.Second)
		ts.dialSSE(t, ts.URL, caseUpdatedSub, map[string]any{"id": c.ID}, bearer("not-a-token")).wantEnded("UNAUTHENTICATED", 5*time.Second)
		// Another applicant's token does not open this case.
		_, other := ts.startCase(t, "Eve", "Other", "")
		if code := ts.dialSSE(t, ts.URL, caseUpdatedSub, map[string]any{"id": c.ID}, bearer(other.token)); code.status == http.StatusOK {
			ev, _ := code.next(5 * time.Second)
			if ev.event != "next" || ev.code() == "" {
				t.Fatalf("another applicant's token: got %s %s, want an error", ev.event, ev.data)
			}
		}
	})
}

// Logout, deactivation and revocation end SSE streams as they close WebSockets: an error
// UNAUTHENTICATED and complete, so that clients stop instead of retrying.
func TestSSEEndsWithCredentials(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		bob := ts.addReviewer(t, "bob@example.com")
		poke := func() { ts.startCase(t, "Poke", "", "") }
		ritaFeed := ts.dialSSE(t, ts.URL, caseFeedSub, nil, rita.cookieHeader())
		ritaFeed.live(poke)
		bobFeed := ts.dialSSE(t, ts.URL, caseFeedSub, nil, bob.cookieHeader())
		bobFeed.live(poke)

		rita.mustDo(`mutation{ logout }`, nil, nil)
		ritaFeed.wantEnded("UNAUTHENTICATED", 2*time.Second)
		ts.startCase(t, "After", "Logout", "")
		bobFeed.waitFor(`"type"`, 5*time.Second) // another reviewer's stream goes on

		// Deactivation.
		admin := ts.rita(t)
		token, samID := admin.invite("sam@example.com", "REVIEWER")
		sam := ts.accept(t, token)
		samFeed := ts.dialSSE(t, ts.URL, caseFeedSub, nil, sam.cookieHeader())
		samFeed.live(poke)
		admin.mustDo(activeMutation, map[string]any{"in": map[string]any{"reviewerId": samID, "active": false}}, nil)
		samFeed.wantEnded("UNAUTHENTICATED", 2*time.Second)

		// Revocation of a case token.
		c, app := ts.startCase(t, "Rob", "Revoked", "")
		mine := ts.dialSSE(t, ts.URL, caseUpdatedSub, map[string]any{"id": c.ID}, bearer(app.token))
		mine.live(func() { admin.note(c.ID, "poke") })
		admin.mustDo(revokeMutation, map[string]any{"in": map[string]any{"caseId": c.ID}}, nil)
		mine.wantEnded("UNAUTHENTICATED", 2*time.Second)
	})
}

// SSE streams count against a case token's caps together with its WebSockets: 12 at most.
func TestSSECaps(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		c, app := ts.startCase(t, "Mary", "Jackson", "")
		vars := map[string]any{"id": c.ID}
		ws := ts.mustDialLive(t, map[string]any{"authorization": "Bearer " + app.token}, nil)
		for i := range 4 {
			ws.subscribe(string(rune('a'+i)), caseUpdatedSub, vars)
		}
		ws.sync()
		var streams []*sseStream
		for range 8 {
			s := ts.dialSSE(t, ts.URL, caseUpdatedSub, vars, bearer(app.token))
			if s.status != http.StatusOK {
				t.Fatalf("SSE stream under the cap: %d %s", s.status, s.body)
			}
			streams = append(streams, s)
		}
		over := ts.dialSSE(t, ts.URL, caseUpdatedSub, vars, bearer(app.token))
		var resp gqlResponse
		_ = json.Unmarshal(over.body, &resp)
		if over.status != http.StatusTooManyRequests || resp.code() != "RATE_LIMITED" {
			t.Fatalf("13th live operation of one token over SSE: %d %s, want 429 RATE_LIMITED", over.status, over.body)
		}
		// Ending a stream frees its place.
		streams[0].cancel()
		deadline := time.Now().Add(5 * time.Second)
		for {
			s := ts.dialSSE(t, ts.URL, caseUpdatedSub, vars, bearer(app.token))
			if s.status == http.StatusOK {
				s.cancel()
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("an ended SSE stream did not free its place within 5 s")
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}

// A draining replica cuts its SSE streams (no complete: clients reconnect elsewhere), and
// /metrics counts live streams under transport="sse".
func TestSSEDrainAndMetrics(t *testing.T) {
	ts := newTestServer(t, testDB{name: "sqlite"})
	rita := ts.rita(t)
	c, app := ts.startCase(t, "Ada", "Lovelace", "")
	mine := ts.dialSSE(t, ts.URL, caseUpdatedSub, map[string]any{"id": c.ID}, bearer(app.token))
	mine.live(func() { rita.note(c.ID, "poke") })
	anon := ts.dialSSE(t, ts.URL, `subscription{ caseFeed { id } }`, nil, nil)
	anon.wantEnded("UNAUTHENTICATED", 5*time.Second)

	_, body := ts.anon(t).get("/metrics")
	if want := `kyc_live_subscriptions{transport="sse"} 1`; !strings.Contains(string(body), want) {
		t.Fatalf("/metrics lacks %s", want)
	}
	ts.app.drain()
	mine.wantEnded("cut", 2*time.Second)
}

// A stream outlives the server's read timeout (which bounds reading a request, not a
// response that is still being written).
func TestSSEOutlivesReadTimeout(t *testing.T) {
	ts := newTestServer(t, testDB{name: "sqlite"})
	srv := httptest.NewUnstartedServer(ts.app.Handler())
	srv.Config.ReadTimeout = 200 * time.Millisecond
	srv.Start()
	t.Cleanup(srv.Close)
	rita := ts.rita(t)
	c, app := ts.startCase(t, "Ada", "Lovelace", "")
	mine := ts.dialSSE(t, srv.URL, caseUpdatedSub, map[string]any{"id": c.ID}, bearer(app.token))
	mine.live(func() { rita.note(c.ID, "poke") })
	time.Sleep(3 * srv.Config.ReadTimeout)
	rita.note(c.ID, "after the read timeout")
	if ev, ok := mine.next(5 * time.Second); !ok || ev.event != "next" {
		t.Fatalf("after the read timeout: %s %v %s, want the next event", ev.event, ev.err, ev.data)
	}
}

// The SSE transport does not take WebSocket upgrades or plain POSTs.
func TestSSEOnlyForEventStreams(t *testing.T) {
	ts := newTestServer(t, testDB{name: "sqlite"})
	ts.anon(t).mustDo(`{ workflow { id } }`, nil, nil) // plain POST: JSON
	ws := ts.mustDialLive(t, nil, nil)
	_ = ws.conn.Close(websocket.StatusNormalClosure, "")
}
