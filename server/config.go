package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/openkyc/kyc-manual-review/workflow"
)

// config is the server's configuration: flags, each with an environment fallback.
type config struct {
	Addr             string
	DataDir          string
	DatabaseURL      string
	PublicURL        string
	AppOrigins       []string
	ReviewerEmail    string
	ReviewerPassword string
	ReviewerName     string
	SecretKey        string
	Playground       bool
	MaxUploadMB      int
	LogFormat        string
	// CaseRateLimit and LoginRateLimit: new cases and sign-in attempts per client address
	// per hour (0: unlimited); TrustedProxies: reverse proxies whose X-Forwarded-For is believed.
	CaseRateLimit  int
	LoginRateLimit int
	TrustedProxies []netip.Prefix
	// FourEyes: which case decisions need a second reviewer (off, approvals, all).
	FourEyes workflow.FourEyes
	// WebhookAllowPrivate lets webhook endpoints be on loopback or private addresses.
	WebhookAllowPrivate bool
	// DocumentStore is where document bytes go: "" (DATA_DIR/files), file://PATH, or an
	// object store URL (s3://bucket?endpoint=…&region=…).
	DocumentStore string
	// RetainUnsubmitted and RetainDecided are the retention policy (0: keep forever).
	RetainUnsubmitted, RetainDecided time.Duration
	// KEK lists the key-encryption keys of documents at rest (base64, newest first; empty:
	// derived from the secret key).
	KEK string
	// DrainDelay is how long /readyz answers 503 before a stopping server closes its
	// connections (the load balancer's health-check interval).
	DrainDelay time.Duration
	// CaseTokenTTL: a case token expires this long after the applicant's last change while
	// collecting, or after the final decision (0: never).
	CaseTokenTTL time.Duration
	// ReviewSLA: how long a submitted case may wait for review before the backoffice
	// highlights it; SupportContact: where applicants get help, shown by the KYC app.
	ReviewSLA      time.Duration
	SupportContact string
}

// parseConfig reads the flags and environment; extra, when given, adds a subcommand's own flags.
func parseConfig(args []string, getenv func(string) string, stderr io.Writer, extra ...func(*flag.FlagSet)) (config, error) {
	env := func(key, def string) string {
		if v := getenv(key); v != "" {
			return v
		}
		return def
	}
	defAddr := env("ADDR", ":8080")
	if p := getenv("PORT"); p != "" && getenv("ADDR") == "" {
		defAddr = ":" + p
	}
	// A setting that does not parse is refused (it used to read as 0: RETENTION_DECIDED=5y
	// kept photos forever, MAX_UPLOAD_MB=ten accepted empty uploads only).
	var bad []string
	envInt := func(key, def string) int {
		n, err := strconv.Atoi(env(key, def))
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s: want a whole number, got %q", key, getenv(key)))
		}
		return n
	}
	envDuration := func(key, def string) time.Duration {
		d, err := time.ParseDuration(env(key, def))
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s: want a duration such as 720h, got %q", key, getenv(key)))
		}
		return d
	}
	defUpload := envInt("MAX_UPLOAD_MB", "10")
	defCaseRate := envInt("CASE_RATE_LIMIT", "30")
	defLoginRate := envInt("LOGIN_RATE_LIMIT", "60")
	var c config
	var origins, proxies string
	fs := flag.NewFlagSet("kyc-server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.Addr, "addr", defAddr, "listen address (env ADDR, or PORT)")
	fs.StringVar(&c.DataDir, "data-dir", env("DATA_DIR", "./data"), "folder for the SQLite database and document files (env DATA_DIR)")
	fs.StringVar(&c.DatabaseURL, "database-url", getenv("DATABASE_URL"), "postgres://… to use PostgreSQL instead of SQLite (env DATABASE_URL)")
	fs.StringVar(&c.PublicURL, "public-url", getenv("PUBLIC_URL"), "external base URL for resume links (env PUBLIC_URL; default http://localhost:<port>)")
	fs.StringVar(&origins, "app-origins", getenv("APP_ORIGINS"), "comma-separated origins of apps served elsewhere, for CORS and WebSocket (env APP_ORIGINS)")
	fs.StringVar(&c.ReviewerEmail, "reviewer-email", getenv("KYC_REVIEWER_EMAIL"), "create or update this reviewer at start-up (env KYC_REVIEWER_EMAIL)")
	fs.StringVar(&c.ReviewerPassword, "reviewer-password", getenv("KYC_REVIEWER_PASSWORD"), "that reviewer's password (env KYC_REVIEWER_PASSWORD)")
	fs.StringVar(&c.ReviewerName, "reviewer-name", getenv("KYC_REVIEWER_NAME"), "that reviewer's display name (env KYC_REVIEWER_NAME)")
	fs.StringVar(&c.SecretKey, "secret-key", getenv("SECRET_KEY"), "key that signs document links; set the same on every replica (env SECRET_KEY; default: generated into the data dir)")
	fs.BoolVar(&c.Playground, "playground", env("PLAYGROUND", "true") == "true", "serve /playground and allow introspection (env PLAYGROUND)")
	fs.IntVar(&c.MaxUploadMB, "max-upload-mb", defUpload, "largest accepted document, MiB (env MAX_UPLOAD_MB)")
	fs.StringVar(&c.LogFormat, "log-format", env("LOG_FORMAT", "text"), "text or json (env LOG_FORMAT)")
	fs.IntVar(&c.CaseRateLimit, "case-rate-limit", defCaseRate, "new cases per client address per hour, 0 for no limit (env CASE_RATE_LIMIT)")
	fs.IntVar(&c.LoginRateLimit, "login-rate-limit", defLoginRate, "sign-in attempts per client address per hour, 0 for no limit (env LOGIN_RATE_LIMIT)")
	fs.BoolVar(&c.WebhookAllowPrivate, "webhook-allow-private", env("WEBHOOK_ALLOW_PRIVATE", "false") == "true", "allow webhook endpoints on loopback, private and link-local addresses: tests and demos only (env WEBHOOK_ALLOW_PRIVATE)")
	drainDefault := envDuration("DRAIN_DELAY", "0s")
	fs.DurationVar(&c.DrainDelay, "drain-delay", drainDefault, "on SIGTERM, answer /readyz with 503 this long before closing connections (env DRAIN_DELAY; e.g. 10s behind a load balancer)")
	fs.StringVar(&c.DocumentStore, "document-store", getenv("DOCUMENT_STORE"), "where document bytes are stored: file://PATH (default DATA_DIR/files) or s3://bucket?region=…&endpoint=…&use_path_style=true; credentials from the AWS environment (env DOCUMENT_STORE)")
	fs.StringVar(&c.KEK, "kek", getenv("KEK"), "key-encryption keys for documents at rest: comma-separated base64 32-byte keys, newest first (new photos use it; keep old ones to read older photos; `server migrate` re-seals); default: derived from SECRET_KEY (env KEK)")
	retainU := envDuration("RETENTION_UNSUBMITTED", "720h")
	retainD := envDuration("RETENTION_DECIDED", "43800h")
	fs.DurationVar(&c.RetainUnsubmitted, "retention-unsubmitted", retainU, "delete the photos and details of a case never submitted this long after its last change; 0 keeps them (env RETENTION_UNSUBMITTED)")
	fs.DurationVar(&c.RetainDecided, "retention-decided", retainD, "delete the photos of a decided case this long after the decision (default 5 years); 0 keeps them (env RETENTION_DECIDED)")
	var fourEyes string
	fs.StringVar(&fourEyes, "four-eyes", env("FOUR_EYES", "off"), "which case decisions need a second reviewer: off, approvals (approvals do) or all (approvals and rejections) (env FOUR_EYES)")
	fs.StringVar(&proxies, "trusted-proxies", getenv("TRUSTED_PROXIES"), "comma-separated addresses or CIDRs of reverse proxies whose X-Forwarded-For names the client (env TRUSTED_PROXIES)")
	defTokenTTL := workflow.DefaultTokenTTL
	if v := getenv("CASE_TOKEN_TTL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			return c, fmt.Errorf("CASE_TOKEN_TTL: want a duration such as 720h, got %q", v)
		}
		defTokenTTL = d
	}
	fs.DurationVar(&c.CaseTokenTTL, "case-token-ttl", defTokenTTL, "a case token expires this long after the applicant's last change, or after the final decision; 0 for never (env CASE_TOKEN_TTL)")
	defSLA := workflow.DefaultReviewSLA
	if v := getenv("REVIEW_SLA"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return c, fmt.Errorf("REVIEW_SLA: want a positive duration such as 24h, got %q", v)
		}
		defSLA = d
	}
	fs.DurationVar(&c.ReviewSLA, "review-sla", defSLA, "how long a submitted case may wait for review before the backoffice queue highlights it (env REVIEW_SLA)")
	fs.StringVar(&c.SupportContact, "support-contact", getenv("SUPPORT_CONTACT"), "where applicants get help, shown on the KYC app's rejection and error screens: an email address, a URL or a phone number (env SUPPORT_CONTACT)")
	for _, add := range extra {
		add(fs)
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	var err error
	if c.FourEyes, err = workflow.ParseFourEyes(fourEyes); err != nil {
		return c, err
	}
	for _, p := range strings.Split(proxies, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if !strings.Contains(p, "/") {
			a, err := netip.ParseAddr(p)
			if err != nil {
				return c, fmt.Errorf("TRUSTED_PROXIES: %w", err)
			}
			p = netip.PrefixFrom(a, a.BitLen()).String()
		}
		pfx, err := netip.ParsePrefix(p)
		if err != nil {
			return c, fmt.Errorf("TRUSTED_PROXIES: %w", err)
		}
		c.TrustedProxies = append(c.TrustedProxies, pfx.Masked())
	}
	for _, o := range strings.Split(origins, ",") {
		if o = strings.TrimRight(strings.TrimSpace(o), "/"); o != "" {
			c.AppOrigins = append(c.AppOrigins, o)
		}
	}
	if c.PublicURL == "" {
		host := c.Addr
		if strings.HasPrefix(host, ":") {
			host = "localhost" + host
		}
		c.PublicURL = "http://" + host
	}
	c.SupportContact = strings.TrimSpace(c.SupportContact)
	if len(bad) > 0 {
		return c, errors.New(strings.Join(bad, "; "))
	}
	return c, c.validate()
}

// validate refuses a configuration that makes no sense, whichever way it was given (flag or
// environment), naming the setting: the server then does not start on it.
func (c config) validate() error {
	var bad []string
	check := func(ok bool, format string, args ...any) {
		if !ok {
			bad = append(bad, fmt.Sprintf(format, args...))
		}
	}
	check(c.MaxUploadMB > 0, "MAX_UPLOAD_MB (-max-upload-mb) must be at least 1, got %d", c.MaxUploadMB)
	check(c.CaseRateLimit >= 0, "CASE_RATE_LIMIT (-case-rate-limit) must be 0 (no limit) or more, got %d", c.CaseRateLimit)
	check(c.LoginRateLimit >= 0, "LOGIN_RATE_LIMIT (-login-rate-limit) must be 0 (no limit) or more, got %d", c.LoginRateLimit)
	check(c.CaseTokenTTL >= 0, "CASE_TOKEN_TTL (-case-token-ttl) must be 0 (never) or positive, got %s", c.CaseTokenTTL)
	check(c.ReviewSLA > 0, "REVIEW_SLA (-review-sla) must be positive, got %s", c.ReviewSLA)
	check(c.DrainDelay >= 0, "DRAIN_DELAY (-drain-delay) must be 0 or positive, got %s", c.DrainDelay)
	check(c.RetainUnsubmitted >= 0, "RETENTION_UNSUBMITTED (-retention-unsubmitted) must be 0 (keep) or positive, got %s", c.RetainUnsubmitted)
	check(c.RetainDecided >= 0, "RETENTION_DECIDED (-retention-decided) must be 0 (keep) or positive, got %s", c.RetainDecided)
	check(c.LogFormat == "text" || c.LogFormat == "json", "LOG_FORMAT (-log-format) must be text or json, got %q", c.LogFormat)
	if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		bad = append(bad, fmt.Sprintf("PUBLIC_URL (-public-url) must be an http:// or https:// URL, got %q", c.PublicURL))
	}
	for _, o := range c.AppOrigins {
		if u, err := url.Parse(o); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad = append(bad, fmt.Sprintf("APP_ORIGINS (-app-origins): %q is not an origin such as https://kyc.example.com", o))
		}
	}
	check((c.ReviewerEmail == "") == (c.ReviewerPassword == ""), "set both KYC_REVIEWER_EMAIL and KYC_REVIEWER_PASSWORD, or neither")
	check(c.ReviewerPassword == "" || len(c.ReviewerPassword) >= 8, "KYC_REVIEWER_PASSWORD must have at least 8 characters")
	if len(bad) > 0 {
		return errors.New(strings.Join(bad, "; "))
	}
	return nil
}
