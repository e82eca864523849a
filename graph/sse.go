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

	"github.com/openkyc/kyc-manual-review/graph/gqlws"
	"github.com/openkyc/kyc-manual-review/graph/live"
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
	st := &sseStream{w: w, cancel: cancel}
	ctx, err = t.Resolver.register(ctx, &socket{conn: st, sse: true, viewer: ViewerFrom(ctx)})
	if err != nil {
		sseRefuse(w, http.StatusTooManyRequests, workflow.Errorf(workflow.ERateLimited, "%s", err.Error()))
		return
	}
	release, err := t.Resolver.AdmitOperation(ctx)
	if err != nil {
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
// the registry closes it. Writes are whole events (gqlgen writes each with one call), so
// the lock keeps a closing message from landing inside one.
type sseStream struct {
	w      http.ResponseWriter
	cancel context.CancelFunc

	mu    sync.Mutex
	ended bool // nothing more is written
	cut   bool // ended without complete: the handler aborts the response
}

func (s *sseStream) Header() http.Header { return s.w.Header() }

func (s *sseStream) WriteHeader(status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ended {
		s.w.WriteHeader(status)
	}
}

func (s *sseStream) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended {
		return len(b), nil // dropped: the stream was closed
	}
	return s.w.Write(b)
}

func (s *sseStream) Flush() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ended {
		_ = http.NewResponseController(s.w).Flush()
	}
}

func (s *sseStream) Unwrap() http.ResponseWriter { return s.w }

// finish ends the stream once the handler is done (gqlgen's keep-alive may still tick) and
// reports whether it was cut.
func (s *sseStream) finish() (cut bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ended = true
	return s.cut
}

// Close ends the stream as the registry asks, in the WebSocket's terms: 4401 (the session or
// token ended) sends an UNAUTHENTICATED error and complete; any other code cuts the stream
// so that the client reconnects.
func (s *sseStream) Close(code websocket.StatusCode, why string) {
	s.mu.Lock()
	if !s.ended {
		s.ended = true
		if code == gqlws.CloseUnauthorized {
			b, _ := json.Marshal(graphql.Response{Errors: gqlerror.List{{
				Message: why, Extensions: map[string]any{"code": string(workflow.EUnauthenticated)},
			}}})
			_, _ = s.w.Write([]byte("event: next\ndata: " + string(b) + "\n\nevent: complete\n\n"))
			_ = http.NewResponseController(s.w).Flush()
		} else {
			s.cut = true
		}
	}
	s.mu.Unlock()
	s.cancel()
}
