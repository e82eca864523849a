package realtime

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
	"github.com/prometheus/client_golang/prometheus"
)

// Hub fans notices out to the subscribers of this process, indexed by case so that an event
// wakes only its own case's subscribers (plus the all-cases feeds). Delivery calls each
// subscriber's function in place: each only hands the notice to that subscriber's bounded
// queue and never blocks nor calls out (graph keeps one slot per caseUpdated subscriber and
// a bounded queue per feed, and drops a feed that falls behind from a goroutine of its own),
// so a slow client cannot hold up the others.
type Hub struct {
	mu   sync.RWMutex
	subs map[uuid.UUID]map[*hubSub]struct{} // uuid.Nil: every case
}

type hubSub struct{ deliver func(Notice) }

// NewHub returns the broker of a single process.
func NewHub() *Hub {
	return &Hub{subs: map[uuid.UUID]map[*hubSub]struct{}{}}
}

// Publish implements Broker for a single process.
func (h *Hub) Publish(_ context.Context, n Notice) error {
	h.deliver(n)
	return nil
}

func (h *Hub) deliver(n Notice) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for _, key := range []uuid.UUID{n.CaseID, uuid.Nil} {
		for s := range h.subs[key] {
			s.deliver(n)
		}
	}
}

// Subscribe implements Broker.
func (h *Hub) Subscribe(caseID uuid.UUID, deliver func(Notice)) (stop func()) {
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

// The PostgreSQL NOTIFY channels: committed case events (sent after commit by the
// publishing replica's notifier, pgNotifier) and ended reviewer sessions (sent by
// PublishSessionEnd).
const (
	pgChannel        = "kyc_case_events"
	pgSessionChannel = "kyc_session_ends"
	// pgListenerName and pgNotifierName are the application_name of the LISTEN connection and
	// of the connection that sends case events' NOTIFYs, to find them in pg_stat_activity.
	pgListenerName = "kyc-listener"
	pgNotifierName = "kyc-notifier"
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
	// (published here, echoed by NOTIFY, read again by a catch-up or a sweep). It covers a
	// sweep's window (the interval plus the margin, 15 s) at over 4,000 events a second.
	pgSeenIDs = 1 << 16
	// pgSweepEvery is how often each replica reads the case events committed since its last
	// sweep (less the margin) and delivers those it has not heard of: the NOTIFY follows the
	// commit, so a crash between the two loses it, and the sweep brings it at most this late.
	pgSweepEvery = 5 * time.Second
)

// PGBroker delivers what LISTEN hears to the local hub, so that every API replica on the
// database hears every replica's events. Events published in this process reach its
// subscribers at once and are handed to the notifier, which sends their NOTIFYs after the
// commit, many per statement; the echo of an event heard already is dropped. The NOTIFY is
// not sent inside the event's transaction: PostgreSQL serialises the commits of all
// transactions that sent one (a global lock held through the commit's WAL flush), which cost
// half the throughput of transitions on a durable cluster. When the LISTEN connection comes
// back after it was lost, the events committed meanwhile are read from the audit table and
// delivered (a catch-up); every replica also sweeps the audit table every few seconds, for
// notices lost between a commit and its NOTIFY (a crash), so those arrive late but arrive.
type PGBroker struct {
	*Hub
	log      *slog.Logger
	db       *sql.DB     // sends session ends and sweeps; one connection at most, opened when first needed
	notifier *pgNotifier // sends case events' NOTIFYs; nil: none are sent (tests)
	seen     recentIDs

	// sweepEvery is the interval of the sweep (pgSweepEvery; tests change it with
	// SetSweepEvery), in ns; sweepReset restarts the wait with a new one.
	sweepEvery atomic.Int64
	sweepReset chan struct{}

	lastHealthy atomic.Int64  // Unix ns when the listener last was known to hear: connect, or a notice
	swept       atomic.Uint64 // events the sweep delivered (no NOTIFY or catch-up had)
	failing     atomic.Int64  // Unix ns of the last listener error logged; 0 while healthy

	sessMu   sync.Mutex
	sessSubs map[*func(SessionEnd)]struct{}
}

var _ SessionBus = (*PGBroker)(nil)

// NewPGBroker starts the broker of a replica on the PostgreSQL database dsn: its LISTEN
// connection, notifier and sweep run until ctx ends. It returns once LISTEN is in place (or
// after 15 s, retrying in the background).
func NewPGBroker(ctx context.Context, dsn string, log *slog.Logger) *PGBroker {
	b := &PGBroker{Hub: NewHub(), log: log, sessSubs: map[*func(SessionEnd)]struct{}{}, sweepReset: make(chan struct{}, 1)}
	b.sweepEvery.Store(int64(pgSweepEvery))
	if db, err := sql.Open("pgx", dsn); err == nil {
		db.SetMaxOpenConns(1)
		b.db = db
		context.AfterFunc(ctx, func() { _ = db.Close() })
		go b.sweep(ctx, time.Now())
	}
	b.notifier = newPGNotifier(ctx, dsn, log)
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
func (b *PGBroker) logListenerError(_ context.Context, err error) {
	now := time.Now().UnixNano()
	last := b.failing.Load()
	if last != 0 && time.Duration(now-last) < 30*time.Second {
		return
	}
	b.failing.Store(now)
	b.log.Warn("postgres listener", "err", err)
}

// healthy records that the listener hears notifications.
func (b *PGBroker) healthy() {
	b.lastHealthy.Store(time.Now().UnixNano())
	b.failing.Store(0)
}

// deliverOnce hands n to the local subscribers unless its event was delivered already.
func (b *PGBroker) deliverOnce(n Notice) {
	if b.seen.first(n.EventID) {
		b.Hub.deliver(n)
	}
}

// Publish implements Broker: the subscribers of this process hear at once, with the
// committed case and event; the other replicas hear through the NOTIFY the notifier sends
// soon after (Publish does not wait for it), or else through their sweep.
func (b *PGBroker) Publish(_ context.Context, n Notice) error {
	b.deliverOnce(n)
	if b.notifier != nil {
		b.notifier.enqueue(n)
	}
	return nil
}

// Flushed waits until the notifier has sent what was queued when the broker's context ended
// (it tries for at most 2 s), or until ctx ends.
func (b *PGBroker) Flushed(ctx context.Context) {
	if b.notifier == nil {
		return
	}
	select {
	case <-b.notifier.done:
	case <-ctx.Done():
	}
}

// PublishSessionEnd implements SessionBus through NOTIFY; this replica hears it too.
func (b *PGBroker) PublishSessionEnd(ctx context.Context, e SessionEnd) error {
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

// SubscribeSessionEnds implements SessionBus.
func (b *PGBroker) SubscribeSessionEnds(fn func(SessionEnd)) (stop func()) {
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

func (b *PGBroker) sessionEnded(e SessionEnd) {
	b.sessMu.Lock()
	defer b.sessMu.Unlock()
	for fn := range b.sessSubs {
		(*fn)(e)
	}
}

// catchUpQuery reads the events created since $1, oldest first.
const catchUpQuery = "SELECT id, case_id FROM case_events WHERE created_at >= $1 ORDER BY created_at, seq"

// catchUp delivers the events created since shortly before the listener was last healthy:
// those committed while it was down never sent it a notification. Already delivered ones
// are skipped by id.
func (b *PGBroker) catchUp(ctx context.Context, conn *pgx.Conn, since time.Time) error {
	rows, err := conn.Query(ctx, catchUpQuery, since.Add(-pgCatchUpMargin).UTC())
	if err != nil {
		return fmt.Errorf("catch up on case events: %w", err)
	}
	defer rows.Close()
	ns, err := readNotices(rows)
	if err != nil {
		return fmt.Errorf("catch up on case events: %w", err)
	}
	delivered := b.deliverNew(ns)
	b.log.Info("postgres listener back: caught up", "since", since, "events", len(ns), "delivered", delivered)
	return nil
}

// readNotices reads the rows of catchUpQuery (from pgx or database/sql) as notices.
func readNotices(rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}) ([]Notice, error) {
	var ns []Notice
	for rows.Next() {
		var n Notice
		if err := rows.Scan(&n.EventID, &n.CaseID); err != nil {
			return nil, err
		}
		ns = append(ns, n)
	}
	return ns, rows.Err()
}

// deliverNew delivers the notices not delivered before and returns how many.
func (b *PGBroker) deliverNew(ns []Notice) int {
	delivered := 0
	for _, n := range ns {
		if b.seen.first(n.EventID) {
			b.Hub.deliver(n)
			delivered++
		}
	}
	return delivered
}

// sweep reads, every sweepEvery, the case events created since shortly before the previous
// sweep began (the catch-up's query and margin, on the broker's own connection, not the
// listener's) and delivers those not heard of: a NOTIFY is sent after its event committed,
// so one lost to a crash in between (or to a full notifier queue) is delivered here, late.
// Events written by a process without a broker (the migrate subcommand re-keying old audit
// chains) are found the same way.
func (b *PGBroker) sweep(ctx context.Context, since time.Time) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-b.sweepReset:
			continue
		case <-time.After(time.Duration(b.sweepEvery.Load())):
		}
		start := time.Now()
		if err := b.SweepOnce(ctx, since); err != nil {
			if ctx.Err() == nil {
				b.log.Warn("sweep case events", "err", err)
			}
			continue // the same window again next time
		}
		since = start
	}
}

// SetSweepEvery changes the sweep's interval, starting a new wait.
func (b *PGBroker) SetSweepEvery(d time.Duration) {
	b.sweepEvery.Store(int64(d))
	select {
	case b.sweepReset <- struct{}{}:
	default:
	}
}

// SweepOnce runs one sweep of the events created since shortly before since.
func (b *PGBroker) SweepOnce(ctx context.Context, since time.Time) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	rows, err := b.db.QueryContext(ctx, catchUpQuery, since.Add(-pgCatchUpMargin).UTC())
	if err != nil {
		return err
	}
	defer rows.Close()
	ns, err := readNotices(rows)
	if err != nil {
		return err
	}
	if delivered := b.deliverNew(ns); delivered > 0 {
		b.swept.Add(uint64(delivered))
		b.log.Info("sweep delivered case events no NOTIFY brought", "events", delivered)
	}
	return nil
}

// pgHandler handles both channels; its backlog hook runs each time LISTEN is (re)issued.
type pgHandler struct {
	b         *PGBroker
	listening chan struct{}
	once      sync.Once
}

func (h *pgHandler) HandleNotification(_ context.Context, n *pgconn.Notification, _ *pgx.Conn) error {
	h.b.healthy()
	switch n.Channel {
	case pgSessionChannel:
		var e SessionEnd
		if err := json.Unmarshal([]byte(n.Payload), &e); err != nil {
			return err
		}
		h.b.sessionEnded(e)
	default:
		var notice Notice
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
			h.b.sessionEnded(SessionEnd{Recheck: true})
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

// Collectors are the broker's counters for /metrics.
func (b *PGBroker) Collectors() []prometheus.Collector {
	notifier := func(get func(*pgNotifier) uint64) func() float64 {
		return func() float64 {
			if b.notifier == nil {
				return 0
			}
			return float64(get(b.notifier))
		}
	}
	return []prometheus.Collector{
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "kyc_pg_notify_sent_total",
			Help: "Case event notices sent by NOTIFY (after their commit) to the other replicas."},
			notifier(func(q *pgNotifier) uint64 { return q.sent.Load() })),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "kyc_pg_notify_batches_total",
			Help: "NOTIFY statements (and transactions) that sent those notices, each all that was queued."},
			notifier(func(q *pgNotifier) uint64 { return q.batches.Load() })),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "kyc_pg_notify_dropped_total",
			Help: "Case event notices never sent (queue full, or unsent at shutdown); the replicas' sweeps deliver them."},
			notifier(func(q *pgNotifier) uint64 { return q.dropped.Load() })),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "kyc_pg_sweep_delivered_total",
			Help: "Case events this replica heard of only through its periodic sweep of the audit table (their NOTIFY was lost)."},
			func() float64 { return float64(b.swept.Load()) }),
	}
}

// Notifier limits.
const (
	// pgNotifyQueue is how many notices may wait for their NOTIFY; when it is full the
	// oldest is dropped (and counted): the sweep delivers it.
	pgNotifyQueue = 10_000
	// pgNotifyBackoff is the first pause after a failed NOTIFY, doubling to pgNotifyBackoffMax.
	pgNotifyBackoff    = 100 * time.Millisecond
	pgNotifyBackoffMax = 5 * time.Second
	// pgNotifyFlush bounds the last send when the broker stops.
	pgNotifyFlush = 2 * time.Second
)

// pgNotifyStmt sends one NOTIFY per payload, in one statement and so one transaction: the
// global lock PostgreSQL takes to commit a transaction that notified is taken once for all.
const pgNotifyStmt = "SELECT pg_notify($1, n) FROM unnest($2::text[]) AS n"

// pgNotifier sends the NOTIFYs of the case events published in this process, after their
// commit, from one goroutine on its own connection: each round trip sends everything queued
// since the last one, so under load many events share a NOTIFY transaction. Its connection
// commits with synchronous_commit off: a notification lost to a crash is delivered by the
// replicas' sweeps (the event itself committed with the caller's settings).
type pgNotifier struct {
	dsn  string
	log  *slog.Logger
	wake chan struct{} // a send is due; capacity 1
	done chan struct{} // closed when run returns

	mu    sync.Mutex
	queue []string // payloads, oldest first; at most pgNotifyQueue

	sent, batches, dropped atomic.Uint64

	// gate, when set, is waited on before the queue is taken (tests: hold the NOTIFYs back).
	gate atomic.Pointer[chan struct{}]

	failing time.Time // when the last error was logged; only run reads and writes it
}

func newPGNotifier(ctx context.Context, dsn string, log *slog.Logger) *pgNotifier {
	n := &pgNotifier{dsn: dsn, log: log, wake: make(chan struct{}, 1), done: make(chan struct{})}
	go n.run(ctx)
	return n
}

// enqueue queues the NOTIFY of n and returns at once.
func (q *pgNotifier) enqueue(n Notice) {
	// The trigger's payload, which other replicas (and older releases) parse.
	payload, err := json.Marshal(n)
	if err != nil {
		return
	}
	q.mu.Lock()
	if len(q.queue) >= pgNotifyQueue {
		q.queue = q.queue[1:]
		q.dropped.Add(1)
	}
	q.queue = append(q.queue, string(payload))
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// take moves the queued payloads into batch (emptied first) and returns it.
func (q *pgNotifier) take(batch []string) []string {
	q.mu.Lock()
	defer q.mu.Unlock()
	batch = append(batch[:0], q.queue...)
	q.queue = q.queue[:0]
	return batch
}

// requeue puts an unsent batch back in front of what was queued since, oldest first,
// dropping the oldest beyond the bound.
func (q *pgNotifier) requeue(batch []string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	all := append(append(make([]string, 0, len(batch)+len(q.queue)), batch...), q.queue...)
	if over := len(all) - pgNotifyQueue; over > 0 {
		all = all[over:]
		q.dropped.Add(uint64(over))
	}
	q.queue = all
}

func (q *pgNotifier) connect(ctx context.Context) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(q.dsn)
	if err != nil {
		return nil, err
	}
	cfg.RuntimeParams["application_name"] = pgNotifierName
	cfg.RuntimeParams["synchronous_commit"] = "off"
	return pgx.ConnectConfig(ctx, cfg)
}

// run sends what is queued until ctx ends, then makes one last, bounded attempt.
func (q *pgNotifier) run(ctx context.Context) {
	defer close(q.done)
	var (
		conn    *pgx.Conn
		batch   []string
		backoff = pgNotifyBackoff
	)
	defer func() {
		if conn != nil {
			_ = conn.Close(context.Background())
		}
	}()
	for {
		select {
		case <-ctx.Done():
			q.flush(conn)
			return
		case <-q.wake:
		}
		if g := q.gate.Load(); g != nil {
			select {
			case <-*g:
			case <-ctx.Done():
			}
		}
		for batch = q.take(batch); len(batch) > 0; batch = q.take(batch) {
			err := q.send(ctx, &conn, batch)
			if err == nil {
				backoff = pgNotifyBackoff
				continue
			}
			q.requeue(batch)
			if ctx.Err() != nil {
				break
			}
			q.logError(err)
			select {
			case <-ctx.Done():
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, pgNotifyBackoffMax)
		}
	}
}

// send sends batch on *conn, connecting first if needed; on an error the connection is
// closed, to be opened again.
func (q *pgNotifier) send(ctx context.Context, conn **pgx.Conn, batch []string) error {
	if *conn == nil {
		c, err := q.connect(ctx)
		if err != nil {
			return err
		}
		*conn = c
	}
	if _, err := (*conn).Exec(ctx, pgNotifyStmt, pgChannel, batch); err != nil {
		_ = (*conn).Close(context.Background())
		*conn = nil
		return err
	}
	q.sent.Add(uint64(len(batch)))
	q.batches.Add(1)
	q.failing = time.Time{}
	return nil
}

// flush sends what is still queued when the broker stops, within pgNotifyFlush.
func (q *pgNotifier) flush(conn *pgx.Conn) {
	batch := q.take(nil)
	if len(batch) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), pgNotifyFlush)
	defer cancel()
	own := conn
	if err := q.send(ctx, &own, batch); err != nil {
		q.dropped.Add(uint64(len(batch)))
		q.log.Warn("postgres notifier: the last notices were not sent; the other replicas' sweeps deliver them", "notices", len(batch), "err", err)
	}
	if own != nil && own != conn {
		_ = own.Close(context.Background())
	}
}

// logError logs the first error after a success, then one every 30 s.
func (q *pgNotifier) logError(err error) {
	if !q.failing.IsZero() && time.Since(q.failing) < 30*time.Second {
		return
	}
	q.failing = time.Now()
	q.log.Warn("postgres notifier", "err", err)
}

// Swept counts the events this replica heard of only through its sweep.
func (b *PGBroker) Swept() uint64 { return b.swept.Load() }

// HoldNotifies makes the notifier wait on gate before it takes its queue (nil: stop
// waiting), so that a test can have events commit while their NOTIFYs are held back.
func (b *PGBroker) HoldNotifies(gate *chan struct{}) { b.notifier.gate.Store(gate) }

// NotifyCounts returns the notices the notifier sent and the NOTIFY statements it sent them in.
func (b *PGBroker) NotifyCounts() (sent, batches uint64) {
	return b.notifier.sent.Load(), b.notifier.batches.Load()
}

// DisableNotifier stops sending NOTIFYs (a replica that crashes between commit and NOTIFY,
// for tests of the sweep): the other replicas then hear this one's events by their sweep.
func (b *PGBroker) DisableNotifier() { b.notifier = nil }

// SessionEndNotifier publishes session ends through NOTIFY on db without a broker (the
// reviewers subcommand): every replica's listener hears them.
func SessionEndNotifier(db *sql.DB) SessionBus { return &PGBroker{db: db} }
