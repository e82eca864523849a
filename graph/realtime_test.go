package graph

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/internal/realtime/live"
)

// feedBroker hands the test the delivery function of the one feed subscribed. Like the real
// broker, no delivery runs once stop has returned (the feed closes its channel right after).
type feedBroker struct{ deliver chan func(Notice) }

func (feedBroker) Publish(context.Context, Notice) error { return nil }
func (b feedBroker) Subscribe(_ uuid.UUID, deliver func(Notice)) (stop func()) {
	var mu sync.Mutex
	stopped := false
	b.deliver <- func(n Notice) {
		mu.Lock()
		defer mu.Unlock()
		if !stopped {
			deliver(n)
		}
	}
	return func() {
		mu.Lock()
		stopped = true
		mu.Unlock()
	}
}

// A feed that falls behind is ended, not silently thinned: the notices it got are still
// read, then the channel closes (over the WebSocket transport the connection closes with
// 1013, and the client re-subscribes and re-fetches).
func TestFeedThatFallsBehindEnds(t *testing.T) {
	b := feedBroker{deliver: make(chan func(Notice), 1)}
	r := &Resolver{Broker: b, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	retried := make(chan string, 2)
	ctx = live.WithRetry(ctx, func(why string) { retried <- why })
	ch := r.feedNotices(ctx)
	deliver := <-b.deliver
	const sent = 300 // more than the feed's buffer
	for range sent {
		deliver(Notice{CaseID: uuid.New(), EventID: uuid.New()})
	}
	got := 0
	timeout := time.After(5 * time.Second)
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				if got == 0 || got >= sent {
					t.Fatalf("read %d notices before the end, want the buffered ones, fewer than %d", got, sent)
				}
				if len(retried) != 1 {
					t.Fatalf("the transport was asked %d times to have the client retry, want once", len(retried))
				}
				return
			}
			got++
		case <-timeout:
			t.Fatalf("a feed that fell behind is still open after %d notices", got)
		}
	}
}
