package jobs

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/google/uuid"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"go.opentelemetry.io/otel/trace"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/webhookdelivery"
	"github.com/openkyc/kyc-manual-review/internal/telemetry"
)

// Webhook delivery runs on River, a durable job queue in the same database (its own tables,
// migrated at start-up): a job per delivery, retried with exponential backoff, and worked by
// one replica only however many run. Its rows are the outbox that graph writes in the
// transaction of each change.
const (
	webhookQueue       = "webhooks"
	WebhookTimeout     = 10 * time.Second
	webhookMaxAttempts = 20 // 30 s doubling to a 2 h cap: the last attempt is ~26 h after the first
	webhookRelayEvery  = 15 * time.Second
	// webhookRelayAfter is how old a never-attempted delivery must be before the relay enqueues
	// it: younger ones are being handed over by the request that wrote them.
	webhookRelayAfter = 10 * time.Second
)

// webhookBackoff is the wait before attempt n+1 after n failed ones.
func webhookBackoff(attempt int) time.Duration {
	d := 30 * time.Second << min(attempt-1, 8)
	d = min(d, 2*time.Hour)
	return d + time.Duration(rand.Int64N(int64(d/10)+1)) // jitter: replicas do not retry in step
}

// deliverArgs is the job of one delivery.
type deliverArgs struct {
	DeliveryID uuid.UUID `json:"deliveryId"`
}

func (deliverArgs) Kind() string { return "webhook_deliver" }
func (deliverArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: webhookQueue, MaxAttempts: webhookMaxAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// relayArgs is the periodic job that enqueues deliveries whose hand-over was lost (a crash
// right after the commit).
type relayArgs struct{}

func (relayArgs) Kind() string { return "webhook_relay" }
func (relayArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: webhookQueue, UniqueOpts: river.UniqueOpts{ByPeriod: webhookRelayEvery}}
}

// retentionArgs is the periodic job that applies the retention policy (graph.ApplyRetention).
type retentionArgs struct{}

func (retentionArgs) Kind() string { return "retention" }
func (retentionArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: webhookQueue, UniqueOpts: river.UniqueOpts{ByPeriod: retentionEvery}}
}

// retentionMoreArgs is a retention run that follows one which stopped at its bound with
// cases left: runs follow each other until the backlog is gone, not one every 6 h.
type retentionMoreArgs struct{}

func (retentionMoreArgs) Kind() string { return "retention_more" }
func (retentionMoreArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: webhookQueue}
}

// Retention runs.
const (
	// retentionEvery is how often the retention policy runs.
	retentionEvery = 6 * time.Hour
	// RetentionBatch bounds the cases one run changes, and retentionTimeout its time (River's
	// default is one minute): a run that stops at either with cases left enqueues the next.
	RetentionBatch   = 20_000
	retentionTimeout = 15 * time.Minute
)

// RetentionRun is one bounded run of the retention policy; more says cases remain.
type RetentionRun func(ctx context.Context) (more bool, err error)

// retentionWorker works both kinds of retention job: a run, then the next while cases remain.
type retentionWorker[A river.JobArgs] struct {
	river.WorkerDefaults[A]
	run RetentionRun
	w   *Queue
}

func (rw *retentionWorker[A]) Timeout(*river.Job[A]) time.Duration { return retentionTimeout }

func (rw *retentionWorker[A]) Work(ctx context.Context, _ *river.Job[A]) error {
	more, err := rw.run(ctx)
	if more && (err == nil || errors.Is(err, context.DeadlineExceeded)) {
		// Stopped at its bound: the next run goes on where this one stopped.
		_, ierr := rw.w.river.Insert(context.WithoutCancel(ctx), retentionMoreArgs{}, nil)
		return ierr
	}
	return err
}

// Queue is the job queue: it takes committed webhook deliveries (graph.WebhookQueue) and
// works every job kind.
type Queue struct {
	client *ent.Client
	river  *river.Client[*sql.Tx]
	log    *slog.Logger
	// HTTP sends the deliveries (HTTPClient: SSRF-safe unless private addresses are allowed).
	HTTP *http.Client
	// Backoff is the wait before attempt n+1 after n failed ones (tests shorten it).
	Backoff func(attempt int) time.Duration
	// RelayAfter is webhookRelayAfter (tests shorten it).
	RelayAfter time.Duration
	// Attempted, when set, hears each attempt's outcome: delivered, failed, gave_up (metrics).
	Attempted func(outcome string)
	// Tracer, when set, gets a span per attempt (internal/telemetry).
	Tracer trace.Tracer
}

// Start migrates River's tables and starts its client on db.
func Start(ctx context.Context, client *ent.Client, db *sql.DB, postgres, allowPrivate bool, log *slog.Logger, retain RetentionRun) (*Queue, error) {
	var driver riverdriver.Driver[*sql.Tx]
	if postgres {
		driver = riverdatabasesql.New(db)
	} else {
		driver = riversqlite.New(db)
	}
	migrator, err := rivermigrate.New(driver, nil)
	if err != nil {
		return nil, err
	}
	if _, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return nil, fmt.Errorf("migrate the job queue: %w", err)
	}
	w := &Queue{client: client, HTTP: HTTPClient(allowPrivate), log: log, Backoff: webhookBackoff, RelayAfter: webhookRelayAfter}
	workers := river.NewWorkers()
	river.AddWorker(workers, &deliverWorker{w: w})
	river.AddWorker(workers, &relayWorker{w: w})
	periodic := []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(webhookRelayEvery),
		func() (river.JobArgs, *river.InsertOpts) { return relayArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true})}
	if retain != nil {
		river.AddWorker(workers, &retentionWorker[retentionArgs]{run: retain, w: w})
		river.AddWorker(workers, &retentionWorker[retentionMoreArgs]{run: retain, w: w})
		periodic = append(periodic, river.NewPeriodicJob(river.PeriodicInterval(retentionEvery),
			func() (river.JobArgs, *river.InsertOpts) { return retentionArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true}))
	}
	w.river, err = river.NewClient(driver, &river.Config{
		Queues:            map[string]river.QueueConfig{webhookQueue: {MaxWorkers: 8}},
		Workers:           workers,
		FetchPollInterval: 200 * time.Millisecond,
		Logger:            log.With("component", "river"),
		PeriodicJobs:      periodic,
	})
	if err != nil {
		return nil, err
	}
	if err := w.river.Start(ctx); err != nil {
		return nil, err
	}
	return w, nil
}

// Stop lets running deliveries finish (up to their timeout) and stops the queue.
func (w *Queue) Stop(ctx context.Context) {
	if err := w.river.Stop(ctx); err != nil && !errors.Is(err, context.Canceled) {
		w.log.Warn("stop the job queue", "err", err)
	}
}

// Enqueue implements graph.WebhookQueue.
func (w *Queue) Enqueue(ctx context.Context, ids ...uuid.UUID) error {
	params := make([]river.InsertManyParams, len(ids))
	for i, id := range ids {
		params[i] = river.InsertManyParams{Args: deliverArgs{DeliveryID: id}}
	}
	_, err := w.river.InsertMany(ctx, params)
	return err
}

type deliverWorker struct {
	river.WorkerDefaults[deliverArgs]
	w *Queue
}

func (d *deliverWorker) Timeout(*river.Job[deliverArgs]) time.Duration {
	return WebhookTimeout + 5*time.Second
}

// NextRetry implements river.Worker.
func (d *deliverWorker) NextRetry(job *river.Job[deliverArgs]) time.Time {
	return time.Now().Add(d.w.Backoff(job.Attempt))
}

// Work sends one delivery and records the attempt; an error makes River retry it.
func (d *deliverWorker) Work(ctx context.Context, job *river.Job[deliverArgs]) error {
	w := d.w
	del, err := w.client.WebhookDelivery.Get(ctx, job.Args.DeliveryID)
	if ent.IsNotFound(err) {
		return nil // its endpoint was deleted
	} else if err != nil {
		return err
	}
	if del.Status != webhookdelivery.StatusPENDING {
		return nil
	}
	ep, err := w.client.WebhookEndpoint.Get(ctx, del.EndpointID)
	if ent.IsNotFound(err) {
		return nil
	} else if err != nil {
		return err
	}
	sendCtx, span := telemetry.StartWebhookSpan(ctx, w.Tracer, del, job.Attempt)
	status, sendErr := w.send(sendCtx, ep, del)
	telemetry.EndWebhookSpan(span, status, sendErr)
	upd := w.client.WebhookDelivery.UpdateOne(del).AddAttempts(1)
	if status != 0 {
		upd.SetLastStatusCode(status)
	}
	if w.Attempted != nil {
		switch {
		case sendErr == nil:
			w.Attempted("delivered")
		case job.Attempt >= job.MaxAttempts:
			w.Attempted("gave_up")
		default:
			w.Attempted("failed")
		}
	}
	if sendErr == nil {
		return upd.SetStatus(webhookdelivery.StatusDELIVERED).SetDeliveredAt(time.Now()).ClearNextAttemptAt().ClearLastError().Exec(ctx)
	}
	msg := sendErr.Error()
	if len(msg) > 500 {
		msg = msg[:500]
	}
	upd.SetLastError(msg)
	if job.Attempt >= job.MaxAttempts {
		upd.SetStatus(webhookdelivery.StatusFAILED).ClearNextAttemptAt()
	} else {
		upd.SetNextAttemptAt(d.NextRetry(job))
	}
	if err := upd.Exec(ctx); err != nil {
		w.log.Warn("record a webhook attempt", "delivery", del.ID, "err", err)
	}
	w.log.Info("webhook delivery failed", "delivery", del.ID, "endpoint", ep.URL, "attempt", job.Attempt, "status", status, "err", msg)
	return sendErr
}

// send POSTs the delivery, signed per the Standard Webhooks specification, and returns the
// answer's status; anything but 2xx is an error.
func (w *Queue) send(ctx context.Context, ep *ent.WebhookEndpoint, del *ent.WebhookDelivery) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, WebhookTimeout)
	defer cancel()
	body := []byte(del.Payload)
	msgID := "msg_" + del.ID.String()
	now := time.Now()
	sig, err := signWebhook(ep.Secret, msgID, now, body)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ep.URL, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "kyc-manual-review-webhooks/1")
	req.Header.Set("webhook-id", msgID)
	req.Header.Set("webhook-timestamp", strconv.FormatInt(now.Unix(), 10))
	req.Header.Set("webhook-signature", sig)
	resp, err := w.HTTP.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, fmt.Errorf("the endpoint answered %s", resp.Status)
	}
	return resp.StatusCode, nil
}

// signWebhook is the Standard Webhooks signature: v1,base64(HMAC-SHA256(secret, id.timestamp.body)),
// the secret being the base64 after whsec_.
func signWebhook(secret, msgID string, at time.Time, body []byte) (string, error) {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil {
		return "", fmt.Errorf("webhook secret: %w", err)
	}
	m := hmac.New(sha256.New, key)
	fmt.Fprintf(m, "%s.%d.", msgID, at.Unix())
	m.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(m.Sum(nil)), nil
}

// HTTPClient sends webhooks: it does not follow redirects and, unless allowPrivate, refuses to connect
// to a non-public address whatever the DNS answered when the endpoint was registered.
func HTTPClient(allowPrivate bool) *http.Client {
	dialer := &net.Dialer{Timeout: WebhookTimeout}
	if !allowPrivate {
		dialer.Control = func(_, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			a, err := netip.ParseAddr(host)
			if err != nil || !PublicAddr(a) {
				return ErrPrivateAddr
			}
			return nil
		}
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = dialer.DialContext
	tr.Proxy = nil // a proxy would connect for us, past the address check
	return &http.Client{
		Transport:     tr,
		Timeout:       WebhookTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

type relayWorker struct {
	river.WorkerDefaults[relayArgs]
	w *Queue
}

// Work enqueues deliveries never attempted and older than a hand-over takes; the queue's
// uniqueness by delivery keeps one job per delivery.
func (r *relayWorker) Work(ctx context.Context, _ *river.Job[relayArgs]) error {
	ids, err := r.w.client.WebhookDelivery.Query().
		Where(webhookdelivery.StatusEQ(webhookdelivery.StatusPENDING), webhookdelivery.Attempts(0),
			webhookdelivery.CreatedAtLT(time.Now().Add(-r.w.RelayAfter))).
		Limit(500).IDs(ctx)
	if err != nil || len(ids) == 0 {
		return err
	}
	return r.w.Enqueue(ctx, ids...)
}

// metadataAddrs are cloud metadata services outside the private ranges.
var metadataAddrs = []netip.Prefix{netip.MustParsePrefix("100.64.0.0/10"), netip.MustParsePrefix("fd00:ec2::254/128")}

// PublicAddr reports whether a is an address on the public internet.
func PublicAddr(a netip.Addr) bool {
	a = a.Unmap()
	if a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsMulticast() || a.IsUnspecified() || a.IsInterfaceLocalMulticast() || !a.IsValid() {
		return false
	}
	for _, p := range metadataAddrs {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// ErrPrivateAddr is what the dialer answers for a connection to a non-public address.
var ErrPrivateAddr = errors.New("refused: the endpoint resolved to a non-public address")
