package graph

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"github.com/openkyc/kyc-manual-review/internal/jobs"
	"net"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/webhookdelivery"
	"github.com/openkyc/kyc-manual-review/internal/photocheck"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// Webhooks: a change of a case's status writes one delivery row per subscribed endpoint in
// the change's own transaction (the outbox), so an event exists exactly when its change does;
// after commit the rows are handed to the durable job queue (internal/jobs), which signs
// and sends them until the endpoint answers 2xx. A crash between commit and hand-over loses
// nothing: the queue's relay picks up rows left pending.

// The webhook event types.
const (
	WebhookCaseSubmitted        = "case.submitted"
	WebhookCaseApproved         = "case.approved"
	WebhookCaseRejected         = "case.rejected"
	WebhookCaseResubmission     = "case.resubmission_requested"
	WebhookCaseDecisionProposed = "case.decision_proposed"
)

// WebhookEventTypes lists the events an endpoint may subscribe to.
var WebhookEventTypes = []string{WebhookCaseSubmitted, WebhookCaseApproved, WebhookCaseRejected, WebhookCaseResubmission, WebhookCaseDecisionProposed}

// webhookEvent names the event of a case entering status to, or "" for none.
func webhookEvent(to workflow.Status) string {
	switch to {
	case workflow.StatusPendingReview:
		return WebhookCaseSubmitted
	case workflow.StatusApproved:
		return WebhookCaseApproved
	case workflow.StatusRejected:
		return WebhookCaseRejected
	case workflow.StatusResubmissionRequested:
		return WebhookCaseResubmission
	case workflow.StatusAwaitingSecondReview:
		return WebhookCaseDecisionProposed
	}
	return ""
}

// WebhookQueue hands committed deliveries to the durable queue.
type WebhookQueue interface {
	Enqueue(ctx context.Context, deliveryIDs ...uuid.UUID) error
}

// WebhookPayload is the body of a delivery.
type WebhookPayload struct {
	Type      string      `json:"type"`
	Timestamp time.Time   `json:"timestamp"`
	Data      WebhookCase `json:"data"`
}

// WebhookCase is what a delivery says about the case.
type WebhookCase struct {
	CaseID     uuid.UUID       `json:"caseId"`
	ExternalID *string         `json:"externalId"`
	Status     workflow.Status `json:"status"`
	State      workflow.State  `json:"state"`
	Revision   int             `json:"revision"`
	Version    int             `json:"version"`
	Reason     *string         `json:"reason"`
	// Documents are the current photos and their automatic checks (case.submitted only).
	Documents []WebhookDocument `json:"documents,omitempty"`
}

// WebhookDocument is a current photo of a submitted case with its automatic checks, as an API
// key sees them (DUPLICATE_ELSEWHERE included, without the other case).
type WebhookDocument struct {
	ID       uuid.UUID          `json:"id"`
	Type     workflow.DocType   `json:"type"`
	Side     *workflow.Side     `json:"side"`
	Revision int                `json:"revision"`
	Checks   []photocheck.Check `json:"checks"`
}

// endpointCache keeps the endpoints for a few seconds, so that a change of status does not
// read them every time; this replica's own changes to them drop it at once.
type endpointCache struct {
	mu      sync.Mutex
	list    []*ent.WebhookEndpoint
	fetched time.Time
}

const endpointCacheTTL = 5 * time.Second

func (e *endpointCache) get(ctx context.Context, client *ent.WebhookEndpointClient, now time.Time) ([]*ent.WebhookEndpoint, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.list != nil && now.Sub(e.fetched) < endpointCacheTTL && !now.Before(e.fetched) {
		return e.list, nil
	}
	list, err := client.Query().All(ctx)
	if err != nil {
		return nil, err
	}
	e.list, e.fetched = list, now
	return list, nil
}

func (e *endpointCache) drop() {
	e.mu.Lock()
	e.list = nil
	e.mu.Unlock()
}

// outbox writes, in tx, a delivery for each endpoint subscribed to the event of the change
// from `from` to `to` (the case as committed); it returns their ids, to enqueue after commit.
func (r *Resolver) outbox(ctx context.Context, tx *ent.Tx, from workflow.Status, to *ent.KycCase) ([]uuid.UUID, error) {
	event := webhookEvent(to.Status)
	if event == "" || from == to.Status {
		return nil, nil
	}
	endpoints, err := r.endpoints.get(ctx, r.Client.WebhookEndpoint, r.now())
	if err != nil || len(endpoints) == 0 {
		return nil, err
	}
	data := WebhookCase{
		CaseID: to.ID, ExternalID: to.ExternalID, Status: to.Status, State: to.State,
		Revision: to.Revision, Version: to.Version, Reason: to.Reason,
	}
	if event == WebhookCaseSubmitted {
		if data.Documents, err = webhookDocuments(ctx, tx, to.ID); err != nil {
			return nil, err
		}
	}
	body, err := json.Marshal(WebhookPayload{Type: event, Timestamp: to.UpdatedAt, Data: data})
	if err != nil {
		return nil, err
	}
	var rows []*ent.WebhookDeliveryCreate
	for _, ep := range endpoints {
		if slices.Contains(ep.Events, event) {
			rows = append(rows, tx.WebhookDelivery.Create().SetEndpointID(ep.ID).SetCaseID(to.ID).
				SetEventType(event).SetPayload(string(body)).SetCreatedAt(r.now()))
		}
	}
	if len(rows) == 0 {
		return nil, nil
	}
	saved, err := tx.WebhookDelivery.CreateBulk(rows...).Save(ctx)
	if err != nil {
		return nil, err
	}
	ids := make([]uuid.UUID, len(saved))
	for i, d := range saved {
		ids[i] = d.ID
	}
	return ids, nil
}

// enqueueWebhooks hands committed deliveries to the queue; a failure is logged, never the
// caller's: the relay sends rows left pending.
func (r *Resolver) enqueueWebhooks(ctx context.Context, ids []uuid.UUID) {
	if len(ids) == 0 || r.Webhooks == nil {
		return
	}
	if err := r.Webhooks.Enqueue(context.WithoutCancel(ctx), ids...); err != nil {
		r.Log.WarnContext(ctx, "enqueue webhook deliveries (the relay will)", "err", err)
	}
}

// NewWebhookSecret returns a Standard Webhooks signing secret: whsec_ and 32 random bytes.
func NewWebhookSecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return "whsec_" + base64.StdEncoding.EncodeToString(b)
}

// createWebhookEndpoint checks and stores an endpoint for admin me.
func (r *Resolver) createWebhookEndpoint(ctx context.Context, me *ent.Reviewer, rawURL string, events []string) (*ent.WebhookEndpoint, string, error) {
	if len(events) == 0 {
		return nil, "", workflow.Errorf(workflow.EBadUserInput, "choose at least one event: %s", strings.Join(WebhookEventTypes, ", "))
	}
	for _, ev := range events {
		if !slices.Contains(WebhookEventTypes, ev) {
			return nil, "", workflow.Errorf(workflow.EBadUserInput, "unknown event %q: choose from %s", ev, strings.Join(WebhookEventTypes, ", "))
		}
	}
	if err := CheckWebhookURL(ctx, rawURL, r.WebhookAllowPrivate); err != nil {
		return nil, "", err
	}
	secret := NewWebhookSecret()
	ep, err := r.Client.WebhookEndpoint.Create().SetURL(rawURL).SetEvents(slices.Compact(slices.Sorted(slices.Values(events)))).
		SetSecret(secret).SetCreatedBy(me.ID).SetCreatedAt(r.now()).Save(ctx)
	r.endpoints.drop()
	return ep, secret, err
}

// deleteWebhookEndpoint removes an endpoint with its deliveries.
func (r *Resolver) deleteWebhookEndpoint(ctx context.Context, id uuid.UUID) error {
	defer r.endpoints.drop()
	return r.withTx(ctx, func(tx *ent.Tx) error {
		if _, err := tx.WebhookDelivery.Delete().Where(webhookdelivery.EndpointID(id)).Exec(ctx); err != nil {
			return err
		}
		return tx.WebhookEndpoint.DeleteOneID(id).Exec(ctx)
	})
}

// Why an endpoint is refused.
var (
	errWebhookURL     = workflow.Errorf(workflow.EBadUserInput, "the endpoint must be an absolute http(s) URL without credentials")
	errWebhookPrivate = workflow.Errorf(workflow.EBadUserInput, "the endpoint resolves to a loopback, private, link-local or metadata address: refused (the server allows them only with -webhook-allow-private)")
)

// CheckWebhookURL refuses URLs that are not http(s), and, unless allowPrivate, hosts that
// resolve to an address an outsider should not reach through us (SSRF). The dialer checks
// the address again at connect time (DNS may answer differently then).
func CheckWebhookURL(ctx context.Context, raw string, allowPrivate bool) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil {
		return errWebhookURL
	}
	if allowPrivate {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", u.Hostname())
	if err != nil {
		return workflow.Errorf(workflow.EBadUserInput, "the endpoint's host %q does not resolve", u.Hostname())
	}
	for _, a := range addrs {
		if !jobs.PublicAddr(a) {
			return errWebhookPrivate
		}
	}
	return nil
}
