package main

// Tests of the optional OpenTelemetry tracing (internal/telemetry): an in-process OTLP/HTTP receiver
// stands in for the collector, pointed at by the standard environment.

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/hex"
	"encoding/json"
	"github.com/openkyc/kyc-manual-review/internal/telemetry"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	commonpb "go.opentelemetry.io/proto/otlp/common/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/protobuf/proto"
)

// otlpReceiver is an OTLP/HTTP (protobuf) trace endpoint that keeps what it receives.
type otlpReceiver struct {
	srv      *httptest.Server
	mu       sync.Mutex
	requests int
	spans    []recvSpan
}

// recvSpan is one received span with its resource's attributes.
type recvSpan struct {
	*tracepb.Span
	resource []*commonpb.KeyValue
}

func newOTLPReceiver(t testing.TB) *otlpReceiver {
	t.Helper()
	r := &otlpReceiver{}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method != http.MethodPost || req.URL.Path != "/v1/traces" {
			http.NotFound(w, req)
			return
		}
		var body io.Reader = req.Body
		if req.Header.Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(req.Body)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			body = zr
		}
		raw, err := io.ReadAll(body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var in coltracepb.ExportTraceServiceRequest
		if err := proto.Unmarshal(raw, &in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r.mu.Lock()
		r.requests++
		for _, rs := range in.GetResourceSpans() {
			for _, ss := range rs.GetScopeSpans() {
				for _, s := range ss.GetSpans() {
					r.spans = append(r.spans, recvSpan{Span: s, resource: rs.GetResource().GetAttributes()})
				}
			}
		}
		r.mu.Unlock()
		out, _ := proto.Marshal(&coltracepb.ExportTraceServiceResponse{})
		w.Header().Set("Content-Type", "application/x-protobuf")
		_, _ = w.Write(out)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *otlpReceiver) received() (int, []recvSpan) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.requests, append([]recvSpan(nil), r.spans...)
}

// setTracingEnv points the OTel environment at the receiver (url "" unsets it), clearing
// whatever the developer's shell may have set.
func setTracingEnv(t testing.TB, url string) {
	for _, k := range []string{"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_SDK_DISABLED", "OTEL_TRACES_EXPORTER",
		"OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER_ARG", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES",
		"OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "OTEL_EXPORTER_OTLP_COMPRESSION"} {
		t.Setenv(k, "")
	}
	t.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", url)
}

// syncBuffer collects log output written from several goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// records returns the JSON log records written so far.
func (s *syncBuffer) records(t *testing.T) []map[string]any {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []map[string]any
	for line := range strings.SplitSeq(strings.TrimSpace(s.b.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

// startLoggedServer starts the app on SQLite with JSON logs (request ids as in main) into logs;
// stop closes it (once; the test's cleanup calls it too).
func startLoggedServer(t testing.TB, logs io.Writer) (a *app, srv *httptest.Server, stop func()) {
	t.Helper()
	cfg := config{
		DataDir:          t.TempDir(),
		ReviewerEmail:    testReviewerEmail,
		ReviewerPassword: testReviewerPassword,
		SecretKey:        "test-secret-key-0123456789abcdef0123456789",
		MaxUploadMB:      10,
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	migrateMu.Lock()
	a, err := newApp(ctx, cfg, slog.New(telemetry.RequestIDHandler{Handler: slog.NewJSONHandler(logs, nil)}))
	migrateMu.Unlock()
	if err != nil {
		t.Fatalf("newApp: %v", err)
	}
	srv = httptest.NewServer(a.Handler())
	a.res.PublicURL = srv.URL
	stop = sync.OnceFunc(func() {
		srv.CloseClientConnections()
		srv.Close()
		a.Close()
	})
	t.Cleanup(stop)
	return a, srv, stop
}

// withHeader sends one GraphQL operation with an extra header.
func (c *client) withHeader(query string, vars map[string]any, key, value string) gqlResponse {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, c.ts.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(key, value)
	c.authorize(req)
	return c.send(req)
}

func spanAttr(attrs []*commonpb.KeyValue, key string) (string, bool) {
	for _, kv := range attrs {
		if kv.GetKey() == key {
			v := kv.GetValue()
			if s, ok := v.GetValue().(*commonpb.AnyValue_StringValue); ok {
				return s.StringValue, true
			}
			if i, ok := v.GetValue().(*commonpb.AnyValue_IntValue); ok {
				return strconv.FormatInt(i.IntValue, 10), true
			}
			return v.String(), true
		}
	}
	return "", false
}

func findSpan(spans []recvSpan, name string) *recvSpan {
	for i := range spans {
		if spans[i].GetName() == name {
			return &spans[i]
		}
	}
	return nil
}

func spanByID(spans []recvSpan, id []byte) *recvSpan {
	for i := range spans {
		if bytes.Equal(spans[i].GetSpanId(), id) {
			return &spans[i]
		}
	}
	return nil
}

// flushUntil flushes the app's spans until cond holds for what the receiver has (the
// subscribe of a WebSocket runs on its own goroutine), or fails after 10 s.
func flushUntil(t *testing.T, a *app, r *otlpReceiver, what string, cond func([]recvSpan) bool) []recvSpan {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		if err := a.tracing.ForceFlush(ctx); err != nil {
			t.Fatalf("flush: %v", err)
		}
		cancel()
		_, spans := r.received()
		if cond(spans) {
			return spans
		}
		if time.Now().After(deadline) {
			var names []string
			for _, s := range spans {
				names = append(names, s.GetName())
			}
			t.Fatalf("no %s among the spans received: %q", what, names)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

const (
	tracedFirst = "Zenobia"
	tracedLast  = "Quillfeather"
	tracedEmail = "zenobia.quillfeather@example.org"
	tracedDOB   = "1987-03-14"
)

func TestTracing(t *testing.T) {
	recv := newOTLPReceiver(t)
	setTracingEnv(t, recv.srv.URL)
	var logs syncBuffer
	a, srv, _ := startLoggedServer(t, &logs)
	if a.tracing == nil {
		t.Fatal("OTEL_EXPORTER_OTLP_ENDPOINT is set but tracing is off")
	}
	ts := &testServer{t: t, URL: srv.URL, app: a, srv: srv, cfg: a.cfg}

	// A mutation with every applicant detail.
	var started struct {
		StartCase struct {
			Token string
			Case  struct{ ID string }
		}
	}
	ts.anon(t).mustDo(`mutation StartCase($in: StartCaseInput){ startCase(input:$in){ token case { id } } }`,
		map[string]any{"in": map[string]any{"firstName": tracedFirst, "lastName": tracedLast, "email": tracedEmail,
			"dateOfBirth": tracedDOB}}, &started)
	token, caseID := started.StartCase.Token, started.StartCase.Case.ID
	applicant := ts.applicant(t, token)

	// A query that continues the caller's trace.
	const parentTrace, parentSpan = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
	if r := applicant.withHeader(`query MyCase { myCase { id status applicant { firstName lastName email dateOfBirth } } }`, nil,
		"traceparent", "00-"+parentTrace+"-"+parentSpan+"-01"); len(r.Errors) > 0 {
		t.Fatalf("myCase: %+v", r.Errors)
	}
	// A refusal, an invalid document, a probe and a subscription (on a WebSocket).
	ts.anon(t).wantCode("UNAUTHENTICATED", `query Cases { cases { totalCount } }`, nil)
	ts.anon(t).wantCode("BAD_USER_INPUT", `query Broken { nope }`, nil)
	if status, _ := ts.anon(t).get("/livez"); status != http.StatusOK {
		t.Fatalf("/livez: %d", status)
	}
	ws := ts.dialWS(t, map[string]any{"authorization": "Bearer " + token}, nil)
	ws.subscribe("w", `subscription Watch($id: ID!){ caseUpdated(caseId: $id){ id status } }`, map[string]any{"id": caseID})
	ws.subscribe("x", `subscription Elsewhere($id: ID!){ caseUpdated(caseId: $id){ id } }`,
		map[string]any{"id": "0b6f3a1e-1d2c-4c5b-9a8e-7f6d5c4b3a21"})

	// A subscription over Server-Sent Events continues the caller's trace too.
	const streamTrace, streamParent = "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"
	sseHeader := bearer(token)
	sseHeader.Set("traceparent", "00-"+streamTrace+"-"+streamParent+"-01")
	ts.dialSSE(t, ts.URL, `subscription Stream($id: ID!){ caseUpdated(caseId: $id){ id status } }`,
		map[string]any{"id": caseID}, sseHeader)

	spans := flushUntil(t, a, recv, "subscription span", func(s []recvSpan) bool {
		return findSpan(s, "subscription Watch") != nil && findSpan(s, "subscription Elsewhere") != nil &&
			findSpan(s, "subscription Stream") != nil && findSpan(s, "query Cases") != nil
	})
	// No span for the stream itself (it lasts as long as the connection): the operation's
	// parent is the caller's span.
	if st := findSpan(spans, "subscription Stream"); hex.EncodeToString(st.GetTraceId()) != streamTrace ||
		hex.EncodeToString(st.GetParentSpanId()) != streamParent {
		t.Errorf("subscription Stream: trace %x parent %x, want %s %s", st.GetTraceId(), st.GetParentSpanId(), streamTrace, streamParent)
	}

	// The operation span: name, attributes, a child of the request's server span.
	op := findSpan(spans, "mutation StartCase")
	if op == nil {
		t.Fatal("no span mutation StartCase")
	}
	for k, want := range map[string]string{"graphql.operation.name": "StartCase", "graphql.operation.type": "mutation",
		"kyc.graphql.code": "OK", "kyc.graphql.operation": "mutation.startCase"} {
		if got, _ := spanAttr(op.GetAttributes(), k); got != want {
			t.Errorf("mutation span %s = %q, want %q", k, got, want)
		}
	}
	httpSpan := spanByID(spans, op.GetParentSpanId())
	if httpSpan == nil || httpSpan.GetName() != "POST /graphql" || httpSpan.GetKind() != tracepb.Span_SPAN_KIND_SERVER {
		t.Fatalf("the mutation span's parent is %+v, want the server span POST /graphql", httpSpan)
	}
	if !bytes.Equal(httpSpan.GetTraceId(), op.GetTraceId()) {
		t.Fatal("the operation span is in another trace than its request")
	}
	for k, want := range map[string]string{"http.request.method": "POST", "http.route": "/graphql", "http.response.status_code": "200"} {
		if got, _ := spanAttr(httpSpan.GetAttributes(), k); got != want {
			t.Errorf("server span %s = %q, want %q", k, got, want)
		}
	}
	if name, _ := spanAttr(op.resource, "service.name"); name != "kyc-manual-review" {
		t.Errorf("service.name = %q, want kyc-manual-review", name)
	}

	// The incoming traceparent is continued.
	q := findSpan(spans, "query MyCase")
	if q == nil {
		t.Fatal("no span query MyCase")
	}
	if got := hex.EncodeToString(q.GetTraceId()); got != parentTrace {
		t.Fatalf("query MyCase is in trace %s, want the caller's %s", got, parentTrace)
	}
	qHTTP := spanByID(spans, q.GetParentSpanId())
	if qHTTP == nil || hex.EncodeToString(qHTTP.GetParentSpanId()) != parentSpan {
		t.Fatalf("the request span of query MyCase is %+v, want a child of the caller's span %s", qHTTP, parentSpan)
	}

	// Refusals carry the code /metrics counts; an invalid document still gets a span.
	if got, _ := spanAttr(findSpan(spans, "query Cases").GetAttributes(), "kyc.graphql.code"); got != "UNAUTHENTICATED" {
		t.Errorf("query Cases code = %q, want UNAUTHENTICATED", got)
	}
	broken := findSpan(spans, "query Broken")
	if broken == nil {
		broken = findSpan(spans, "invalid")
	}
	if broken == nil {
		t.Error("no span for the invalid document")
	} else if got, _ := spanAttr(broken.GetAttributes(), "kyc.graphql.code"); got != "BAD_USER_INPUT" {
		t.Errorf("invalid document code = %q, want BAD_USER_INPUT", got)
	}

	// The subscription's span ended with the subscribe, the socket still open.
	sub := findSpan(spans, "subscription Watch")
	if got, _ := spanAttr(sub.GetAttributes(), "kyc.graphql.code"); got != "OK" {
		t.Errorf("subscription code = %q, want OK", got)
	}
	if got, _ := spanAttr(findSpan(spans, "subscription Elsewhere").GetAttributes(), "kyc.graphql.code"); got != "NOT_FOUND" && got != "FORBIDDEN" {
		t.Errorf("refused subscription code = %q, want NOT_FOUND or FORBIDDEN", got)
	}

	// Probes get no span.
	for _, s := range spans {
		if strings.Contains(s.GetName(), "livez") {
			t.Errorf("a span for a probe: %s", s.GetName())
		}
		if route, ok := spanAttr(s.GetAttributes(), "http.route"); ok && route == "/livez" {
			t.Errorf("a span for a probe: %s", s.GetName())
		}
	}

	// Nothing about the applicant, nor the token, in any attribute or name.
	secrets := []string{tracedFirst, tracedLast, tracedEmail, tracedDOB, token, "Bearer", strings.ToLower(tracedFirst)}
	for _, s := range spans {
		values := []string{s.GetName()}
		for _, kv := range append(append([]*commonpb.KeyValue{}, s.GetAttributes()...), s.resource...) {
			values = append(values, kv.GetKey()+"="+kv.GetValue().String())
		}
		for _, ev := range s.GetEvents() {
			values = append(values, ev.String())
		}
		for _, v := range values {
			for _, secret := range secrets {
				if strings.Contains(v, secret) {
					t.Errorf("span %s holds %q: %s", s.GetName(), secret, v)
				}
			}
		}
	}

	// Logs and traces join: the request log line carries the server span's ids.
	var found bool
	for _, rec := range logs.records(t) {
		if rec["msg"] != "http" || rec["trace_id"] != hex.EncodeToString(op.GetTraceId()) {
			continue
		}
		found = true
		if rec["span_id"] != hex.EncodeToString(httpSpan.GetSpanId()) {
			t.Errorf("log record span_id %v, want the server span %x", rec["span_id"], httpSpan.GetSpanId())
		}
		if id, _ := rec["request_id"].(string); id == "" {
			t.Error("the traced log record lost its request_id")
		} else if got, _ := spanAttr(httpSpan.GetAttributes(), "kyc.request_id"); got != id {
			t.Errorf("server span request id %q, log %q", got, id)
		}
	}
	if !found {
		t.Fatalf("no request log record with trace_id %x", op.GetTraceId())
	}
}

func TestTracingOff(t *testing.T) {
	// Unset: no tracer, no trace ids in the logs, a traceparent ignored.
	setTracingEnv(t, "")
	var logs syncBuffer
	a, srv, _ := startLoggedServer(t, &logs)
	if a.tracing != nil {
		t.Fatal("tracing is on without an endpoint")
	}
	ts := &testServer{t: t, URL: srv.URL, app: a, srv: srv, cfg: a.cfg}
	ts.anon(t).withHeader(`query Workflow { workflow { id } }`, nil, "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
	recs := logs.records(t)
	if len(recs) == 0 {
		t.Fatal("no log records")
	}
	for _, rec := range recs {
		if _, ok := rec["trace_id"]; ok {
			t.Fatalf("a log record with a trace id while tracing is off: %v", rec)
		}
	}

	// An endpoint but the SDK switched off: nothing reaches it, even on close.
	recv := newOTLPReceiver(t)
	setTracingEnv(t, recv.srv.URL)
	t.Setenv("OTEL_SDK_DISABLED", "true")
	a2, srv2, stop2 := startLoggedServer(t, io.Discard)
	if a2.tracing != nil {
		t.Fatal("tracing is on with OTEL_SDK_DISABLED=true")
	}
	ts2 := &testServer{t: t, URL: srv2.URL, app: a2, srv: srv2, cfg: a2.cfg}
	ts2.anon(t).mustDo(`query Workflow { workflow { id } }`, nil, nil)
	stop2()
	if n, spans := recv.received(); n != 0 || len(spans) != 0 {
		t.Fatalf("the receiver got %d exports (%d spans) with tracing off", n, len(spans))
	}
}

// TestTracingFlushOnClose: the spans still buffered are exported by Close.
func TestTracingFlushOnClose(t *testing.T) {
	recv := newOTLPReceiver(t)
	setTracingEnv(t, recv.srv.URL)
	t.Setenv("OTEL_BSP_SCHEDULE_DELAY", "600000") // no export before Close
	a, srv, stop := startLoggedServer(t, io.Discard)
	ts := &testServer{t: t, URL: srv.URL, app: a, srv: srv, cfg: a.cfg}
	ts.anon(t).mustDo(`query Workflow { workflow { id } }`, nil, nil)
	if _, spans := recv.received(); len(spans) != 0 {
		t.Fatalf("%d spans exported before Close", len(spans))
	}
	stop()
	if _, spans := recv.received(); findSpan(spans, "query Workflow") == nil {
		t.Fatalf("query Workflow was not exported on Close (%d spans)", len(spans))
	}
}

// benchMyCase starts the app with tracing on or off and returns a function that makes one
// GraphQL request, an applicant's myCase (SQLite), through the app's whole handler in
// process: no socket, so that the machine's network and scheduling add less noise.
func benchMyCase(b *testing.B, on bool) func() {
	b.Helper()
	url := ""
	if on {
		url = newOTLPReceiver(b).srv.URL
	}
	setTracingEnv(b, url)
	a, _, _ := startLoggedServer(b, io.Discard)
	if (a.tracing != nil) != on {
		b.Fatalf("tracing on: got %v, want %v", a.tracing != nil, on)
	}
	h := a.Handler()
	post := func(body []byte, token string) []byte {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
			b.Fatalf("status %d: %s", rec.Code, rec.Body.Bytes())
		}
		return rec.Body.Bytes()
	}
	var started struct {
		Data struct{ StartCase struct{ Token string } }
	}
	start, _ := json.Marshal(map[string]any{"query": `mutation StartCase($in: StartCaseInput){ startCase(input:$in){ token } }`,
		"variables": map[string]any{"in": map[string]any{"firstName": tracedFirst, "lastName": tracedLast}}})
	if err := json.Unmarshal(post(start, ""), &started); err != nil {
		b.Fatal(err)
	}
	token := started.Data.StartCase.Token
	query, _ := json.Marshal(map[string]any{"query": `query MyCase { myCase { id status revision availableEvents documents { id type status } } }`})
	return func() { post(query, token) }
}

// BenchmarkGraphQLTracing is one GraphQL request with tracing off and on (batch export to
// the in-process receiver): time and allocations per request.
func BenchmarkGraphQLTracing(b *testing.B) {
	for _, mode := range []string{"off", "on"} {
		b.Run(mode, func(b *testing.B) {
			request := benchMyCase(b, mode == "on")
			b.ReportAllocs()
			for b.Loop() {
				request()
			}
		})
	}
}

// BenchmarkGraphQLTracingRatio alternates the same request between an app with tracing off
// and one with it on, so that the load of a shared machine weighs on both alike, and reports
// the median of each and their ratio (bench/PROFILE.md, "Tracing overhead").
func BenchmarkGraphQLTracingRatio(b *testing.B) {
	off, on := benchMyCase(b, false), benchMyCase(b, true)
	var offT, onT []time.Duration
	timed := func(request func()) time.Duration {
		t0 := time.Now()
		request()
		return time.Since(t0)
	}
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 { // either goes first as often
			offT = append(offT, timed(off))
			onT = append(onT, timed(on))
		} else {
			onT = append(onT, timed(on))
			offT = append(offT, timed(off))
		}
	}
	median := func(d []time.Duration) float64 {
		slices.Sort(d)
		return float64(d[len(d)/2])
	}
	b.ReportMetric(median(offT), "off-ns/req")
	b.ReportMetric(median(onT), "on-ns/req")
	b.ReportMetric(median(onT)/median(offT), "on/off")
}

// TestTracingWebhooks: each delivery attempt gets a span with the endpoint id and the answer's
// status, never the endpoint's URL.
func TestTracingWebhooks(t *testing.T) {
	recv := newOTLPReceiver(t)
	setTracingEnv(t, recv.srv.URL)
	ts := webhookServer(t, testDB{name: "sqlite"}, nil)
	rita := ts.rita(t)
	hooks := newReceiver(t, 1) // one 503, then 204
	epID, _ := rita.endpoint(hooks.srv.URL+"/hooks?sig=endpoint-secret-query", "case.submitted")
	c, app := ts.startCase(t, tracedFirst, tracedLast, tracedEmail)
	submitCase(t, app, c.ID)

	spans := flushUntil(t, ts.app, recv, "two webhook attempts", func(s []recvSpan) bool {
		n := 0
		for _, sp := range s {
			if sp.GetName() == "webhook deliver" {
				n++
			}
		}
		return n == 2
	})
	statuses := map[string]tracepb.Status_StatusCode{}
	for _, s := range spans {
		if s.GetName() != "webhook deliver" {
			continue
		}
		if got, _ := spanAttr(s.GetAttributes(), "kyc.webhook.endpoint_id"); got != epID {
			t.Errorf("webhook span endpoint %q, want %q", got, epID)
		}
		code, _ := spanAttr(s.GetAttributes(), "http.response.status_code")
		statuses[code] = s.GetStatus().GetCode()
		for _, kv := range s.GetAttributes() {
			v := kv.GetValue().String()
			if strings.Contains(v, "endpoint-secret-query") || strings.Contains(v, hooks.srv.URL) || strings.Contains(v, tracedFirst) {
				t.Errorf("webhook span attribute %s = %s", kv.GetKey(), v)
			}
		}
	}
	if statuses["503"] != tracepb.Status_STATUS_CODE_ERROR || statuses["204"] != tracepb.Status_STATUS_CODE_UNSET {
		t.Fatalf("webhook attempts by answer and span status: %v, want 503 ERROR and 204 UNSET", statuses)
	}
}
