package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/openkyc/kyc-manual-review/graph"
)

// smallSendBuffers shrinks the kernel's send buffer of every accepted connection, so that a
// client that stops reading stalls the server's writes after a few KiB instead of the
// megabytes loopback allows (the same stall, reached in hundreds of events, not 13,500).
type smallSendBuffers struct{ net.Listener }

func (l smallSendBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.SetWriteBuffer(4 << 10)
	}
	return c, err
}

// dialSmall opens a TCP connection to addr whose receive buffer is small.
func dialSmall(t *testing.T, addr string) net.Conn {
	t.Helper()
	var d net.Dialer
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	_ = c.(*net.TCPConn).SetReadBuffer(1 << 10)
	t.Cleanup(func() { c.Close() })
	return c
}

// TestStalledSubscribersBlockNothing is the defect of issue 23, tried from outside: a
// reviewer's caseFeed over SSE and another over a WebSocket, whose clients never read (a
// laptop lid closed behind a proxy), while an applicant sends thousands of steps on an
// unrelated case. Every step must still answer (before the fix a step hung for good once
// the stalled feed fell behind: its stream was closed from inside the broker's delivery,
// waiting for a write that never ended), /readyz must stay ready, and logout and drain
// must not hang.
func TestStalledSubscribersBlockNothing(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		srv := httptest.NewUnstartedServer(ts.app.Handler())
		srv.Listener = smallSendBuffers{srv.Listener}
		srv.Start()
		t.Cleanup(func() { srv.CloseClientConnections(); srv.Close() })
		addr := strings.TrimPrefix(srv.URL, "http://")
		rita := ts.rita(t)
		cookie := rita.cookieHeader().Get("Cookie")

		// The stalled SSE client: sends its request, never reads a byte of the answer.
		body, _ := json.Marshal(map[string]any{"query": caseFeedSub})
		sse := dialSmall(t, addr)
		fmt.Fprintf(sse, "POST /graphql HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nCookie: %s\r\nContent-Length: %d\r\n\r\n%s",
			addr, cookie, len(body), body)

		// The stalled WebSocket client: acknowledged, subscribed, then never reads again.
		hc := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, network, a string) (net.Conn, error) {
			return dialSmall(t, a), nil
		}}}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		ws, _, err := websocket.Dial(ctx, "ws://"+addr+"/graphql", &websocket.DialOptions{
			Subprotocols: []string{"graphql-transport-ws"}, HTTPClient: hc, HTTPHeader: http.Header{"Cookie": {cookie}}})
		if err != nil {
			t.Fatalf("dial: %v", err)
		}
		t.Cleanup(func() { _ = ws.CloseNow() })
		if err := wsjson.Write(ctx, ws, map[string]any{"type": "connection_init", "payload": map[string]any{}}); err != nil {
			t.Fatal(err)
		}
		var ack wsMessage
		if err := wsjson.Read(ctx, ws, &ack); err != nil || ack.Type != "connection_ack" {
			t.Fatalf("connection_init: %+v %v", ack, err)
		}
		if err := wsjson.Write(ctx, ws, map[string]any{"id": "feed", "type": "subscribe", "payload": map[string]any{"query": caseFeedSub}}); err != nil {
			t.Fatal(err)
		}

		// Both subscriptions are live before the load starts: each has delivered an event
		// (poked by new cases until it does), and is never read again.
		sseLines := bufio.NewReader(sse)
		heard := func(read func() (bool, error)) {
			t.Helper()
			for range 50 {
				ts.startCase(t, "Poke", "", "")
				ok, err := read()
				if ok {
					return
				}
				if err != nil && !errors.Is(err, os.ErrDeadlineExceeded) && !errors.Is(err, context.DeadlineExceeded) {
					t.Fatalf("before the stall: %v", err)
				}
			}
			t.Fatal("a stalled client's subscription never became live")
		}
		heard(func() (bool, error) { // SSE: an `event: next` line
			_ = sse.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
			for {
				line, err := sseLines.ReadString('\n')
				if err != nil {
					return false, err
				}
				if strings.TrimSpace(line) == "event: next" {
					return true, nil
				}
			}
		})
		heard(func() (bool, error) { // WebSocket: a `next` message
			rctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
			defer cancel()
			var m wsMessage
			if err := wsjson.Read(rctx, ws, &m); err != nil {
				return false, err
			}
			return m.Type == "next", nil
		})

		// Thousands of steps on an unrelated case, each bounded: a step that hangs fails the
		// test instead of hanging it (the bound is a hang detector, far above a step's time).
		c, app := ts.startCase(t, "Una", "Related", "")
		app.http.Timeout = 20 * time.Second
		steps := 1500
		if testing.Short() {
			steps = 600
		}
		for i := range steps {
			ev := "USER_NEXT_STEP"
			if i%2 == 1 {
				ev = "USER_PREV_STEP"
			}
			if r := app.sendEvent(c.ID, ev, ""); len(r.Errors) > 0 {
				t.Fatalf("step %d (%s): %+v", i, ev, r.Errors)
			}
		}

		// The publish path is not stuck: /readyz answers ready.
		resp, err := http.Get(srv.URL + "/readyz")
		if err != nil {
			t.Fatalf("/readyz: %v", err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("/readyz after the load: %d, want 200", resp.StatusCode)
		}

		// Logout and drain end (they close sockets, never waiting on a stalled write).
		done := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			rita.http.Timeout = 20 * time.Second
			rita.mustDo(`mutation{ logout }`, nil, nil)
			ts.app.drain()
		}()
		go func() { wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Fatal("logout and drain hung behind the stalled clients")
		}
	})
}

// blockingBroker holds every Publish until released: a publish path that is stuck.
type blockingBroker struct {
	graph.Broker
	entered chan struct{} // told when a Publish starts waiting
	release chan struct{}
}

func (b blockingBroker) Publish(ctx context.Context, n graph.Notice) error {
	b.entered <- struct{}{}
	<-b.release
	return b.Broker.Publish(ctx, n)
}

// A replica whose publish path is stuck stays alive (/livez) but is taken out of the load
// balancer (/readyz 503) until the publish goes through.
func TestReadyzSeesAStuckPublish(t *testing.T) {
	entered, release := make(chan struct{}, 1), make(chan struct{})
	ts := newTestServerWith(t, testDB{name: "sqlite"}, func(a *app) {
		a.res.Broker = blockingBroker{Broker: a.res.Broker, entered: entered, release: release}
		a.stuckAfter = 0 // stuck as soon as a publish waits: no clock in the test
	})
	status := func(path string) int {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := status("/readyz"); got != http.StatusOK {
		t.Fatalf("/readyz before: %d", got)
	}
	answered := make(chan struct{})
	go func() {
		defer close(answered)
		ts.anon(t).do(`mutation{ startCase(input:{firstName:"Stuck"}){ token } }`, nil)
	}()
	<-entered // the mutation committed and its publish waits
	if got := status("/readyz"); got != http.StatusServiceUnavailable {
		t.Fatalf("/readyz while a publish is stuck: %d, want 503", got)
	}
	if got := status("/livez"); got != http.StatusOK {
		t.Fatalf("/livez while stuck: %d, want 200 (alive)", got)
	}
	close(release)
	<-answered // the publish went through: the mutation answers after it
	if got := status("/readyz"); got != http.StatusOK {
		t.Fatalf("/readyz once the publish went through: %d, want 200", got)
	}
}
