package main

import (
	"context"
	"github.com/openkyc/kyc-manual-review/internal/realtime"
	"github.com/openkyc/kyc-manual-review/internal/telemetry"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/webhookdelivery"
)

// metrics is what /metrics serves, in the Prometheus format (client_golang). Labels take
// their values from the schema and the code list, never from what a client sends, so an
// anonymous caller cannot grow them.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec   // operation ("query.cases"), code ("OK" or an error code)
	duration *prometheus.HistogramVec // operation
	events   *prometheus.CounterVec   // audit event type
	statuses *prometheus.CounterVec   // status a change left a case in
	webhooks *prometheus.CounterVec   // outcome of a delivery attempt
}

func newMetrics(a *app) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "kyc_graphql_requests_total",
			Help: "GraphQL queries and mutations by operation (type.first root field) and outcome code."}, []string{"operation", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "kyc_graphql_request_duration_seconds",
			Help: "Time from the start of a GraphQL operation to its response.", Buckets: prometheus.ExponentialBuckets(0.001, 2.5, 10)}, []string{"operation"}),
		events: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "kyc_case_events_total",
			Help: "Committed audit events by type (transitions, uploads, decisions…)."}, []string{"type"}),
		statuses: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "kyc_case_changes_total",
			Help: "Committed case changes by the status they left the case in."}, []string{"status"}),
		webhooks: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "kyc_webhook_attempts_total",
			Help: "Webhook delivery attempts by outcome (delivered, failed, gave_up)."}, []string{"outcome"}),
	}
	m.reg.MustRegister(m.requests, m.duration, m.events, m.statuses, m.webhooks,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(a.db, "kyc"),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kyc_live_websockets",
			Help: "Open graphql-transport-ws connections with credentials.", ConstLabels: prometheus.Labels{"transport": "graphql-transport-ws"}},
			func() float64 { conns, _ := a.res.LiveSockets(); return float64(conns) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kyc_live_subscriptions",
			Help: liveSubscriptionsHelp, ConstLabels: prometheus.Labels{"transport": "graphql-transport-ws"}},
			func() float64 { _, ops := a.res.LiveSockets(); return float64(ops) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kyc_live_subscriptions",
			Help: liveSubscriptionsHelp, ConstLabels: prometheus.Labels{"transport": "sse"}},
			func() float64 { return float64(a.res.LiveStreams()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kyc_retention_backlog_cases",
			Help: "Cases the retention policy covers that its last run left (0 once it caught up; growing: it falls behind)."},
			func() float64 { return float64(a.retentionBacklog.Load()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kyc_webhook_queue_depth",
			Help: "Webhook deliveries not yet delivered or given up."}, func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			n, err := a.client.WebhookDelivery.Query().Where(webhookdelivery.StatusEQ(webhookdelivery.StatusPENDING)).Count(ctx)
			if err != nil {
				return -1
			}
			return float64(n)
		}),
	)
	if b, ok := a.res.Broker.(*realtime.PGBroker); ok {
		m.reg.MustRegister(b.Collectors()...) // NOTIFY after commit: sent, batches, dropped; sweep
	}
	a.res.Committed = func(c *ent.KycCase, events []*ent.CaseEvent) {
		for _, ev := range events {
			m.events.WithLabelValues(ev.Type).Inc()
		}
		if c != nil {
			m.statuses.WithLabelValues(string(c.Status)).Inc()
		}
	}
	return m
}

// liveSubscriptionsHelp describes kyc_live_subscriptions, by transport: operations running on
// graphql-transport-ws connections, and SSE streams (one operation each).
const liveSubscriptionsHelp = "Live operations (subscriptions) by transport: on graphql-transport-ws connections, and SSE streams."

func (m *metrics) handler() http.Handler { return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}) }

// observe counts the response of a query or mutation (subscriptions' events are not requests).
func (m *metrics) observe(oc *graphql.OperationContext, resp *graphql.Response) {
	if oc != nil && oc.Operation != nil && oc.Operation.Operation == ast.Subscription {
		return
	}
	code := telemetry.OutcomeCode(resp) // internal/telemetry: the operation span records the same code
	op := telemetry.OperationLabel(oc)
	m.requests.WithLabelValues(op, code).Inc()
	if oc != nil && !oc.Stats.OperationStart.IsZero() {
		m.duration.WithLabelValues(op).Observe(time.Since(oc.Stats.OperationStart).Seconds())
	}
}

// metricsExtension feeds observe from gqlgen's response chain.
type metricsExtension struct{ m *metrics }

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = metricsExtension{}

func (metricsExtension) ExtensionName() string                   { return "Metrics" }
func (metricsExtension) Validate(graphql.ExecutableSchema) error { return nil }
func (e metricsExtension) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	var oc *graphql.OperationContext
	if graphql.HasOperationContext(ctx) {
		oc = graphql.GetOperationContext(ctx)
	}
	e.m.observe(oc, resp)
	return resp
}
