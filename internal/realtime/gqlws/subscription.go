package gqlws

import (
	"context"
	"encoding/json"
	"errors"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// subscription is one operation of a connection (a subscription, or a query or mutation sent
// over the socket).
//
// A notify-driven subscription has no goroutine while it waits. Each notify counts one value
// waiting on the resolver's channel and, when no drain runs, starts one. The drain calls the
// response handler once per count and writes each response before calling it again, so the
// responses leave in the order of the channel and the handler never runs twice at once; it
// ends when the count is zero. notify itself only takes a mutex that no one holds across a
// handler call or a write, so it never blocks.
type subscription struct {
	c      *conn
	id     string
	ctx    context.Context // ended by the client's complete, the connection's end, or the operation's
	cancel context.CancelFunc

	release     func() // Transport.Admit's, or nil
	releaseOnce sync.Once

	mu       sync.Mutex
	mode     mode
	respond  graphql.ResponseHandler // set once a notify-driven stream has started
	rctx     context.Context         // what respond is called with
	pending  int                     // notifies not yet answered by a call of respond
	draining bool                    // a drain runs, or is about to
	done     bool
}

// mode says who reads the resolver's channel.
type mode uint8

const (
	dispatching mode = iota // the executor runs the resolver
	notified                // the resolver called Ready: drains, on notify
	fallback                // a goroutine blocked on the channel, as in gqlgen's transport
)

// ready is what live.Ready returns for this subscription: the resolver will notify.
func (s *subscription) ready() func() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.mode == fallback {
		// Too late (Ready must be called while the resolver runs): the fallback goroutine
		// already reads the channel.
		return func() {}
	}
	s.mode = notified
	return s.notify
}

func (s *subscription) notify() {
	s.mu.Lock()
	if s.done {
		s.mu.Unlock()
		return
	}
	s.pending++
	start := s.respond != nil && !s.draining
	if start {
		s.draining = true
	}
	s.mu.Unlock()
	if start {
		go s.drain()
	}
}

// run starts the operation. It returns once a notify-driven stream has started, or once any
// other operation has ended.
func (s *subscription) run(params *graphql.RawParams) {
	defer s.recoverPanic()
	exec := s.c.exec
	ctx := graphql.StartOperationTrace(s.ctx)
	oc, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, oc), errs)
		s.end("error", errorsJSON(resp.Errors))
		return
	}
	respond, ctx := exec.DispatchOperation(withReadier(graphql.WithOperationContext(ctx, oc), s), oc)

	s.mu.Lock()
	if s.mode != notified {
		// A query or mutation, a failed resolver, or one that does not know Ready.
		s.mode = fallback
		s.mu.Unlock()
		s.relay(respond, ctx, respond(ctx))
		return
	}
	s.mu.Unlock()

	// The resolver called Ready but may have failed afterwards, and then the executor holds a
	// one-shot error. Ask with an ended context: a stream answers nil without reading its
	// channel (the executor checks the context first); a one-shot answer ignores the context.
	probe, cancel := context.WithCancel(ctx)
	cancel()
	if resp := respond(probe); resp != nil {
		s.relay(respond, ctx, resp)
		return
	}

	s.mu.Lock()
	s.respond, s.rctx = respond, ctx
	start := s.pending > 0 && !s.done // notified while the resolver ran
	s.draining = start
	s.mu.Unlock()
	if start {
		s.drain()
	}
}

// drain answers the pending notifies, one response each, and returns when none is left.
func (s *subscription) drain() {
	defer s.recoverPanic()
	for {
		s.mu.Lock()
		if s.done || s.pending == 0 {
			s.draining = false
			s.mu.Unlock()
			return
		}
		s.pending--
		s.mu.Unlock()
		if !s.deliver(s.respond(s.rctx)) {
			return
		}
	}
}

// relay delivers resp and every further response until the operation ends.
func (s *subscription) relay(respond graphql.ResponseHandler, ctx context.Context, resp *graphql.Response) {
	for s.deliver(resp) {
		resp = respond(ctx)
	}
}

// deliver sends one response: complete for the end of the stream (nil), error for errors
// without data (the operation failed), next otherwise. It reports whether the operation goes on.
func (s *subscription) deliver(resp *graphql.Response) bool {
	switch {
	case resp == nil:
		s.end("complete", nil)
		return false
	case len(resp.Data) == 0 && len(resp.Errors) > 0:
		s.end("error", errorsJSON(resp.Errors))
		return false
	}
	if s.ctx.Err() != nil {
		return true // the next call of respond sees the end
	}
	if len(resp.Data) > 0 && len(resp.Errors) == 0 && resp.Extensions == nil && resp.Label == "" && resp.Path == nil && resp.HasNext == nil {
		// The common response, data alone: written around the executor's bytes, which
		// encoding/json would only copy and check again.
		s.c.send("next", s.id, dataPrefix, resp.Data, dataSuffix)
		return true
	}
	b, err := json.Marshal(resp)
	if err != nil {
		panic(err)
	}
	s.c.send("next", s.id, b)
	return true
}

var dataPrefix, dataSuffix = []byte(`{"data":`), []byte(`}`)

// end finishes the operation from the server's side, once, with a complete or error message
// unless the client or the connection ended it first.
func (s *subscription) end(typ string, payload json.RawMessage) {
	s.mu.Lock()
	if s.done {
		s.mu.Unlock()
		return
	}
	s.done = true
	s.mu.Unlock()
	live := s.ctx.Err() == nil
	s.cancel()
	s.releaseAdmission()
	s.c.forget(s) // before the message: the client may reuse the id once it has it
	if live {
		s.c.send(typ, s.id, payload)
	}
}

// stop ends the operation for the client's complete or the connection's end: its context is
// cancelled (resolvers let go of it through context.AfterFunc) and nothing more is sent.
func (s *subscription) stop() {
	s.mu.Lock()
	s.done = true
	s.mu.Unlock()
	s.cancel()
	s.releaseAdmission()
}

// releaseAdmission gives back what Transport.Admit counted for the operation, once.
func (s *subscription) releaseAdmission() {
	if s.release != nil {
		s.releaseOnce.Do(s.release)
	}
}

// recoverPanic turns a panic while running or delivering into an error message, presented as
// the executor presents a panic.
func (s *subscription) recoverPanic() {
	r := recover()
	if r == nil {
		return
	}
	s.end("error", errorsJSON(gqlerror.List{presentPanic(s.ctx, s.c.exec, r)}))
}

// presentPanic turns a recovered panic into a GraphQL error through the executor's
// RecoverFunc and error presenter, as the executor does for a panicking resolver.
func presentPanic(ctx context.Context, exec graphql.GraphExecutor, r any) *gqlerror.Error {
	var err error
	if p, ok := exec.(interface {
		PresentRecoveredError(context.Context, any) error
	}); ok {
		err = p.PresentRecoveredError(ctx, r)
	} else {
		err = graphql.DefaultErrorPresenter(ctx, graphql.DefaultRecover(ctx, r))
	}
	var gqlErr *gqlerror.Error
	if !errors.As(err, &gqlErr) {
		gqlErr = &gqlerror.Error{Message: "internal system error"}
	}
	return gqlErr
}

func errorsJSON(errs gqlerror.List) json.RawMessage {
	b, err := json.Marshal(errs)
	if err != nil {
		b = []byte(`[{"message":"internal system error"}]`)
	}
	return b
}
