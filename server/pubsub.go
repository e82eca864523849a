package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
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

// The PostgreSQL NOTIFY channels: committed case events (sent by a trigger, server/db.go) and
// ended reviewer sessions (sent by PublishSessionEnd).
const (
	pgChannel        = "kyc_case_events"
	pgSessionChannel = "kyc_session_ends"
	// pgListenerName is the LISTEN connection's application_name, to find it in pg_stat_activity.
	pgListenerName = "kyc-listener"
)

// Listener timing.
const (
	// pgReconnectDelay is the pause between attempts to get the LISTEN connection back
	// (pgxlisten's default is a minute, during which every subscriber heard nothing).
	pgReconnectDelay = 500 * time.Millisecond
	// pgCatchUpMargin is how far before the listener was last known healthy a catch-up
	// starts reading events: an event's created_at is taken before its transaction
	// commits, and replicas' clocks differ a little.
	pgCatchUpMargin = 10 * time.Second
	// pgSeenIDs is how many recent event ids are remembered to deliver each event once
	// (published here, echoed by NOTIFY, read again by a catch-up). It covers the events of
	// a catch-up window (the margin plus an outage) at well over a thousand events a second.
	pgSeenIDs = 1 << 15
)

// pgBroker delivers what LISTEN hears to the local hub, so that every API replica on the
// database hears every replica's events. The NOTIFY itself is sent by a trigger on the audit
// table (server/db.go), inside the transaction that appends the event. Events published in
// this process reach its subscribers at once; their NOTIFY echo is dropped. When the LISTEN
// connection comes back after it was lost, the events committed meanwhile are read from the
// audit table and delivered (a catch-up), so an outage delays notices but loses none.
type pgBroker struct {
	*hub
	log  *slog.Logger
	db   *sql.DB // sends session ends; one connection at most, opened when first needed
	seen recentIDs

	lastHealthy atomic.Int64 // Unix ns when the listener last was known to hear: connect, or a notice
	failing     atomic.Int64 // Unix ns of the last listener error logged; 0 while healthy

	sessMu   sync.Mutex
	sessSubs map[*func(graph.SessionEnd)]struct{}
}

var _ graph.SessionBus = (*pgBroker)(nil)

func newPGBroker(ctx context.Context, dsn string, log *slog.Logger) *pgBroker {
	b := &pgBroker{hub: newHub(), log: log, sessSubs: map[*func(graph.SessionEnd)]struct{}{}}
	if db, err := sql.Open("pgx", dsn); err == nil {
		db.SetMaxOpenConns(1)
		b.db = db
		context.AfterFunc(ctx, func() { _ = db.Close() })
	}
	h := &pgHandler{b: b, listening: make(chan struct{})}
	l := &pgxlisten.Listener{
		Connect: func(ctx context.Context) (*pgx.Conn, error) {
			cfg, err := pgx.ParseConfig(dsn)
			if err != nil {
				return nil, err
			}
			cfg.RuntimeParams["application_name"] = pgListenerName
			return pgx.ConnectConfig(ctx, cfg)
		},
		LogError:       b.logListenerError,
		ReconnectDelay: pgReconnectDelay,
	}
	l.Handle(pgChannel, h)
	l.Handle(pgSessionChannel, h)
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

// logListenerError logs the listener's errors: the first after it was healthy, then one
// every 30 s while it keeps failing (it retries twice a second).
func (b *pgBroker) logListenerError(_ context.Context, err error) {
	now := time.Now().UnixNano()
	last := b.failing.Load()
	if last != 0 && time.Duration(now-last) < 30*time.Second {
		return
	}
	b.failing.Store(now)
	b.log.Warn("postgres listener", "err", err)
}

// healthy records that the listener hears notifications.
func (b *pgBroker) healthy() {
	b.lastHealthy.Store(time.Now().UnixNano())
	b.failing.Store(0)
}

// deliverOnce hands n to the local subscribers unless its event was delivered already.
func (b *pgBroker) deliverOnce(n graph.Notice) {
	if b.seen.first(n.EventID) {
		b.hub.deliver(n)
	}
}

// Publish implements graph.Broker: the subscribers of this process hear at once, with the
// committed case and event; the other replicas hear through the trigger's NOTIFY.
func (b *pgBroker) Publish(_ context.Context, n graph.Notice) error {
	b.deliverOnce(n)
	return nil
}

// PublishSessionEnd implements graph.SessionBus through NOTIFY; this replica hears it too.
func (b *pgBroker) PublishSessionEnd(ctx context.Context, e graph.SessionEnd) error {
	if b.db == nil {
		return errors.New("no database handle for NOTIFY")
	}
	payload, err := json.Marshal(e)
	if err != nil {
		return err
	}
	_, err = b.db.ExecContext(ctx, "SELECT pg_notify($1, $2)", pgSessionChannel, string(payload))
	return err
}

// SubscribeSessionEnds implements graph.SessionBus.
func (b *pgBroker) SubscribeSessionEnds(fn func(graph.SessionEnd)) (stop func()) {
	key := &fn
	b.sessMu.Lock()
	b.sessSubs[key] = struct{}{}
	b.sessMu.Unlock()
	return func() {
		b.sessMu.Lock()
		delete(b.sessSubs, key)
		b.sessMu.Unlock()
	}
}

func (b *pgBroker) sessionEnded(e graph.SessionEnd) {
	b.sessMu.Lock()
	defer b.sessMu.Unlock()
	for fn := range b.sessSubs {
		(*fn)(e)
	}
}

// catchUp delivers the events created since shortly before the listener was last healthy:
// those committed while it was down never sent it a notification. Already delivered ones
// are skipped by id.
func (b *pgBroker) catchUp(ctx context.Context, conn *pgx.Conn, since time.Time) error {
	rows, err := conn.Query(ctx, "SELECT id, case_id FROM case_events WHERE created_at >= $1 ORDER BY created_at, seq",
		since.Add(-pgCatchUpMargin).UTC())
	if err != nil {
		return fmt.Errorf("catch up on case events: %w", err)
	}
	var ns []graph.Notice
	for rows.Next() {
		var n graph.Notice
		if err := rows.Scan(&n.EventID, &n.CaseID); err != nil {
			rows.Close()
			return fmt.Errorf("catch up on case events: %w", err)
		}
		ns = append(ns, n)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("catch up on case events: %w", err)
	}
	delivered := 0
	for _, n := range ns {
		if b.seen.first(n.EventID) {
			b.hub.deliver(n)
			delivered++
		}
	}
	b.log.Info("postgres listener back: caught up", "since", since, "events", len(ns), "delivered", delivered)
	return nil
}

// pgHandler handles both channels; its backlog hook runs each time LISTEN is (re)issued.
type pgHandler struct {
	b         *pgBroker
	listening chan struct{}
	once      sync.Once
}

func (h *pgHandler) HandleNotification(_ context.Context, n *pgconn.Notification, _ *pgx.Conn) error {
	h.b.healthy()
	switch n.Channel {
	case pgSessionChannel:
		var e graph.SessionEnd
		if err := json.Unmarshal([]byte(n.Payload), &e); err != nil {
			return err
		}
		h.b.sessionEnded(e)
	default:
		var notice graph.Notice
		if err := json.Unmarshal([]byte(n.Payload), &notice); err != nil {
			return err
		}
		h.b.deliverOnce(notice)
	}
	return nil
}

// HandleBacklog implements pgxlisten.BacklogHandler. On the first connection there is no
// backlog: it only tells us the listener is live. After a reconnect, the case events
// committed while the connection was down are delivered, and the session registry is told
// to check its sockets' sessions, since session ends may have been missed too.
func (h *pgHandler) HandleBacklog(ctx context.Context, channel string, conn *pgx.Conn) error {
	last := h.b.lastHealthy.Load()
	var err error
	if last != 0 {
		switch channel {
		case pgSessionChannel:
			h.b.sessionEnded(graph.SessionEnd{Recheck: true})
		default:
			if err = h.b.catchUp(ctx, conn, time.Unix(0, last)); err != nil {
				// Drop the connection, so that the next one tries again from the same point.
				_ = conn.Close(ctx)
			}
		}
	}
	if err == nil && channel == pgChannel {
		// Only now, or a failed catch-up would be narrowed by the next attempt.
		h.b.healthy()
		h.once.Do(func() { close(h.listening) })
	}
	return err
}

// recentIDs remembers the last pgSeenIDs event ids.
type recentIDs struct {
	mu   sync.Mutex
	set  map[uuid.UUID]struct{}
	ring []uuid.UUID
	next int
}

// first records id and reports whether it was not seen before.
func (r *recentIDs) first(id uuid.UUID) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.set == nil {
		r.set = make(map[uuid.UUID]struct{}, pgSeenIDs)
		r.ring = make([]uuid.UUID, pgSeenIDs)
	}
	if _, ok := r.set[id]; ok {
		return false
	}
	if old := r.ring[r.next]; old != uuid.Nil {
		delete(r.set, old)
	}
	r.ring[r.next] = id
	r.next = (r.next + 1) % len(r.ring)
	r.set[id] = struct{}{}
	return true
}
