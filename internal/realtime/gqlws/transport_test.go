package gqlws_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/coder/websocket"

	"github.com/openkyc/kyc-manual-review/internal/realtime/gqlws"
)

// serve runs the test schema behind tr, with gqlgen's own WebSocket transport after it for
// legacy clients, as the server does.
func serve(t *testing.T, tr gqlws.Transport) (*testSchema, string) {
	t.Helper()
	s := newTestSchema()
	srv := handler.New(s)
	srv.SetRecoverFunc(func(_ context.Context, p any) error { return fmt.Errorf("recovered: %v", p) })
	srv.AddTransport(tr)
	srv.AddTransport(transport.Websocket{})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	return s, "ws" + strings.TrimPrefix(hs.URL, "http")
}

// next returns the next stream the resolvers opened.
func (s *testSchema) next(t *testing.T) *feed {
	t.Helper()
	select {
	case f := <-s.feeds:
		return f
	case <-time.After(5 * time.Second):
		t.Fatal("no subscription reached its resolver")
		return nil
	}
}

type msg struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

type client struct {
	t *testing.T
	c *websocket.Conn
}

func dial(t *testing.T, url string, subprotocols ...string) *client {
	t.Helper()
	if subprotocols == nil {
		subprotocols = []string{gqlws.Subprotocol}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: subprotocols})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { _ = c.CloseNow() })
	return &client{t: t, c: c}
}

// ack dials and completes connection_init.
func ack(t *testing.T, url string) *client {
	t.Helper()
	c := dial(t, url)
	c.send(msg{Type: "connection_init"})
	if m := c.read(); m.Type != "connection_ack" {
		t.Fatalf("connection_init: got %+v, want connection_ack", m)
	}
	return c
}

func (c *client) send(m msg) {
	c.t.Helper()
	b, _ := json.Marshal(m)
	c.sendRaw(string(b))
}

func (c *client) sendRaw(s string) {
	c.t.Helper()
	if err := c.c.Write(context.Background(), websocket.MessageText, []byte(s)); err != nil {
		c.t.Fatalf("write %s: %v", s, err)
	}
}

func (c *client) subscribe(id, query string) {
	c.t.Helper()
	p, _ := json.Marshal(map[string]any{"query": query})
	c.send(msg{ID: id, Type: "subscribe", Payload: p})
}

func (c *client) read() msg {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, b, err := c.c.Read(ctx)
	if err != nil {
		c.t.Fatalf("read: %v", err)
	}
	var m msg
	if err := json.Unmarshal(b, &m); err != nil {
		c.t.Fatalf("read %s: %v", b, err)
	}
	return m
}

// want reads the next message and checks its type, id and, if payload is not empty, payload.
func (c *client) want(typ, id, payload string) msg {
	c.t.Helper()
	m := c.read()
	if m.Type != typ || m.ID != id || (payload != "" && string(m.Payload) != payload) {
		c.t.Fatalf("got %+v (payload %s), want %s %q %s", m, m.Payload, typ, id, payload)
	}
	return m
}

// quiet checks that nothing else is pending: a ping's pong is the next message.
func (c *client) quiet() {
	c.t.Helper()
	c.send(msg{Type: "ping", Payload: json.RawMessage(`{"quiet":true}`)})
	c.want("pong", "", `{"quiet":true}`)
}

// closed reads until the server closes and returns the close code and reason.
func (c *client) closed() (websocket.StatusCode, string) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for {
		_, b, err := c.c.Read(ctx)
		if err == nil {
			c.t.Logf("before close: %s", b)
			continue
		}
		var ce websocket.CloseError
		if !errors.As(err, &ce) {
			c.t.Fatalf("read: %v, want a close frame", err)
		}
		return ce.Code, ce.Reason
	}
}

func (c *client) wantClose(code websocket.StatusCode, reason string) {
	c.t.Helper()
	got, why := c.closed()
	if got != code || (reason != "" && why != reason) {
		c.t.Fatalf("closed with %d %q, want %d %q", got, why, code, reason)
	}
}

func waitEnded(t *testing.T, f *feed) {
	t.Helper()
	select {
	case <-f.ended:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s: the resolver's context was not cancelled", f.field)
	}
}

func TestConnectionInitAck(t *testing.T) {
	var got map[string]any
	_, url := serve(t, gqlws.Transport{InitFunc: func(ctx context.Context, p map[string]any) (context.Context, error) {
		got = p
		return ctx, nil
	}})
	c := dial(t, url)
	c.send(msg{Type: "connection_init", Payload: json.RawMessage(`{"authorization":"Bearer x"}`)})
	c.want("connection_ack", "", "")
	if got["authorization"] != "Bearer x" {
		t.Fatalf("InitFunc got %v", got)
	}
	c.send(msg{Type: "ping", Payload: json.RawMessage(`{"n":1}`)})
	c.want("pong", "", `{"n":1}`)
	c.send(msg{Type: "pong"}) // ignored
	c.send(msg{Type: "ping"})
	if m := c.want("pong", "", ""); m.Payload != nil {
		t.Fatalf("pong to a ping without payload carries %s", m.Payload)
	}
}

func TestInitContextReachesResolvers(t *testing.T) {
	type key struct{}
	s, url := serve(t, gqlws.Transport{InitFunc: func(ctx context.Context, p map[string]any) (context.Context, error) {
		return context.WithValue(ctx, key{}, p["who"]), nil
	}})
	c := dial(t, url)
	c.send(msg{Type: "connection_init", Payload: json.RawMessage(`{"who":"rita"}`)})
	c.want("connection_ack", "", "")
	c.subscribe("1", "subscription { ticks }")
	if who := s.next(t).ctx.Value(key{}); who != "rita" {
		t.Fatalf("resolver's context holds %v, want rita", who)
	}
}

func TestCloseCodes(t *testing.T) {
	refuse := func(ctx context.Context, p map[string]any) (context.Context, error) {
		if p["token"] != "ok" {
			return ctx, errors.New("bad token")
		}
		return ctx, nil
	}
	tests := []struct {
		name   string
		tr     gqlws.Transport
		run    func(c *client)
		code   websocket.StatusCode
		reason string
	}{
		{"init refused", gqlws.Transport{InitFunc: refuse}, func(c *client) {
			c.send(msg{Type: "connection_init", Payload: json.RawMessage(`{"token":"no"}`)})
		}, 4403, "Forbidden"},
		{"init panics", gqlws.Transport{InitFunc: func(context.Context, map[string]any) (context.Context, error) {
			panic("boom")
		}}, func(c *client) {
			c.send(msg{Type: "connection_init"})
		}, 4500, "Internal server error"},
		{"no init in time", gqlws.Transport{InitTimeout: 50 * time.Millisecond}, func(c *client) {}, 4408, "Connection initialisation timeout"},
		{"second init", gqlws.Transport{}, func(c *client) {
			c.send(msg{Type: "connection_init"})
			c.want("connection_ack", "", "")
			c.send(msg{Type: "connection_init"})
		}, 4429, "Too many initialisation requests"},
		{"subscribe before ack", gqlws.Transport{}, func(c *client) {
			c.subscribe("1", "{ hello }")
		}, 4401, "Unauthorized"},
		{"duplicate id", gqlws.Transport{}, func(c *client) {
			c.send(msg{Type: "connection_init"})
			c.want("connection_ack", "", "")
			c.subscribe("a", "subscription { ticks }")
			c.subscribe("a", "subscription { ticks }")
		}, 4409, "Subscriber for a already exists"},
		{"not JSON", gqlws.Transport{}, func(c *client) { c.sendRaw("{") }, 4400, ""},
		{"unknown type", gqlws.Transport{}, func(c *client) { c.sendRaw(`{"type":"start"}`) }, 4400, ""},
		{"server message from client", gqlws.Transport{}, func(c *client) {
			c.send(msg{Type: "connection_init"})
			c.want("connection_ack", "", "")
			c.sendRaw(`{"type":"next","id":"1","payload":{}}`)
		}, 4400, ""},
		{"subscribe without id", gqlws.Transport{}, func(c *client) {
			c.send(msg{Type: "connection_init"})
			c.want("connection_ack", "", "")
			c.sendRaw(`{"type":"subscribe","payload":{"query":"{ hello }"}}`)
		}, 4400, ""},
		{"subscribe without query", gqlws.Transport{}, func(c *client) {
			c.send(msg{Type: "connection_init"})
			c.want("connection_ack", "", "")
			c.sendRaw(`{"type":"subscribe","id":"1","payload":{"variables":{}}}`)
		}, 4400, ""},
		{"init payload not an object", gqlws.Transport{}, func(c *client) {
			c.sendRaw(`{"type":"connection_init","payload":[1]}`)
		}, 4400, ""},
		{"binary message", gqlws.Transport{}, func(c *client) {
			if err := c.c.Write(context.Background(), websocket.MessageBinary, []byte(`{"type":"ping"}`)); err != nil {
				t.Fatal(err)
			}
		}, 4400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, url := serve(t, tt.tr)
			c := dial(t, url)
			tt.run(c)
			c.wantClose(tt.code, tt.reason)
		})
	}
}

func TestInitInTime(t *testing.T) {
	// A client that sends connection_init in time is not closed by the init timer later.
	_, url := serve(t, gqlws.Transport{InitTimeout: 100 * time.Millisecond})
	c := ack(t, url)
	time.Sleep(200 * time.Millisecond)
	c.quiet()
}

func TestQueryOverSocket(t *testing.T) {
	_, url := serve(t, gqlws.Transport{})
	c := ack(t, url)
	c.subscribe("q", "{ hello }")
	c.want("next", "q", `{"data":{"hello":"world"}}`)
	c.want("complete", "q", "")
	// The id is free again.
	c.subscribe("q", "query Named { greeting: hello }")
	c.want("next", "q", `{"data":{"greeting":"world"}}`)
	c.want("complete", "q", "")
}

func TestOperationErrors(t *testing.T) {
	_, url := serve(t, gqlws.Transport{})
	c := ack(t, url)
	for _, q := range []string{"{ nope }", "subscription { ticks legacy }", "{", "mutation { x }"} {
		c.subscribe("e", q)
		m := c.want("error", "e", "")
		var errs []struct{ Message string }
		if err := json.Unmarshal(m.Payload, &errs); err != nil || len(errs) == 0 || errs[0].Message == "" {
			t.Fatalf("%s: error payload %s, want a list of GraphQL errors", q, m.Payload)
		}
	}
	c.quiet()
}

func TestNotifyDrivenSubscription(t *testing.T) {
	s, url := serve(t, gqlws.Transport{})
	c := ack(t, url)
	c.subscribe("t", "subscription { ticks }")
	f := s.next(t)
	if f.notify == nil {
		t.Fatal("gqlws.Ready returned nil inside the transport")
	}
	for i := 1; i <= 3; i++ {
		f.send(i)
		c.want("next", "t", fmt.Sprintf(`{"data":{"ticks":%d}}`, i))
	}
	f.send(13) // data and an error: next, and the subscription goes on
	m := c.want("next", "t", "")
	var p struct {
		Data   struct{ Ticks int }
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(m.Payload, &p); err != nil || p.Data.Ticks != 13 || len(p.Errors) != 1 || p.Errors[0].Message != "unlucky" {
		t.Fatalf("next with an error: %s", m.Payload)
	}
	f.close()
	c.want("complete", "t", "")
	waitEnded(t, f) // the transport ends the operation's context once the stream is done
	f.notify()      // a stray notify after the end is harmless
	// The id is free again.
	c.subscribe("t", "subscription { ticks }")
	f = s.next(t)
	f.send(7)
	c.want("next", "t", `{"data":{"ticks":7}}`)
}

func TestNotifyWhileResolverRuns(t *testing.T) {
	// Values put (and notified) before the resolver returned are delivered once it has.
	s, url := serve(t, gqlws.Transport{})
	c := ack(t, url)
	c.subscribe("e", "subscription { eager }")
	f := s.next(t)
	c.want("next", "e", `{"data":{"eager":1}}`)
	c.want("next", "e", `{"data":{"eager":2}}`)
	f.send(3)
	c.want("next", "e", `{"data":{"eager":3}}`)
}

func TestClientCompleteCancelsResolver(t *testing.T) {
	s, url := serve(t, gqlws.Transport{})
	c := ack(t, url)
	c.subscribe("t", "subscription { ticks }")
	ft := s.next(t)
	c.subscribe("l", "subscription { legacy }")
	fl := s.next(t)
	c.send(msg{Type: "complete", ID: "t"})
	waitEnded(t, ft)
	c.send(msg{Type: "complete", ID: "l"})
	waitEnded(t, fl)
	ft.notify() // after the client's complete nothing is sent
	c.send(msg{Type: "complete", ID: "unknown"})
	c.quiet()
}

func TestConnectionCloseCancelsEverything(t *testing.T) {
	s, url := serve(t, gqlws.Transport{})
	c := ack(t, url)
	var feeds []*feed
	for i, q := range []string{"subscription { ticks }", "subscription { legacy }", "subscription { ticks }"} {
		c.subscribe(fmt.Sprint(i), q)
		feeds = append(feeds, s.next(t))
	}
	_ = c.c.Close(websocket.StatusNormalClosure, "")
	for _, f := range feeds {
		waitEnded(t, f)
	}

	// And when the server closes it (here: a protocol error).
	c = ack(t, url)
	c.subscribe("x", "subscription { ticks }")
	f := s.next(t)
	c.sendRaw("garbage")
	c.wantClose(4400, "")
	waitEnded(t, f)
}

func TestFallbackSubscription(t *testing.T) {
	s, url := serve(t, gqlws.Transport{})
	c := ack(t, url)
	c.subscribe("l", "subscription { legacy }")
	f := s.next(t)
	if f.notify != nil {
		t.Fatal("legacy resolver has a notify")
	}
	for i := 1; i <= 3; i++ {
		f.send(i)
		c.want("next", "l", fmt.Sprintf(`{"data":{"legacy":%d}}`, i))
	}
	f.close()
	c.want("complete", "l", "")
	waitEnded(t, f)
}

func TestResolverErrors(t *testing.T) {
	_, url := serve(t, gqlws.Transport{})
	c := ack(t, url)
	for _, tc := range []struct{ field, message string }{
		{"denied", "denied"},
		{"readyThenFail", "failed after Ready"},
	} {
		for round := 0; round < 2; round++ { // the id is free again after an error
			c.subscribe("s", "subscription { "+tc.field+" }")
			m := c.want("error", "s", "")
			var errs []struct {
				Message string
				Path    []string
			}
			if err := json.Unmarshal(m.Payload, &errs); err != nil || len(errs) != 1 || errs[0].Message != tc.message || errs[0].Path[0] != tc.field {
				t.Fatalf("%s: error payload %s", tc.field, m.Payload)
			}
		}
	}
	c.quiet()
}

func TestPanicWhileDelivering(t *testing.T) {
	s, url := serve(t, gqlws.Transport{})
	c := ack(t, url)
	c.subscribe("p", "subscription { ticks }")
	f := s.next(t)
	f.send(1)
	c.want("next", "p", `{"data":{"ticks":1}}`)
	f.send(-1) // the marshaler panics; the error comes through the executor's RecoverFunc
	c.want("error", "p", `[{"message":"recovered: negative tick"}]`)
	waitEnded(t, f)
	c.quiet() // the connection survives
}

// Many subscriptions on one connection, each fed by its own producer while the others run:
// every subscription gets its values exactly once and in order, then complete.
func TestOrderUnderConcurrentNotifies(t *testing.T) {
	const subs, values = 20, 300
	s, url := serve(t, gqlws.Transport{})
	c := ack(t, url)
	feeds := map[string]*feed{}
	for i := range subs {
		id := fmt.Sprint(i)
		c.subscribe(id, "subscription { ticks }")
		f := s.next(t)
		feeds[id] = f
	}
	var wg sync.WaitGroup
	for _, f := range feeds {
		wg.Go(func() {
			for v := range values {
				f.send(2 * v) // never 13, which comes with an error
			}
			f.close()
		})
	}
	next := map[string]int{}
	completed := 0
	for completed < subs {
		m := c.read()
		switch m.Type {
		case "next":
			want := fmt.Sprintf(`{"data":{"ticks":%d}}`, 2*next[m.ID])
			if string(m.Payload) != want {
				t.Fatalf("subscription %s: got %s, want %s", m.ID, m.Payload, want)
			}
			next[m.ID]++
		case "complete":
			if next[m.ID] != values {
				t.Fatalf("subscription %s completed after %d values, want %d", m.ID, next[m.ID], values)
			}
			completed++
		default:
			t.Fatalf("got %+v", m)
		}
	}
	wg.Wait()
}

// Between events a notify-driven subscription holds no goroutine; a fallback one holds one.
func TestNoGoroutinePerSubscription(t *testing.T) {
	const n = 200
	s, url := serve(t, gqlws.Transport{})
	c := ack(t, url)
	c.quiet()
	settle := func() int {
		// Goroutines that delivered or dispatched may still be on their way out.
		best := runtime.NumGoroutine()
		for range 50 {
			time.Sleep(10 * time.Millisecond)
			best = min(best, runtime.NumGoroutine())
		}
		return best
	}
	before := settle()
	var feeds []*feed
	for i := range n {
		c.subscribe(fmt.Sprint(i), "subscription { ticks }")
		feeds = append(feeds, s.next(t))
	}
	for i, f := range feeds {
		f.send(i)
	}
	for range n {
		c.read()
	}
	if after := settle(); after-before > 10 {
		t.Fatalf("%d idle notify-driven subscriptions: %d → %d goroutines", n, before, after)
	}
	for i := range n {
		c.subscribe(fmt.Sprint("l", i), "subscription { legacy }")
		s.next(t)
	}
	if after := settle(); after-before < n {
		t.Fatalf("%d fallback subscriptions: %d → %d goroutines, want one each", n, before, after)
	}
}

func TestKeepAlive(t *testing.T) {
	_, url := serve(t, gqlws.Transport{KeepAlive: 20 * time.Millisecond})
	c := ack(t, url)
	for range 5 {
		if m := c.read(); m.Type != "ping" {
			t.Fatalf("got %+v, want ping", m)
		}
		c.send(msg{Type: "pong"})
	}
}

// A client that stops answering pings (a phone gone without closing) is closed.
func TestNoPongCloses(t *testing.T) {
	_, url := serve(t, gqlws.Transport{KeepAlive: 20 * time.Millisecond})
	c := ack(t, url)
	c.wantClose(websocket.StatusGoingAway, "No pong received")
}

func TestSupports(t *testing.T) {
	for _, tc := range []struct {
		upgrade, protocols string
		want               bool
	}{
		{"websocket", "graphql-transport-ws", true},
		{"WebSocket", "graphql-ws, graphql-transport-ws", true},
		{"websocket", "graphql-ws", false},
		{"websocket", "", false},
		{"", "graphql-transport-ws", false},
	} {
		r := httptest.NewRequest(http.MethodGet, "/graphql", nil)
		if tc.upgrade != "" {
			r.Header.Set("Upgrade", tc.upgrade)
		}
		if tc.protocols != "" {
			r.Header.Set("Sec-WebSocket-Protocol", tc.protocols)
		}
		if got := (gqlws.Transport{}).Supports(r); got != tc.want {
			t.Errorf("Upgrade %q, protocols %q: Supports %v, want %v", tc.upgrade, tc.protocols, got, tc.want)
		}
	}
}

func TestLegacyClientsGoToGqlgen(t *testing.T) {
	_, url := serve(t, gqlws.Transport{})
	c := dial(t, url, "graphql-ws")
	if p := c.c.Subprotocol(); p != "graphql-ws" {
		t.Fatalf("negotiated %q, want graphql-ws (gqlgen's transport)", p)
	}
	c.send(msg{Type: "connection_init"})
	c.want("connection_ack", "", "")
}

func TestOriginPatterns(t *testing.T) {
	_, url := serve(t, gqlws.Transport{OriginPatterns: []string{"app.example"}})
	for origin, ok := range map[string]bool{"https://app.example": true, "https://evil.example": false} {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		c, resp, err := websocket.Dial(ctx, url, &websocket.DialOptions{
			Subprotocols: []string{gqlws.Subprotocol},
			HTTPHeader:   http.Header{"Origin": {origin}},
		})
		cancel()
		if ok != (err == nil) {
			t.Fatalf("origin %s: err %v", origin, err)
		}
		if err == nil {
			_ = c.CloseNow()
		} else if resp.StatusCode != http.StatusForbidden {
			t.Fatalf("origin %s: status %d, want 403", origin, resp.StatusCode)
		}
	}
}

// A client may send its first frames right behind the upgrade request, before the server's
// response: they must survive the swap of net/http's buffers.
func TestFramesRightBehindTheUpgrade(t *testing.T) {
	_, url := serve(t, gqlws.Transport{})
	nc, err := net.Dial("tcp", strings.TrimPrefix(url, "ws://"))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	_ = nc.SetDeadline(time.Now().Add(5 * time.Second))
	req := "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
		"Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n"
	frame := func(payload string) []byte { // a masked text frame, as clients send
		key := []byte{1, 2, 3, 4}
		b := []byte{0x81, 0x80 | byte(len(payload))}
		b = append(b, key...)
		for i := range len(payload) {
			b = append(b, payload[i]^key[i%4])
		}
		return b
	}
	out := append([]byte(req), frame(`{"type":"connection_init"}`)...)
	out = append(out, frame(`{"type":"ping","payload":{"early":1}}`)...)
	if _, err := nc.Write(out); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(nc)
	resp, err := http.ReadResponse(br, nil) //nolint:bodyclose // a 101 has no body: the frames follow on br
	if err != nil || resp.StatusCode != http.StatusSwitchingProtocols {
		t.Fatalf("upgrade: %v %v", resp, err)
	}
	for _, want := range []string{`{"type":"connection_ack"}`, `{"type":"pong","payload":{"early":1}}`} {
		h := make([]byte, 2)
		if _, err := io.ReadFull(br, h); err != nil {
			t.Fatal(err)
		}
		p := make([]byte, h[1]&0x7f)
		if _, err := io.ReadFull(br, p); err != nil {
			t.Fatal(err)
		}
		if string(p) != want {
			t.Fatalf("got %s, want %s", p, want)
		}
	}
}

// Messages larger than the connection's buffers pass in both directions.
func TestMessagesLargerThanBuffers(t *testing.T) {
	_, url := serve(t, gqlws.Transport{ReadBufferSize: 64, WriteBufferSize: 64})
	c := ack(t, url)
	var q, want strings.Builder
	q.WriteString("{")
	want.WriteString(`{"data":{`)
	for i := range 500 {
		fmt.Fprintf(&q, " f%d: hello", i)
		if i > 0 {
			want.WriteString(",")
		}
		fmt.Fprintf(&want, `"f%d":"world"`, i)
	}
	q.WriteString(" }")
	want.WriteString("}}")
	c.subscribe("big", q.String())
	c.want("next", "big", want.String())
	c.want("complete", "big", "")
}

func TestContextFunc(t *testing.T) {
	type key struct{}
	var initSaw any
	s, url := serve(t, gqlws.Transport{
		Context: func(r *http.Request) context.Context {
			return context.WithValue(context.Background(), key{}, r.Header.Get("X-Caller"))
		},
		InitFunc: func(ctx context.Context, p map[string]any) (context.Context, error) {
			initSaw = ctx.Value(key{})
			return ctx, nil
		},
	})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{
		Subprotocols: []string{gqlws.Subprotocol},
		HTTPHeader:   http.Header{"X-Caller": {"rita"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ws.CloseNow() })
	c := &client{t: t, c: ws}
	c.send(msg{Type: "connection_init"})
	c.want("connection_ack", "", "")
	c.subscribe("1", "subscription { ticks }")
	if got := s.next(t).ctx.Value(key{}); got != "rita" || initSaw != "rita" {
		t.Fatalf("InitFunc saw %v, the resolver %v; want rita from the Context function", initSaw, got)
	}
}
