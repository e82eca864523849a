package telemetry

// Optional OpenTelemetry tracing, off unless the standard environment says where to send
// spans (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTLP over
// HTTP/protobuf). Everything else comes from the SDK's own environment handling:
// OTEL_SERVICE_NAME (default kyc-manual-review), OTEL_RESOURCE_ATTRIBUTES,
// OTEL_TRACES_SAMPLER(_ARG), OTEL_EXPORTER_OTLP_HEADERS / _TIMEOUT / _COMPRESSION /
// _CERTIFICATE, OTEL_BSP_*. When off nothing is installed: no exporter, no middleware.
//
// Spans carry names, types, codes and ids only: never an applicant's details, a token, a
// cookie, a link signature, a query's variables or a document's contents.

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/workflow"
)

const (
	tracerName         = "github.com/openkyc/kyc-manual-review/server" // unchanged by the move: dashboards filter on it
	defaultServiceName = "kyc-manual-review"
	// tracingFlushTimeout bounds the flush of buffered spans when the server closes.
	tracingFlushTimeout = 5 * time.Second
)

// Attributes of our own (no semantic convention covers them).
const (
	attrOutcomeCode = attribute.Key("kyc.graphql.code")      // "OK" or the first error's extensions.code, as in /metrics
	attrOperation   = attribute.Key("kyc.graphql.operation") // type.first root field, as the metrics label
	attrRequestID   = attribute.Key("kyc.request_id")
	attrEndpointID  = attribute.Key("kyc.webhook.endpoint_id")
	attrDeliveryID  = attribute.Key("kyc.webhook.delivery_id")
	attrAttempt     = attribute.Key("kyc.webhook.attempt")
)

// Tracing is the tracer provider and what uses it; a nil *Tracing is tracing off, and its
// methods then install nothing.
type Tracing struct {
	tp     *sdktrace.TracerProvider
	tracer trace.Tracer
	prop   propagation.TextMapPropagator
}

// Enabled reports whether the environment names an OTLP endpoint for traces (and does
// not switch the SDK or the trace exporter off).
func Enabled(getenv func(string) string) bool {
	if strings.EqualFold(strings.TrimSpace(getenv("OTEL_SDK_DISABLED")), "true") ||
		strings.EqualFold(strings.TrimSpace(getenv("OTEL_TRACES_EXPORTER")), "none") {
		return false
	}
	return strings.TrimSpace(getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")) != "" ||
		strings.TrimSpace(getenv("OTEL_EXPORTER_OTLP_ENDPOINT")) != ""
}

// New starts the exporter and the tracer provider when the environment asks for
// them; otherwise it returns nil.
func New(ctx context.Context, log *slog.Logger) (*Tracing, error) {
	if !Enabled(os.Getenv) {
		return nil, nil
	}
	exp, err := otlptracehttp.New(ctx) // endpoint, headers, timeout, TLS from OTEL_EXPORTER_OTLP_*
	if err != nil {
		return nil, err
	}
	res, err := resource.New(ctx,
		resource.WithAttributes(semconv.ServiceName(defaultServiceName)),
		resource.WithFromEnv(), // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win
		resource.WithTelemetrySDK(),
	)
	if err != nil {
		_ = exp.Shutdown(ctx)
		return nil, err
	}
	// The sampler comes from OTEL_TRACES_SAMPLER (default: parent-based, always on), the batch
	// settings from OTEL_BSP_*.
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp), sdktrace.WithResource(res))
	otel.SetErrorHandler(otel.ErrorHandlerFunc(func(err error) {
		log.Warn("opentelemetry", "err", err)
	}))
	return &Tracing{
		tp:     tp,
		tracer: tp.Tracer(tracerName),
		prop:   propagation.TraceContext{}, // W3C traceparent; no baggage
	}, nil
}

// Shutdown flushes the buffered spans, within tracingFlushTimeout.
func (t *Tracing) Shutdown() error {
	if t == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), tracingFlushTimeout)
	defer cancel()
	return t.tp.Shutdown(ctx)
}

// LogHandler adds trace_id and span_id to the log records made with a traced context.
func (t *Tracing) LogHandler(h slog.Handler) slog.Handler {
	if t == nil {
		return h
	}
	return traceLogHandler{h}
}

type traceLogHandler struct{ slog.Handler }

func (h traceLogHandler) Handle(ctx context.Context, r slog.Record) error {
	if sc := trace.SpanContextFromContext(ctx); sc.IsValid() {
		r.AddAttrs(slog.String("trace_id", sc.TraceID().String()), slog.String("span_id", sc.SpanID().String()))
	}
	return h.Handler.Handle(ctx, r)
}

func (h traceLogHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return traceLogHandler{h.Handler.WithAttrs(attrs)}
}

func (h traceLogHandler) WithGroup(name string) slog.Handler {
	return traceLogHandler{h.Handler.WithGroup(name)}
}

// Serve opens one server span per HTTP request, continuing an incoming W3C traceparent.
//
// A small handler rather than otelhttp: otelhttp records the caller's IP address (from
// X-Forwarded-For too, whoever sent it), the User-Agent and the path on every span with no
// way to leave them out, and spans here carry names, codes and ids only. The span is named
// after the route, never the path. Probes and /metrics get no span; neither do WebSocket
// upgrades and event streams, which last as long as their connection: the operations on
// them get a span each (see tracingExtension).
func (t *Tracing) Serve(next http.Handler) http.Handler {
	if t == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/livez", "/readyz", "/metrics":
			next.ServeHTTP(w, r)
			return
		}
		ctx := t.prop.Extract(r.Context(), propagation.HeaderCarrier(r.Header))
		if r.Header.Get("Upgrade") != "" || strings.Contains(r.Header.Get("Accept"), "text/event-stream") {
			next.ServeHTTP(w, r.WithContext(ctx))
			return
		}
		method := httpMethod(r.Method)
		ctx, span := t.tracer.Start(ctx, method, trace.WithSpanKind(trace.SpanKindServer),
			trace.WithAttributes(semconv.HTTPRequestMethodKey.String(method)))
		defer span.End()
		rec := &StatusRecorder{ResponseWriter: w, Status: http.StatusOK}
		next.ServeHTTP(rec, r.WithContext(ctx))
		span.SetAttributes(semconv.HTTPResponseStatusCode(rec.Status))
		if rec.Status >= 500 {
			span.SetStatus(codes.Error, "")
		}
	})
}

// Route names the request's span after the route the mux chose ("POST /graphql",
// "GET /documents/{id}") and adds the request id; it wraps the mux, which records the
// pattern on the request it is given.
func (t *Tracing) Route(mux http.Handler) http.Handler {
	if t == nil {
		return mux
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r)
		span := trace.SpanFromContext(r.Context())
		if !span.IsRecording() {
			return
		}
		if id, ok := RequestID(r.Context()); ok {
			span.SetAttributes(attrRequestID.String(id))
		}
		if r.Pattern == "" {
			return
		}
		method, route, found := strings.Cut(r.Pattern, " ")
		if !found {
			method, route = httpMethod(r.Method), r.Pattern
		}
		span.SetName(method + " " + route)
		span.SetAttributes(semconv.HTTPRoute(route))
	})
}

// httpMethod is the method if it is a standard one, else _OTHER (the semantic convention:
// a client may send any token).
func httpMethod(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace:
		return m
	}
	return "_OTHER"
}

// Extension is the GraphQL operation span, or nil when tracing is off.
func (t *Tracing) Extension() graphql.HandlerExtension {
	if t == nil {
		return nil
	}
	return tracingExtension{t.tracer}
}

// tracingExtension opens one span per GraphQL operation, a child of the request's span:
// "<type> <operationName>" (the first root field when the operation has no name), with
// graphql.operation.name/type and the outcome code that /metrics counts. A subscription's
// span covers the subscribe (authorization, the resolver), not the events that follow.
type tracingExtension struct{ tracer trace.Tracer }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
	graphql.ResponseInterceptor
	graphql.FieldInterceptor
} = tracingExtension{}

// operationSpanKey marks a context inside an operation span: responses made without it are
// refusals before execution (unparsable, invalid, over a limit).
type operationSpanKey struct{}

func (tracingExtension) ExtensionName() string                   { return "Tracing" }
func (tracingExtension) Validate(graphql.ExecutableSchema) error { return nil }

func (e tracingExtension) start(ctx context.Context, oc *graphql.OperationContext) (context.Context, trace.Span) {
	typ, name := "", ""
	if oc != nil && oc.Operation != nil {
		typ, name = string(oc.Operation.Operation), oc.Operation.Name
	}
	spanName := "invalid"
	if typ != "" {
		_, root, _ := strings.Cut(OperationLabel(oc), ".")
		spanName = typ + " " + root
		if name != "" {
			spanName = typ + " " + truncate(name, 100)
		}
	}
	attrs := []attribute.KeyValue{attrOperation.String(OperationLabel(oc))}
	if typ != "" {
		attrs = append(attrs, semconv.GraphQLOperationTypeKey.String(typ))
	}
	if name != "" {
		attrs = append(attrs, semconv.GraphQLOperationName(truncate(name, 100)))
	}
	opts := []trace.SpanStartOption{trace.WithAttributes(attrs...)}
	if oc != nil && !oc.Stats.OperationStart.IsZero() {
		opts = append(opts, trace.WithTimestamp(oc.Stats.OperationStart)) // parsing and validation too
	}
	return e.tracer.Start(ctx, spanName, opts...)
}

// endOperationSpan records the outcome code and ends the span.
func endOperationSpan(span trace.Span, code string) {
	span.SetAttributes(attrOutcomeCode.String(code))
	if code == string(workflow.EInternal) {
		span.SetStatus(codes.Error, code)
	}
	span.End()
}

func (e tracingExtension) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	ctx, span := e.start(ctx, oc)
	ctx = context.WithValue(ctx, operationSpanKey{}, span)
	respond := next(ctx)
	if oc.Operation != nil && oc.Operation.Operation == ast.Subscription {
		// The subscribe is done (InterceptField recorded a refusal); events are not the span's.
		span.End()
		return respond
	}
	first := true
	return func(ctx context.Context) *graphql.Response {
		resp := respond(ctx)
		if first {
			first = false
			endOperationSpan(span, OutcomeCode(resp))
		}
		return resp
	}
}

// InterceptResponse gives a span to the refusals made before execution: they never reach
// InterceptOperation.
func (e tracingExtension) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if ctx.Value(operationSpanKey{}) != nil {
		return next(ctx)
	}
	var oc *graphql.OperationContext
	if graphql.HasOperationContext(ctx) {
		oc = graphql.GetOperationContext(ctx)
	}
	ctx, span := e.start(ctx, oc)
	resp := next(ctx)
	endOperationSpan(span, OutcomeCode(resp))
	return resp
}

// InterceptField records the outcome of a subscription's resolver (the subscribe) on the
// operation span; gqlgen answers a refused subscribe without the response chain.
func (e tracingExtension) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	res, err := next(ctx)
	if fc := graphql.GetFieldContext(ctx); fc != nil && fc.Object == "Subscription" {
		if span, ok := ctx.Value(operationSpanKey{}).(trace.Span); ok {
			code := "OK"
			if err != nil {
				code = resolverErrorCode(err)
			}
			span.SetAttributes(attrOutcomeCode.String(code))
			if code == string(workflow.EInternal) {
				span.SetStatus(codes.Error, code)
			}
		}
	}
	return res, err
}

// OutcomeCode is "OK", or the extensions.code of the response's first error.
func OutcomeCode(resp *graphql.Response) string {
	if resp == nil || len(resp.Errors) == 0 {
		return "OK"
	}
	if c, ok := resp.Errors[0].Extensions["code"].(string); ok {
		return c
	}
	return string(workflow.EInternal)
}

// resolverErrorCode is the code graph.ErrorPresenter will give a resolver's error (the common cases).
func resolverErrorCode(err error) string {
	var we *workflow.Error
	switch {
	case errors.As(err, &we):
		return string(we.Code)
	case ent.IsNotFound(err):
		return string(workflow.ENotFound)
	case ent.IsConstraintError(err):
		return string(workflow.EConflict)
	}
	return string(workflow.EInternal)
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// StartWebhookSpan opens the span of one webhook delivery attempt: ids and the attempt number
// only (no URL, no payload). The caller ends it with EndWebhookSpan.
func StartWebhookSpan(ctx context.Context, tracer trace.Tracer, del *ent.WebhookDelivery, attempt int) (context.Context, trace.Span) {
	if tracer == nil {
		return ctx, trace.SpanFromContext(ctx)
	}
	return tracer.Start(ctx, "webhook deliver", trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(attrDeliveryID.String(del.ID.String()), attrEndpointID.String(del.EndpointID.String()),
			attrAttempt.Int(attempt)))
}

// EndWebhookSpan records the endpoint's answer (0: none) and ends the span.
func EndWebhookSpan(span trace.Span, status int, err error) {
	if !span.IsRecording() {
		return
	}
	if status != 0 {
		span.SetAttributes(semconv.HTTPResponseStatusCode(status))
	}
	if err != nil {
		span.SetStatus(codes.Error, "delivery failed") // the error text may hold the URL
	}
	span.End()
}

// ForceFlush sends the spans buffered so far (tests, and a clean stop).
func (t *Tracing) ForceFlush(ctx context.Context) error { return t.tp.ForceFlush(ctx) }

// OperationLabel names an operation by its type and first root field, both from the schema.
func OperationLabel(oc *graphql.OperationContext) string {
	if oc == nil || oc.Operation == nil {
		return "invalid"
	}
	name := "unknown"
	for _, sel := range oc.Operation.SelectionSet {
		if f, ok := sel.(*ast.Field); ok {
			name = f.Name
			break
		}
	}
	return string(oc.Operation.Operation) + "." + name
}

// StatusRecorder remembers the status code; Unwrap keeps WebSocket hijacking and flushing working.
type StatusRecorder struct {
	http.ResponseWriter
	// Status is the code written (200 until WriteHeader).
	Status int
}

// WriteHeader records code and writes it.
func (s *StatusRecorder) WriteHeader(code int) {
	s.Status = code
	s.ResponseWriter.WriteHeader(code)
}

// Unwrap gives the wrapped writer (http.ResponseController uses it).
func (s *StatusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// Tracer is the tracer spans of this server start from (nil when tracing is off).
func (t *Tracing) Tracer() trace.Tracer {
	if t == nil {
		return nil
	}
	return t.tracer
}
