package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgxlisten"

	"github.com/openkyc/kyc-manual-review/graph"
)

// hub fans notices out to the subscribers of this process, indexed by case so that an event
// wakes only its own case's subscribers (plus the all-cases feeds). Delivery calls each
// subscriber's function in place; those never block (graph keeps one slot per subscriber
// and a bounded buffer per feed), so a slow client cannot hold up the others.
type hub struct {
	mu   sync.RWMutex
	subs map[uuid.UUID]map[*hubSub]struct{} // uuid.Nil: every case
}

type hubSub struct{ deliver func(graph.Notice) }

func newHub() *hub {
	return &hub{subs: map[uuid.UUID]map[*hubSub]struct{}{}}
}

// Publish implements graph.Broker for a single process.
func (h *hub) Publish(_ context.Context, n graph.Notice) error {
	h.deliver(n)
	return nil
}

func (h *hub) deliver(n graph.Notice) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for _, key := range []uuid.UUID{n.CaseID, uuid.Nil} {
		for s := range h.subs[key] {
			s.deliver(n)
		}
	}
}

// Subscribe implements graph.Broker.
func (h *hub) Subscribe(caseID uuid.UUID, deliver func(graph.Notice)) (stop func()) {
	s := &hubSub{deliver: deliver}
	h.mu.Lock()
	if h.subs[caseID] == nil {
		h.subs[caseID] = map[*hubSub]struct{}{}
	}
	h.subs[caseID][s] = struct{}{}
	h.mu.Unlock()
	return func() {
		h.mu.Lock()
		delete(h.subs[caseID], s)
		if len(h.subs[caseID]) == 0 {
			delete(h.subs, caseID)
		}
		h.mu.Unlock()
	}
}

// pgChannel is the PostgreSQL NOTIFY channel of committed case events.
const pgChannel = "kyc_case_events"

// pgBroker delivers what LISTEN hears to the local hub, so that every API replica on the
// database hears every replica's events. The NOTIFY itself is sent by a trigger on the audit
// table (server/db.go), inside the transaction that appends the event.
type pgBroker struct {
	*hub
}

func newPGBroker(ctx context.Context, dsn string, log *slog.Logger) *pgBroker {
	b := &pgBroker{hub: newHub()}
	h := &pgHandler{hub: b.hub, listening: make(chan struct{})}
	l := &pgxlisten.Listener{
		Connect: func(ctx context.Context) (*pgx.Conn, error) { return pgx.Connect(ctx, dsn) },
		LogError: func(_ context.Context, err error) {
			log.Warn("postgres listener", "err", err)
		},
	}
	l.Handle(pgChannel, h)
	go func() {
		if err := l.Listen(ctx); err != nil && ctx.Err() == nil {
			log.Error("postgres listener stopped", "err", err)
		}
	}()
	// Serve only once LISTEN is in place, so that no event committed after start-up is missed.
	select {
	case <-h.listening:
	case <-time.After(15 * time.Second):
		log.Warn("postgres listener not ready after 15s; continuing, it keeps retrying")
	case <-ctx.Done():
	}
	return b
}

// pgHandler delivers notifications to the hub; its backlog hook runs once LISTEN is issued.
type pgHandler struct {
	hub       *hub
	listening chan struct{}
	once      sync.Once
}

func (h *pgHandler) HandleNotification(_ context.Context, n *pgconn.Notification, _ *pgx.Conn) error {
	var notice graph.Notice
	if err := json.Unmarshal([]byte(n.Payload), &notice); err != nil {
		return err
	}
	h.hub.deliver(notice)
	return nil
}

// HandleBacklog implements pgxlisten.BacklogHandler: there is no backlog (clients re-fetch on
// reconnect), but it tells us the listener is live.
func (h *pgHandler) HandleBacklog(context.Context, string, *pgx.Conn) error {
	h.once.Do(func() { close(h.listening) })
	return nil
}

// Publish implements graph.Broker across replicas: the trigger already notified, at commit.
func (b *pgBroker) Publish(context.Context, graph.Notice) error { return nil }
