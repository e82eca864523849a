package graph

import (
	"log/slog"
	"sync"
	"time"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/internal/blobstore"
	"github.com/openkyc/kyc-manual-review/internal/realtime"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// Blobs is the document store (internal/blobstore).
type Blobs = blobstore.Store

// BlobInfo describes one stored object (internal/blobstore).
type BlobInfo = blobstore.Info

// Notice is a committed case event as subscribers hear it (internal/realtime).
type Notice = realtime.Notice

// Broker fans committed events out to subscribers (internal/realtime): the resolvers publish
// after commit and subscribe.
type Broker = realtime.Broker

// SessionEnd says which live connections a logout, deactivation or revocation ends.
type SessionEnd = realtime.SessionEnd

// SessionBus carries session ends to the other replicas (internal/realtime).
type SessionBus = realtime.SessionBus

// Resolver holds the dependencies of the resolvers.
type Resolver struct {
	Client    *ent.Client
	Blobs     Blobs
	Broker    Broker
	Signer    *Signer
	Log       *slog.Logger
	PublicURL string // e.g. http://localhost:8080, used in resume links
	Now       func() time.Time
	// MaxUploadBytes bounds one document; MaxPixels bounds its decoded size.
	MaxUploadBytes int64
	MaxPixels      int
	// Writers bounds the write transactions that run at once (0: no bound); the rest queue
	// in arrival order. SQLite runs one writer at a time anyway.
	Writers int
	// Postgres: the database is PostgreSQL; a change to a case is then written in one
	// statement (onestatement.go), and the client's driver should be wrapped in casestore.LazyTx.
	Postgres bool
	// FourEyes says which case decisions need a second reviewer ("" is off).
	FourEyes workflow.FourEyes
	// Webhooks hands committed webhook deliveries to the durable queue (nil: they wait for
	// its relay); WebhookAllowPrivate lets endpoints resolve to private addresses (tests, demos).
	Webhooks            WebhookQueue
	WebhookAllowPrivate bool
	// Committed, when set, hears of every committed change (metrics).
	Committed func(c *ent.KycCase, events []*ent.CaseEvent)
	// CaseLimits and LoginLimits bound startCase and login per client address (nil: none).
	CaseLimits, LoginLimits *AddrLimits
	// TokenTTL is how long a case token lives after the applicant's last change, or after
	// the final decision (workflow.CheckToken); 0: forever.
	TokenTTL time.Duration
	// AuditKey keys the audit chain's HMAC (audit.KeyFrom the server's secret).
	AuditKey []byte
	// ReviewSLA is how long a submitted case may wait for review before the backoffice
	// highlights it (0: workflow.DefaultReviewSLA); SupportContact is where applicants get
	// help (an email, URL or phone number as text; "": not configured).
	ReviewSLA      time.Duration
	SupportContact string

	endpoints endpointCache
	keyUses   sync.Map // API key id → when its lastUsedAt was last written
	docs      docCache
	rows      caseRows
	tokens    tokenCache
	logins    loginThrottle
	streams   caseStreams
	sockets   sockets
	// publishing: the publishes running now (PublishStuck).
	publishing inflight

	gateOnce sync.Once
	gate     chan struct{}
}
