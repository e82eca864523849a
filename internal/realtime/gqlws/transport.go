// Package gqlws is a gqlgen transport for the graphql-transport-ws protocol
// (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md) built to hold many idle
// subscriptions. A connection keeps one goroutine parked in Read (4 KB of stack), the
// websocket.Conn with small buffers, and a map of its subscriptions; a subscription keeps no
// goroutine between events: its resolver calls Ready, then tells the transport when a value
// waits on its channel, and a short-lived goroutine delivers it. Everything else (handling a
// message, starting an operation) runs in short-lived goroutines too, so that the stacks it
// grows are not kept.
package gqlws

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unique"

	"github.com/99designs/gqlgen/graphql"
	"github.com/coder/websocket"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/openkyc/kyc-manual-review/internal/realtime/live"
)

// Subprotocol is the WebSocket subprotocol this transport speaks.
const Subprotocol = "graphql-transport-ws"

// The protocol's close codes.
const (
	closeBadRequest      websocket.StatusCode = 4400
	closeUnauthorized    websocket.StatusCode = 4401
	closeForbidden       websocket.StatusCode = 4403
	closeInitTimeout     websocket.StatusCode = 4408
	closeSubscriberTaken websocket.StatusCode = 4409
	closeTooManyInits    websocket.StatusCode = 4429
	closeInternalError   websocket.StatusCode = 4500
)

// Close codes a server may end a connection with through Conn.Close.
const (
	// CloseUnauthorized (4401): the credentials the connection was opened with are no
	// longer valid (the session ended). graphql-ws clients do not retry it.
	CloseUnauthorized = closeUnauthorized
	// CloseTryAgainLater (1013): the server dropped something it owed the client (a
	// subscriber fell behind). Clients reconnect, subscribe again and re-fetch.
	CloseTryAgainLater = websocket.StatusTryAgainLater
)

// Defaults for the zero values of Transport's fields.
const (
	defaultInitTimeout  = 10 * time.Second
	defaultWriteTimeout = 10 * time.Second
	defaultReadLimit    = 64 << 10
	defaultReadBuffer   = 1 << 10
	defaultWriteBuffer  = 2 << 10
)

// Transport serves GraphQL over graphql-transport-ws. It claims only upgrade requests that
// offer that subprotocol; a server that also registers gqlgen's transport.Websocket after it
// serves the legacy graphql-ws protocol there, without Admit's caps.
type Transport struct {
	// InitFunc checks connection_init's payload and returns the connection's context; an
	// error closes the connection with 4403 Forbidden. nil accepts every connection. The
	// context it gets holds the connection (ConnFrom) and ends when the connection does.
	InitFunc func(ctx context.Context, payload map[string]any) (context.Context, error)
	// Admit, when set, is asked before each operation of an acknowledged connection starts,
	// with the connection's context (InitFunc's). An error refuses that operation with an
	// error message for its id, presented as the executor presents errors; the connection
	// and its other operations go on. release, when not nil, is called once the operation
	// has ended, before the client can learn that it did.
	Admit func(ctx context.Context) (release func(), err error)
	// InitTimeout is how long a client has to send connection_init before it is closed with
	// 4408 (default 10 s).
	InitTimeout time.Duration
	// KeepAlive is the interval of the server's pings once the connection is acknowledged;
	// 0 sends none. The protocol has clients answer each ping with a pong: a connection that
	// sent nothing for two intervals is closed (a peer gone without closing, as phones do).
	KeepAlive time.Duration
	// WriteTimeout bounds each write: a client that does not read for that long is
	// disconnected (default 10 s).
	WriteTimeout time.Duration
	// ReadLimit is the largest message a client may send, in bytes (default 64 KiB).
	ReadLimit int64
	// ReadBufferSize and WriteBufferSize size each connection's buffers (default 1 KiB and
	// 2 KiB, instead of the 4 KiB each that net/http holds for a request). Clients send few
	// and small messages, and a message larger than a buffer passes it by, so small buffers
	// cost at most a system call more on a large message and save memory on every connection.
	ReadBufferSize, WriteBufferSize int
	// OriginPatterns are the other origins' hosts allowed to connect, as in
	// websocket.AcceptOptions; same-origin requests are always allowed.
	OriginPatterns []string
	// Context gives a connection its context, which InitFunc then extends. nil: the upgrade
	// request's context (without its cancellation), and the request's headers go to
	// OperationContext.Headers. The connection holds its context while it is open, and with
	// it everything the context refers to: a function that copies only what the resolvers
	// need (the caller) lets the upgrade request go.
	Context func(r *http.Request) context.Context
}

var _ graphql.Transport = Transport{}

// InitError lets InitFunc choose how a refused connection closes instead of 4403 Forbidden:
// e.g. 1013 Try Again Later when the caller could not be checked (clients retry that).
type InitError struct {
	Code   websocket.StatusCode
	Reason string
}

func (e *InitError) Error() string { return e.Reason }

// Supports claims WebSocket upgrades that offer graphql-transport-ws.
func (t Transport) Supports(r *http.Request) bool {
	return hasToken(r.Header, "Upgrade", "websocket") && hasToken(r.Header, "Sec-WebSocket-Protocol", Subprotocol)
}

func hasToken(h http.Header, key, token string) bool {
	for _, v := range h.Values(key) {
		for s := range strings.SplitSeq(v, ",") {
			if strings.EqualFold(strings.TrimSpace(s), token) {
				return true
			}
		}
	}
	return false
}

// Do upgrades the request and returns: the connection is read by a goroutine of its own, so
// that net/http's serving goroutine, whose stack grew in the middleware, ends (reading in
// that goroutine instead cost 8.5 KB more per connection in benchmark figure 3).
func (t Transport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	w = sizedBuffers{w, orDefault(t.ReadBufferSize, defaultReadBuffer), orDefault(t.WriteBufferSize, defaultWriteBuffer)}
	ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{
		Subprotocols:    []string{Subprotocol},
		OriginPatterns:  t.OriginPatterns,
		CompressionMode: websocket.CompressionDisabled,
	})
	if err != nil {
		return // Accept has answered the request
	}
	if !strings.EqualFold(ws.Subprotocol(), Subprotocol) {
		_ = ws.Close(websocket.StatusProtocolError, "the "+Subprotocol+" subprotocol is required")
		return
	}
	if t.InitTimeout <= 0 {
		t.InitTimeout = defaultInitTimeout
	}
	if t.WriteTimeout <= 0 {
		t.WriteTimeout = defaultWriteTimeout
	}
	if t.ReadLimit <= 0 {
		t.ReadLimit = defaultReadLimit
	}
	ws.SetReadLimit(t.ReadLimit)
	c := &conn{t: t, ws: ws, exec: exec, subs: map[string]*subscription{}}
	var base context.Context
	if t.Context != nil {
		base = t.Context(r)
	} else {
		// The request's context ends when Do returns; the connection keeps its values (the
		// caller the middleware authenticated), and so the request.
		base = context.WithoutCancel(r.Context())
		c.headers = r.Header
	}
	base, c.cancel = context.WithCancel(base)
	c.ctx = context.WithValue(base, connKey{}, Conn{c})
	c.ctx = live.WithRetry(c.ctx, func(why string) { Conn{c}.Close(CloseTryAgainLater, why) })
	c.mu.Lock()
	c.initTimer = time.AfterFunc(t.InitTimeout, func() {
		c.close(closeInitTimeout, "Connection initialisation timeout")
	})
	c.mu.Unlock()
	go c.read()
}

// conn is one client connection.
type conn struct {
	t       Transport
	ws      *websocket.Conn
	exec    graphql.GraphExecutor
	headers http.Header

	cancel context.CancelFunc // ends the connection's context, at shutdown

	// Owned by the handling of messages, which is one at a time.
	ctx      context.Context // after the ack: InitFunc's context
	initSeen bool
	acked    bool

	lastRead atomic.Int64 // when the last message arrived, in Unix nanoseconds

	mu        sync.Mutex
	closed    bool
	subs      map[string]*subscription // what the connection's end stops
	initTimer *time.Timer              // nil once connection_init came
	pingTimer *time.Timer
}

// clientMessage is a message from the client; what payload holds depends on the type.
type clientMessage struct {
	Type    string          `json:"type"`
	ID      string          `json:"id"`
	Payload json.RawMessage `json:"payload"`
}

// subscribePayload is the payload of subscribe.
type subscribePayload struct {
	Query         *string        `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
	Extensions    map[string]any `json:"extensions"`
}

func (c *conn) read() {
	for {
		typ, b, err := c.ws.Read(context.Background())
		if err != nil {
			// The client left, the network failed, or we closed the connection.
			c.shutdown()
			_ = c.ws.CloseNow()
			return
		}
		received := graphql.Now()
		c.lastRead.Store(received.UnixNano())
		if typ != websocket.MessageText {
			c.close(closeBadRequest, "Invalid message received")
			return
		}
		// The message is handled in a goroutine of its own, one at a time: decoding JSON
		// (and InitFunc's database query, say) grows a stack to 8 KB or more, and the read
		// goroutine, parked between messages for the life of the connection, would keep
		// that; parked in Read alone, it keeps 4 KB.
		open := make(chan bool, 1)
		go func() {
			defer func() {
				if r := recover(); r != nil { // InitFunc's
					_ = presentPanic(c.ctx, c.exec, r) // the executor's RecoverFunc logs it
					open <- c.close(closeInternalError, "Internal server error")
				}
			}()
			open <- c.handle(b, received)
		}()
		if !<-open {
			return
		}
	}
}

// handle acts on one message and reports whether the connection stays open.
func (c *conn) handle(b []byte, received time.Time) bool {
	var m clientMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return c.close(closeBadRequest, "Invalid message received")
	}
	switch m.Type {
	case "connection_init":
		return c.init(m.Payload)
	case "subscribe":
		if !c.acked {
			return c.close(closeUnauthorized, "Unauthorized")
		}
		var p subscribePayload
		if m.ID == "" || json.Unmarshal(m.Payload, &p) != nil || p.Query == nil {
			return c.close(closeBadRequest, "Invalid message received")
		}
		return c.subscribe(m.ID, &graphql.RawParams{
			// Each operation keeps its text; one copy serves every subscriber of a query.
			Query:         unique.Make(*p.Query).Value(),
			OperationName: p.OperationName,
			Variables:     p.Variables,
			Extensions:    p.Extensions,
			ReadTime:      graphql.TraceTiming{Start: received, End: graphql.Now()},
			Headers:       c.headers,
		})
	case "complete":
		if m.ID == "" {
			return c.close(closeBadRequest, "Invalid message received")
		}
		c.mu.Lock()
		s := c.subs[m.ID]
		delete(c.subs, m.ID)
		c.mu.Unlock()
		if s != nil {
			s.stop()
		}
		return true
	case "ping":
		c.send("pong", "", m.Payload)
		return true
	case "pong":
		return true
	default:
		return c.close(closeBadRequest, "Invalid message received")
	}
}

func (c *conn) init(payload json.RawMessage) bool {
	if c.initSeen {
		return c.close(closeTooManyInits, "Too many initialisation requests")
	}
	c.initSeen = true
	c.mu.Lock()
	c.initTimer.Stop()
	c.initTimer = nil
	c.mu.Unlock()
	var p map[string]any
	if len(payload) > 0 {
		if err := json.Unmarshal(payload, &p); err != nil {
			return c.close(closeBadRequest, "Invalid message received")
		}
	}
	if p == nil {
		p = map[string]any{}
	}
	ctx := c.ctx
	if c.t.InitFunc != nil {
		var err error
		if ctx, err = c.t.InitFunc(ctx, p); err != nil {
			if ie := (*InitError)(nil); errors.As(err, &ie) {
				return c.close(ie.Code, ie.Reason)
			}
			return c.close(closeForbidden, "Forbidden")
		}
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return false
	}
	c.ctx, c.acked = ctx, true
	if c.t.KeepAlive > 0 {
		c.pingTimer = time.AfterFunc(c.t.KeepAlive, c.ping)
	}
	c.mu.Unlock()
	c.send("connection_ack", "")
	return true
}

// subscribe registers the operation and runs it in a goroutine of its own, which ends once
// the operation has started (or, for a resolver that does not call Ready, once it is done).
func (c *conn) subscribe(id string, params *graphql.RawParams) bool {
	c.mu.Lock()
	taken := c.subs[id] != nil
	c.mu.Unlock()
	if taken {
		return c.close(closeSubscriberTaken, reason("Subscriber for "+id+" already exists"))
	}
	var release func()
	if c.t.Admit != nil {
		var err error
		if release, err = c.t.Admit(c.ctx); err != nil {
			resp := c.exec.DispatchError(c.ctx, gqlerror.List{gqlerror.WrapIfUnwrapped(err)})
			c.send("error", id, errorsJSON(resp.Errors))
			return true
		}
	}
	ctx, cancel := context.WithCancel(c.ctx)
	s := &subscription{c: c, id: id, ctx: ctx, cancel: cancel, release: release}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		s.stop()
		return false
	}
	c.subs[id] = s // the id was free above: only this goroutine adds operations
	c.mu.Unlock()
	go s.run(params)
	return true
}

// forget drops a subscription that ended, so that its id may be used again.
func (c *conn) forget(s *subscription) {
	c.mu.Lock()
	if c.subs[s.id] == s {
		delete(c.subs, s.id)
	}
	c.mu.Unlock()
}

// ping sends the keep-alive ping and schedules the next one, or closes a connection whose
// peer stopped answering.
func (c *conn) ping() {
	if time.Since(time.Unix(0, c.lastRead.Load())) > 2*c.t.KeepAlive {
		c.close(websocket.StatusGoingAway, "No pong received")
		return
	}
	c.send("ping", "")
	c.mu.Lock()
	if !c.closed {
		c.pingTimer.Reset(c.t.KeepAlive)
	}
	c.mu.Unlock()
}

// send writes one message. A failed write needs no handling here: the library closes the
// connection, the read goroutine's Read fails, and shutdown ends every subscription.
// The payload is the concatenation of parts.
func (c *conn) send(typ, id string, payload ...[]byte) {
	n := 32 + len(id)
	for _, p := range payload {
		n += len(p)
	}
	b := make([]byte, 0, n)
	b = append(b, `{"type":"`...)
	b = append(b, typ...)
	b = append(b, '"')
	if id != "" {
		q, _ := json.Marshal(id)
		b = append(b, `,"id":`...)
		b = append(b, q...)
	}
	if n > 32+len(id) {
		b = append(b, `,"payload":`...)
		for _, p := range payload {
			b = append(b, p...)
		}
	}
	b = append(b, '}')
	ctx, cancel := context.WithTimeout(context.Background(), c.t.WriteTimeout)
	_ = c.ws.Write(ctx, websocket.MessageText, b)
	cancel()
}

// Conn is one connection as InitFunc and the resolvers find it in their context, so that
// the server can end it: when the session it was opened with ends, or when a subscriber
// fell behind.
type Conn struct{ c *conn }

type connKey struct{}

// ConnFrom returns the connection of ctx; ok is false outside this transport.
func ConnFrom(ctx context.Context) (Conn, bool) {
	h, ok := ctx.Value(connKey{}).(Conn)
	return h, ok
}

// Close ends the connection with code and reason: its operations end at once (their
// contexts are cancelled, and nothing more is sent), and the close frame is sent without
// waiting for the client's reply. Closing a closed connection does nothing.
func (h Conn) Close(code websocket.StatusCode, why string) {
	if h.c.shutdown() {
		go func() { _ = h.c.ws.Close(code, reason(why)) }()
	}
}

// close ends the connection with a close frame; it returns false so that handle can
// return its result.
func (c *conn) close(code websocket.StatusCode, why string) bool {
	if c.shutdown() {
		_ = c.ws.Close(code, why)
	}
	return false
}

// shutdown stops the timers and every subscription, once; it reports whether this call did.
func (c *conn) shutdown() bool {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return false
	}
	c.closed = true
	if c.initTimer != nil {
		c.initTimer.Stop()
	}
	if c.pingTimer != nil {
		c.pingTimer.Stop()
	}
	subs := c.subs
	c.subs = nil
	c.mu.Unlock()
	for _, s := range subs {
		s.stop()
	}
	c.cancel()
	return true
}

func orDefault(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}

// reason fits a close reason in the 123 bytes a close frame has for it.
func reason(s string) string {
	if len(s) > 123 {
		return strings.ToValidUTF8(s[:123], "")
	}
	return s
}
