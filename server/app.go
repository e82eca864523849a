package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/google/uuid"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/graph"
	"github.com/openkyc/kyc-manual-review/internal/audit"
	"github.com/openkyc/kyc-manual-review/internal/blobstore"
	"github.com/openkyc/kyc-manual-review/internal/jobs"
	"github.com/openkyc/kyc-manual-review/internal/realtime"
	"github.com/openkyc/kyc-manual-review/internal/realtime/gqlws"
	"github.com/openkyc/kyc-manual-review/internal/telemetry"
	"github.com/openkyc/kyc-manual-review/server/web"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// Request limits. The operation limits bound the work of parsing and validating a document
// (validation compares fields pairwise): the largest operation the apps send selects 67
// fields with its fragments expanded, GraphiQL's introspection 220 (1.9 KB). At 500 fields
// of one name, the worst case for validation, a request costs ≈ 25 ms of CPU (1,000: 90 ms).
const (
	maxJSONBody     = 1 << 20 // a GraphQL document with variables
	multipartSlack  = 1 << 20 // multipart framing around the file
	maxQueryBytes   = 32 << 10
	maxQueryTokens  = 4_000
	maxQueryFields  = 500 // fragment spreads expanded
	maxMutations    = 10  // root fields of one mutation request
	complexityLimit = 1000
	depthLimit      = 12
	wsKeepAlive     = 15 * time.Second
	// liveWriteTimeout bounds each write to a live client (WebSocket or SSE): one that does
	// not read for that long is disconnected.
	liveWriteTimeout = 10 * time.Second
	documentLinkLife = 10 * time.Minute // bearer links: short, refreshed by the apps
)

// app is the wired server: database, broker, resolvers and routes.
type app struct {
	cfg    config
	log    *slog.Logger
	client *ent.Client
	db     *sql.DB
	res    *graph.Resolver
	hooks  *jobs.Queue
	stats  *metrics
	// tracing is nil unless OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT is set (internal/telemetry).
	tracing *telemetry.Tracing
	// closeBlobs releases the document store.
	closeBlobs func() error
	cancel     context.CancelFunc
	// draining is set on SIGTERM: /readyz answers 503 so the load balancer stops sending.
	draining atomic.Bool
	// retentionBacklog is how many cases due for retention its last run left.
	retentionBacklog *atomic.Int64
	// stuckAfter is how long a publish may run before /readyz answers 503 (publishStuckAfter).
	stuckAfter time.Duration
}

func newApp(ctx context.Context, cfg config, log *slog.Logger) (_ *app, err error) {
	tr, err := telemetry.New(ctx, log)
	if err != nil {
		return nil, fmt.Errorf("tracing: %w", err)
	}
	if tr != nil {
		log = slog.New(tr.LogHandler(log.Handler())) // trace_id and span_id in request logs
		defer func() {
			if err != nil {
				_ = tr.Shutdown()
			}
		}()
	}
	key, err := secretKey(cfg.SecretKey, cfg.DataDir)
	if err != nil {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	auditKey := audit.KeyFrom(key)
	client, db, err := openDB(ctx, cfg.DatabaseURL, cfg.DataDir, auditKey, log)
	if err != nil {
		return nil, err
	}
	if cfg.ReviewerEmail != "" {
		if err := graph.EnsureReviewer(ctx, client, cfg.ReviewerEmail, cfg.ReviewerName, cfg.ReviewerPassword); err != nil {
			client.Close()
			return nil, fmt.Errorf("create reviewer %s: %w", cfg.ReviewerEmail, err)
		}
	}
	blobs, closeBlobs, err := blobstore.OpenSealed(ctx, cfg.DocumentStore, cfg.DataDir, cfg.KEK, key)
	if err != nil {
		client.Close()
		return nil, err
	}
	bgCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	var broker graph.Broker = realtime.NewHub()
	if cfg.DatabaseURL != "" {
		broker = realtime.NewPGBroker(bgCtx, cfg.DatabaseURL, log)
	}
	res := &graph.Resolver{
		Client:         client,
		Blobs:          blobs,
		Broker:         broker,
		Signer:         &graph.Signer{Key: key, TTL: documentLinkLife},
		Log:            log,
		PublicURL:      cfg.PublicURL,
		Now:            time.Now,
		MaxUploadBytes: int64(cfg.MaxUploadMB) << 20,
		MaxPixels:      25_000_000, // phones send 12 MP; bigger photos are refused from their header
		Writers:        writers(cfg.DatabaseURL),
		Postgres:       cfg.DatabaseURL != "",
		TokenTTL:       cfg.CaseTokenTTL,
		AuditKey:       auditKey,
		FourEyes:       cfg.FourEyes,
		ReviewSLA:      cfg.ReviewSLA,
		SupportContact: cfg.SupportContact,
		CaseLimits:     graph.NewAddrLimits(cfg.CaseRateLimit),
		LoginLimits:    graph.NewAddrLimits(cfg.LoginRateLimit),
	}
	go every(bgCtx, sweepEvery, newOrphanSweep(res.Blobs, client, log).Run)
	go every(bgCtx, sessionRecheckEvery, res.RecheckSessions)
	retentionBacklog := new(atomic.Int64) // cases due that the last run left (/metrics)
	retention := workflow.RetentionPolicy{Unsubmitted: cfg.RetainUnsubmitted, Decided: cfg.RetainDecided}
	hooks, err := jobs.Start(bgCtx, client, db, cfg.DatabaseURL != "", cfg.WebhookAllowPrivate, log,
		func(ctx context.Context) (bool, error) {
			now := time.Now()
			n, more, err := res.ApplyRetentionBatch(ctx, retention, now, jobs.RetentionBatch)
			if n > 0 {
				log.Info("retention applied", "cases", n, "more", more)
			}
			cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
			defer cancel()
			if backlog, berr := res.RetentionBacklog(cctx, retention, now); berr == nil {
				retentionBacklog.Store(int64(backlog))
			}
			return more, err
		})
	if err != nil {
		cancel()
		client.Close()
		_ = closeBlobs()
		return nil, fmt.Errorf("webhooks: %w", err)
	}
	res.Webhooks = hooks
	res.WebhookAllowPrivate = cfg.WebhookAllowPrivate
	a := &app{cfg: cfg, log: log, client: client, db: db, res: res, hooks: hooks, closeBlobs: closeBlobs, cancel: cancel, tracing: tr, stuckAfter: publishStuckAfter, retentionBacklog: retentionBacklog}
	a.stats = newMetrics(a)
	hooks.Attempted = func(outcome string) { a.stats.webhooks.WithLabelValues(outcome).Inc() }
	if tr != nil {
		hooks.Tracer = tr.Tracer()
	}
	return a, nil
}

// sessionRecheckEvery is how often open reviewer sockets are checked against their sessions.
const sessionRecheckEvery = time.Minute

// every calls fn now, then every interval, until ctx ends.
func every(ctx context.Context, interval time.Duration, fn func(context.Context)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		fn(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// publishStuckAfter is how long one publish of committed events may run before /readyz
// answers 503: a publish is a few non-blocking hand-offs, so seconds mean it is stuck.
const publishStuckAfter = 5 * time.Second

// drain starts a graceful stop: /readyz turns 503, every WebSocket is closed with 1012
// (service restart) and every SSE stream is cut, so that clients reconnect at once, to
// another replica.
func (a *app) drain() {
	a.draining.Store(true)
	a.res.CloseAllSockets("Server restarting")
}

func (a *app) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), jobs.WebhookTimeout+5*time.Second)
	defer cancel()
	a.hooks.Stop(ctx)
	a.cancel()
	if b, ok := a.res.Broker.(*realtime.PGBroker); ok {
		b.Flushed(ctx) // the last NOTIFYs go out (bounded) before the connections close
	}
	a.client.Close()
	_ = a.closeBlobs()
	if err := a.tracing.Shutdown(); err != nil { // flush the last spans, bounded
		a.log.Warn("flush traces", "err", err)
	}
}

// Handler mounts every route in one place.
func (a *app) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/graphql", a.graphqlHandler())
	if a.cfg.Playground {
		// GraphiQL built from the npm packages (apps/playground), embedded like the apps: no CDN.
		pg := playgroundHeaders(http.StripPrefix("/playground", web.SPA("playground")))
		mux.Handle("GET /playground", pg)
		mux.Handle("GET /playground/", pg)
	}
	mux.HandleFunc("GET /livez", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })
	mux.Handle("GET /metrics", a.stats.handler())
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if a.draining.Load() {
			http.Error(w, "draining", http.StatusServiceUnavailable)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := a.db.PingContext(ctx); err != nil {
			http.Error(w, "database unreachable", http.StatusServiceUnavailable)
			return
		}
		if a.res.PublishStuck(a.stuckAfter) {
			// Alive (/livez) but not fit for traffic: mutations would hang after their commit.
			http.Error(w, "publishing live updates is stuck", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	mux.Handle("GET /documents/{id}", a.authenticate(http.HandlerFunc(a.serveDocument)))
	mux.Handle("/kyc/", securityHeaders(http.StripPrefix("/kyc", web.SPA("kyc"))))
	mux.Handle("/backoffice/", securityHeaders(http.StripPrefix("/backoffice", web.SPA("backoffice"))))
	mux.Handle("GET /{$}", http.RedirectHandler("/kyc/", http.StatusFound))

	h := telemetry.WithRequestID(a.logRequests(a.tracing.Route(mux)))
	if len(a.cfg.AppOrigins) == 0 {
		return a.tracing.Serve(h) // same origin only: no CORS headers at all
	}
	c := cors.New(cors.Options{
		AllowedOrigins:   a.cfg.AppOrigins,
		AllowedMethods:   []string{http.MethodGet, http.MethodPost},
		AllowedHeaders:   []string{"Authorization", "Content-Type", "GraphQL-Require-Preflight"},
		AllowCredentials: true,
		MaxAge:           600,
	})
	return a.tracing.Serve(c.Handler(h))
}

// logRequests logs each request's method, path (never the query: it may hold a link
// signature), status and duration; health probes are not logged.
func (a *app) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/livez" || r.URL.Path == "/readyz" {
			next.ServeHTTP(w, r)
			return
		}
		start := time.Now()
		rec := &telemetry.StatusRecorder{ResponseWriter: w, Status: http.StatusOK}
		next.ServeHTTP(rec, r)
		a.log.LogAttrs(r.Context(), slog.LevelInfo, "http", slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", rec.Status), slog.Duration("duration", time.Since(start)))
	})
}

func (a *app) graphqlHandler() http.Handler {
	srv := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: a.res}))
	var origins []string
	for _, o := range a.cfg.AppOrigins {
		if u, err := url.Parse(o); err == nil && u.Host != "" {
			origins = append(origins, u.Host)
		}
	}
	// graphql-transport-ws without a goroutine per subscription, the only WebSocket protocol:
	// gqlgen's transport for the legacy graphql-ws (which no app speaks) would bypass the caps
	// of Admit. Admit caps the operations per connection and per case token.
	srv.AddTransport(gqlws.Transport{
		InitFunc:       a.res.WebsocketInit,
		Admit:          a.res.AdmitOperation,
		KeepAlive:      wsKeepAlive,
		WriteTimeout:   liveWriteTimeout,
		OriginPatterns: origins,
		// Only the caller: a connection that held the request's context would hold the
		// request (through the response writer in it) for as long as it is open.
		Context: func(r *http.Request) context.Context {
			return graph.WithViewer(context.Background(), graph.ViewerFrom(r.Context()))
		},
	})
	srv.AddTransport(transport.Options{})
	// graphql-sse (distinct connections) where WebSockets are blocked: before graph.PostTransport,
	// which would claim the same POST. Streams count against the same caps as sockets.
	srv.AddTransport(graph.SSE{Resolver: a.res, KeepAlive: wsKeepAlive, WriteTimeout: liveWriteTimeout})
	srv.AddTransport(graph.PostTransport{})
	srv.AddTransport(transport.MultipartForm{
		MaxUploadSize: a.res.MaxUploadBytes + multipartSlack,
		MaxMemory:     4 << 20,
	})
	cache := lru.New[*ast.QueryDocument](1000)
	srv.SetQueryCache(cache)
	srv.SetParserTokenLimit(maxQueryTokens)
	srv.Use(graph.OperationLimits{
		Cache: cache, MaxBytes: maxQueryBytes, MaxTokens: maxQueryTokens, MaxFields: maxQueryFields,
		MaxMutationFields: maxMutations, Once: []string{"login", "acceptInvite", "startCase"},
	})
	if a.cfg.Playground {
		srv.Use(extension.Introspection{})
	} else {
		srv.Use(graph.NoIntrospection{})
	}
	if ext := a.tracing.Extension(); ext != nil {
		srv.Use(ext) // a span per operation
	}
	srv.Use(metricsExtension{a.stats})
	srv.Use(extension.FixedComplexityLimit(complexityLimit))
	srv.Use(graph.DepthLimit(depthLimit))
	srv.Use(graph.Loaders{Resolver: a.res}) // a list's assignees and documents in one statement each
	srv.SetErrorPresenter(a.res.ErrorPresenter)
	srv.SetRecoverFunc(a.res.Recover)
	return a.authenticate(a.limitBody(requirePreflight(graph.CodedTransportErrors(graph.SSECut(srv)))))
}

// authenticate puts the caller (reviewer session or applicant token) into the context.
func (a *app) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := graph.WithClientAddr(r.Context(), graph.ClientAddr(r, a.cfg.TrustedProxies))
		v, err := a.res.Authenticate(ctx, r)
		if err != nil {
			// The token or cookie could not be checked (the database is down): an outage, never
			// "unauthenticated", so that clients keep their credentials and try again.
			a.log.WarnContext(ctx, "cannot check the caller's credentials", "path", r.URL.Path, "err", err)
			w.Header().Set("Retry-After", "5")
			graph.WriteErrors(w, http.StatusServiceUnavailable, graph.CodedError(workflow.EInternal, "temporarily unavailable, try again"))
			return
		}
		ctx = graph.WithViewer(ctx, v)
		next.ServeHTTP(w, r.WithContext(graph.WithResponseWriter(ctx, w)))
	})
}

// requirePreflight refuses the requests that a cross-site form could send (anything but
// application/json) unless they carry a header no simple cross-site request can set:
// GraphQL-Require-Preflight, or an applicant's Authorization. With a reviewer's cookie that
// would be cross-site request forgery; without credentials, a forged sign-in (login CSRF).
func requirePreflight(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.Header.Get("GraphQL-Require-Preflight") == "" {
			mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
			_, cookieErr := r.Cookie(graph.SessionCookie)
			if mt != "application/json" && (cookieErr == nil || r.Header.Get("Authorization") == "") {
				graph.WriteErrors(w, http.StatusBadRequest, graph.CodedError(workflow.EForbidden,
					"requests that are not application/json need the GraphQL-Require-Preflight header"))
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// limitBody bounds request bodies: a JSON operation is small; a multipart upload may carry
// one document. Over the bound the client gets PAYLOAD_TOO_LARGE before anything is read.
func (a *app) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			next.ServeHTTP(w, r)
			return
		}
		limit := int64(maxJSONBody)
		if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
			limit = a.res.MaxUploadBytes + multipartSlack
		}
		if r.ContentLength > limit {
			graph.WriteErrors(w, http.StatusRequestEntityTooLarge, graph.CodedError(workflow.EPayloadTooLarge,
				fmt.Sprintf("the request is larger than %d MiB", limit>>20)))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		next.ServeHTTP(w, r)
	})
}

// serveDocument streams a document's bytes to whoever may read its case: a signed link, a
// reviewer's session, or the case's applicant token. Anyone else gets 404.
func (a *app) serveDocument(w http.ResponseWriter, r *http.Request) {
	id, err := uuid.Parse(r.PathValue("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	doc, err := a.client.Document.Get(r.Context(), id)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	v := graph.ViewerFrom(r.Context())
	if !a.res.Signer.Verify(id, r.URL.Query(), time.Now()) && v.Reviewer == nil && v.CaseID != doc.CaseID {
		http.NotFound(w, r)
		return
	}
	if doc.PurgedAt != nil {
		http.Error(w, "this photo was deleted (retention or erasure)", http.StatusGone)
		return
	}
	f, err := a.res.Blobs.Open(r.Context(), doc.StorageKey)
	if err != nil {
		a.log.Error("open document", "document", id, "err", err)
		http.Error(w, "document unavailable", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Type", doc.ContentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Cache-Control", "private, max-age=3600")
	h.Set("ETag", `"`+doc.Sha256+`"`)
	http.ServeContent(w, r, "", doc.CreatedAt, f)
}

// appCSP is the apps' Content-Security-Policy: their own scripts, styles and API only (the
// KYC app keeps the case token in localStorage, so no foreign or inline script may run);
// images also from data: (QR code) and blob: (camera previews).
const appCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

// playgroundCSP is the playground's policy: its own files only, like the apps, but its editor
// (Monaco) runs workers and sets inline styles.
const playgroundCSP = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

// playgroundHeaders are sent with the playground's files.
func playgroundHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", playgroundCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// securityHeaders are sent with the apps' pages.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", appCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Permissions-Policy", "camera=(self), microphone=(), geolocation=()")
		next.ServeHTTP(w, r)
	})
}
