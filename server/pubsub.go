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
// wakes only its own case's subscribers (plus the all-cases feeds). A slow subscriber never
// blocks the others: its buffer is bounded and a full buffer drops the notice for it alone
// (clients re-fetch on reconnect, and the next notice carries the whole case again).
type hub struct {
	mu   sync.RWMutex
	subs map[uuid.UUID]map[chan graph.Notice]struct{} // uuid.Nil: every case
	log  *slog.Logger
}

func newHub(log *slog.Logger) *hub {
	return &hub{subs: map[uuid.UUID]map[chan graph.Notice]struct{}{}, log: log}
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
		for ch := range h.subs[key] {
			select {
			case ch <- n:
			default:
				h.log.Warn("subscriber too slow: notice dropped", "case", n.CaseID)
			}
		}
	}
}

// Subscribe implements graph.Broker.
func (h *hub) Subscribe(ctx context.Context, caseID uuid.UUID) <-chan graph.Notice {
	size := 16 // one case changes a few times a second at most
	if caseID == uuid.Nil {
		size = 256 // the feed hears every case
	}
	ch := make(chan graph.Notice, size)
	h.mu.Lock()
	if h.subs[caseID] == nil {
		h.subs[caseID] = map[chan graph.Notice]struct{}{}
	}
	h.subs[caseID][ch] = struct{}{}
	h.mu.Unlock()
	context.AfterFunc(ctx, func() {
		h.mu.Lock()
		delete(h.subs[caseID], ch)
		if len(h.subs[caseID]) == 0 {
			delete(h.subs, caseID)
		}
		h.mu.Unlock()
		close(ch)
	})
	return ch
}

// pgChannel is the PostgreSQL NOTIFY channel of committed case events.
const pgChannel = "kyc_case_events"

// pgBroker publishes through PostgreSQL NOTIFY and delivers what LISTEN hears to the local
// hub, so that every API replica on the database hears every replica's events.
type pgBroker struct {
	*hub
	notify func(ctx context.Context, payload string) error
}

func newPGBroker(ctx context.Context, dsn string, notify func(ctx context.Context, payload string) error, log *slog.Logger) *pgBroker {
	b := &pgBroker{hub: newHub(log), notify: notify}
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

// Publish implements graph.Broker across replicas.
func (b *pgBroker) Publish(ctx context.Context, n graph.Notice) error {
	payload, err := json.Marshal(n)
	if err != nil {
		return err
	}
	return b.notify(ctx, string(payload))
}
