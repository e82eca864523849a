package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/coder/websocket"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/openkyc/kyc-manual-review/internal/realtime/gqlws"
	"github.com/openkyc/kyc-manual-review/internal/realtime/live"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// SSE serves operations over Server-Sent Events, the graphql-sse protocol's distinct
// connections mode (POST /graphql with Accept: text/event-stream; `event: next` per result,
// `event: complete` at the end), for clients whose WebSocket is blocked (corporate proxies,
// some mobile networks). gqlgen's transport.SSE does the protocol; this adds what the
// WebSocket transport has: each stream is registered with the caller (reviewer session,
// case token), so that it counts against the same caps and ends on logout, session expiry,
// deactivation, token revocation and drain.
//
// A stream ended because its credentials no longer hold gets an error (UNAUTHENTICATED)
// and `complete`: clients stop, as they stop on the WebSocket's 4401. A stream ended so
// that the client reconnects (drain, a subscriber that fell behind) is cut without
// `complete` (with SSECut around the handler): graphql-sse clients retry that.
type SSE struct {
	Resolver *Resolver
	// KeepAlive is the interval of the comment lines sent on an idle stream, so that
	// proxies do not cut it; 0 sends none.
	KeepAlive time.Duration
	// WriteTimeout bounds each write to the client: one that does not read for that long is
	// cut (default 10 s, as the WebSocket transport).
	WriteTimeout time.Duration
}

var _ graphql.Transport = SSE{}

// Supports claims POST requests with a JSON body that accept text/event-stream.
func (t SSE) Supports(r *http.Request) bool {
	return transport.SSE{}.Supports(r)
}

// Do registers the stream, admits its operation, and runs it with gqlgen's transport.
func (t SSE) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	// The body is small (the middleware bounds it): read it now, then lift the server's
	// read deadline, which would otherwise end a stream that outlives it.
	body, err := io.ReadAll(r.Body)
	if err != nil {
		status, code, msg := http.StatusBadRequest, workflow.EBadUserInput, "the request body could not be read"
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			status, code, msg = http.StatusRequestEntityTooLarge, workflow.EPayloadTooLarge, "the request is too large"
		}
		sseRefuse(w, status, workflow.Errorf(code, "%s", msg))
		return
	}
	_ = http.NewResponseController(w).SetReadDeadline(time.Time{})

	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	st := newSSEStream(w, cancel, t.WriteTimeout)
	ctx, err = t.Resolver.register(ctx, &socket{conn: st, sse: true, viewer: ViewerFrom(ctx)})
	if err != nil {
		st.finish() // nothing was queued: the writer ends at once
		sseRefuse(w, http.StatusTooManyRequests, workflow.Errorf(workflow.ERateLimited, "%s", err.Error()))
		return
	}
	release, err := t.Resolver.AdmitOperation(ctx)
	if err != nil {
		st.finish()
		sseRefuse(w, http.StatusTooManyRequests, err)
		return
	}
	if release != nil {
		defer release()
	}
	ctx = live.WithRetry(ctx, func(why string) { st.Close(gqlws.CloseTryAgainLater, why) })
	w.Header().Set("X-Accel-Buffering", "no") // nginx: pass each event on at once
	r = r.WithContext(ctx)
	r.Body = io.NopCloser(bytes.NewReader(body))
	transport.SSE{KeepAlivePingInterval: t.KeepAlive}.Do(st, r, exec)
	if st.finish() {
		if cut, ok := r.Context().Value(cutKey{}).(*bool); ok {
			*cut = true // SSECut aborts the response
		}
	}
}

type cutKey struct{}

// SSECut wraps the GraphQL handler (outside gqlgen's, which recovers panics) so that a
// stream the registry cut ends without its last chunk: the client sees a broken stream, not
// a completed one, and reconnects.
func SSECut(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cut := new(bool)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), cutKey{}, cut)))
		if *cut {
			panic(http.ErrAbortHandler)
		}
	})
}

// sseRefuse answers a stream that does not start with a GraphQL error response.
func sseRefuse(w http.ResponseWriter, status int, err error) {
	var we *workflow.Error
	ge := &gqlerror.Error{Message: err.Error()}
	if errors.As(err, &we) {
		ge.Message = we.Message
		ge.Extensions = map[string]any{"code": string(we.Code)}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(struct {
		Errors gqlerror.List `json:"errors"`
	}{gqlerror.List{ge}})
}

// sseStream is the response of one SSE operation: gqlgen's transport writes through it, and
// the registry closes it. Nothing that writes to it or closes it touches the network: Write
// copies each chunk into a bounded queue, and one writer goroutine, the only one that uses the
// connection, sends the queue with a deadline on every write. A stream whose queue is full
// (its client stopped reading) is cut, and closing never waits for a write in progress, so a
// stalled client holds up nobody but itself (issue 23).
type sseStream struct {
	w       http.ResponseWriter
	cancel  context.CancelFunc
	timeout time.Duration // bounds each write to the client

	mu     sync.Mutex // guards the fields below; never held across I/O
	queue  chan sseChunk
	ended  bool // nothing more is queued; queue is closed
	cut    bool // ended without complete: the handler aborts the response
	failed bool // a write to the client failed (or missed its deadline)

	done chan struct{} // closed when the writer has returned
}

// sseChunk is what the writer sends: a status line (before any body), or bytes.
type sseChunk struct {
	status int
	b      []byte
}

// sseQueue is how many chunks (events, keep-alives) a stream holds for a client that reads
// slowly before it is cut: a subscription's events are small, and the feed ahead of it has
// its own bounded queue.
const sseQueue = 64

func newSSEStream(w http.ResponseWriter, cancel context.CancelFunc, timeout time.Duration) *sseStream {
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	s := &sseStream{w: w, cancel: cancel, timeout: timeout, queue: make(chan sseChunk, sseQueue), done: make(chan struct{})}
	go s.writer()
	return s
}

// writer sends the queued chunks, flushing after each batch, each batch bounded by the
// deadline. After a failed write it drops the rest and ends the operation.
func (s *sseStream) writer() {
	defer close(s.done)
	rc := http.NewResponseController(s.w)
	for c := range s.queue {
		s.mu.Lock()
		stop := s.failed || s.cut
		s.mu.Unlock()
		if stop {
			continue // drain: the response is aborted anyway
		}
		_ = rc.SetWriteDeadline(time.Now().Add(s.timeout))
		err := s.send(c)
		for more := true; err == nil && more; {
			select {
			case c, ok := <-s.queue:
				if !ok {
					more = false
					break
				}
				err = s.send(c)
			default:
				more = false
			}
		}
		if err == nil {
			err = rc.Flush()
		}
		if err != nil {
			s.mu.Lock()
			s.failed = true
			s.mu.Unlock()
			s.cancel()
		}
	}
}

// send writes one chunk (the writer's goroutine only).
func (s *sseStream) send(c sseChunk) error {
	if c.status != 0 {
		s.w.WriteHeader(c.status)
		return nil
	}
	_, err := s.w.Write(c.b)
	return err
}

func (s *sseStream) Header() http.Header { return s.w.Header() }

// WriteHeader queues the status (an error before the stream started, such as a body that
// is not JSON): the writer goroutine alone touches the response.
func (s *sseStream) WriteHeader(status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ended {
		select {
		case s.queue <- sseChunk{status: status}:
		default:
		}
	}
}

// Write queues a copy of b; a stream that is full is cut (its client is not reading).
func (s *sseStream) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended {
		return len(b), nil // dropped: the stream was closed
	}
	select {
	case s.queue <- sseChunk{b: bytes.Clone(b)}:
	default:
		s.endLocked(true)
		s.cancel()
	}
	return len(b), nil
}

// Flush is the writer's: it flushes after each batch.
func (s *sseStream) Flush() {}

func (s *sseStream) Unwrap() http.ResponseWriter { return s.w }

// endLocked ends the queue (s.mu held): the writer sends what it holds, unless cut.
func (s *sseStream) endLocked(cut bool) {
	if !s.ended {
		s.ended, s.cut = true, cut
		close(s.queue)
	}
}

// finish ends the stream once the handler is done (gqlgen's keep-alive may still tick),
// waits for the writer (bounded by one write's deadline) and reports whether it was cut.
func (s *sseStream) finish() (cut bool) {
	s.mu.Lock()
	s.endLocked(false)
	s.mu.Unlock()
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cut || s.failed
}

// Close ends the stream as the registry asks, in the WebSocket's terms: 4401 (the session or
// token ended) queues an UNAUTHENTICATED error and complete; any other code cuts the stream
// so that the client reconnects. It never waits for the client.
func (s *sseStream) Close(code websocket.StatusCode, why string) {
	s.mu.Lock()
	if !s.ended {
		cut := true
		if code == gqlws.CloseUnauthorized {
			b, _ := json.Marshal(graphql.Response{Errors: gqlerror.List{{
				Message: why, Extensions: map[string]any{"code": string(workflow.EUnauthenticated)},
			}}})
			select {
			case s.queue <- sseChunk{b: []byte("event: next\ndata: " + string(b) + "\n\nevent: complete\n\n")}:
				cut = false
			default: // full: the client is not reading; cut it
			}
		}
		s.endLocked(cut)
	}
	s.mu.Unlock()
	s.cancel()
}
