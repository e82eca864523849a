package gqlws_test

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/openkyc/kyc-manual-review/internal/realtime/gqlws"
	"github.com/openkyc/kyc-manual-review/internal/realtime/live"
)

// capAdmit admits at most limit operations of a connection at once and counts releases.
type capAdmit struct {
	mu       sync.Mutex
	limit    int
	open     int
	released int
}

func (a *capAdmit) admit(context.Context) (func(), error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.open >= a.limit {
		return nil, errors.New("too many operations")
	}
	a.open++
	return func() {
		a.mu.Lock()
		a.open--
		a.released++
		a.mu.Unlock()
	}, nil
}

func (a *capAdmit) counts() (open, released int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.open, a.released
}

// An operation that Admit refuses gets an error message for its id; the connection and the
// operations already admitted go on, and every way an operation ends gives its place back.
func TestAdmitRefusesOperations(t *testing.T) {
	a := &capAdmit{limit: 2}
	s, url := serve(t, gqlws.Transport{Admit: a.admit})
	c := ack(t, url)
	c.subscribe("a", "subscription { ticks }")
	fa := s.next(t)
	c.subscribe("b", "subscription { legacy }")
	fb := s.next(t)

	c.subscribe("c", "subscription { ticks }")
	m := c.want("error", "c", "")
	var errs []struct{ Message string }
	if err := json.Unmarshal(m.Payload, &errs); err != nil || len(errs) != 1 || errs[0].Message != "too many operations" {
		t.Fatalf("refusal payload %s, want one error with Admit's message", m.Payload)
	}
	// The admitted ones still deliver.
	fa.send(1)
	c.want("next", "a", `{"data":{"ticks":1}}`)
	fb.send(2)
	c.want("next", "b", `{"data":{"legacy":2}}`)

	// The client's complete frees a place at once: the next subscribe is admitted.
	c.send(msg{Type: "complete", ID: "a"})
	c.subscribe("c", "subscription { ticks }")
	fc := s.next(t)
	fc.send(3)
	c.want("next", "c", `{"data":{"ticks":3}}`)

	// The server's complete frees one before the client hears of it.
	fb.close()
	c.want("complete", "b", "")
	if open, _ := a.counts(); open != 1 {
		t.Fatalf("after b completed: %d open, want 1", open)
	}
	// A query counts while it runs and is released when it is done.
	c.subscribe("q", "{ hello }")
	c.want("next", "q", `{"data":{"hello":"world"}}`)
	c.want("complete", "q", "")
	if open, released := a.counts(); open != 1 || released != 3 {
		t.Fatalf("after the query: %d open, %d released; want 1, 3", open, released)
	}

	// The connection's end releases what is left.
	_ = c.c.Close(1000, "")
	waitEnded(t, fc)
	deadline := time.Now().Add(5 * time.Second)
	for {
		if open, _ := a.counts(); open == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the connection's end did not release its operations")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// The server can end a connection it finds in InitFunc's or a resolver's context: the
// client gets the close code, the operations end, and the connection's context ends.
func TestConnCloseFromServer(t *testing.T) {
	conns := make(chan context.Context, 4)
	s, url := serve(t, gqlws.Transport{InitFunc: func(ctx context.Context, _ map[string]any) (context.Context, error) {
		conns <- ctx
		return ctx, nil
	}})

	// From InitFunc's context, as a logout does.
	c := ack(t, url)
	connCtx := <-conns
	c.subscribe("t", "subscription { ticks }")
	f := s.next(t)
	h, ok := gqlws.ConnFrom(connCtx)
	if !ok {
		t.Fatal("InitFunc's context holds no connection")
	}
	h.Close(gqlws.CloseUnauthorized, "session ended")
	c.wantClose(4401, "session ended")
	waitEnded(t, f)
	select {
	case <-connCtx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the connection's context did not end with it")
	}
	h.Close(gqlws.CloseUnauthorized, "again") // harmless

	// From a resolver's context, as a subscriber that fell behind does.
	c = ack(t, url)
	<-conns
	c.subscribe("l", "subscription { legacy }")
	f = s.next(t)
	h, ok = gqlws.ConnFrom(f.ctx)
	if !ok {
		t.Fatal("the resolver's context holds no connection")
	}
	h.Close(gqlws.CloseTryAgainLater, "fell behind")
	c.wantClose(1013, "fell behind")
	waitEnded(t, f)

	// Through live.Retry, as graph's resolvers do without depending on this package.
	c = ack(t, url)
	<-conns
	c.subscribe("l", "subscription { legacy }")
	f = s.next(t)
	if !live.Retry(f.ctx, "behind again") {
		t.Fatal("the resolver's context offers no live.Retry")
	}
	c.wantClose(1013, "behind again")
	waitEnded(t, f)
	if live.Retry(context.Background(), "nowhere") {
		t.Fatal("live.Retry reported a connection outside the transport")
	}

	if _, ok := gqlws.ConnFrom(context.Background()); ok {
		t.Fatal("ConnFrom found a connection outside the transport")
	}
}
