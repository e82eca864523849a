package graph

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/google/uuid"
	"golang.org/x/crypto/bcrypt"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/kyccase"
	"github.com/openkyc/kyc-manual-review/ent/reviewer"
	"github.com/openkyc/kyc-manual-review/ent/session"
)

// SessionCookie is the name of the reviewer session cookie.
const SessionCookie = "kyc_session"

// SessionTTL is how long a reviewer session lasts.
const SessionTTL = 12 * time.Hour

// Viewer is who is calling: a reviewer, an applicant (holder of one case token), or nobody.
type Viewer struct {
	Reviewer *ent.Reviewer
	CaseID   uuid.UUID // the applicant's case; uuid.Nil when not an applicant
	// SessionHash and SessionExpires identify a reviewer's session, so that the sockets
	// opened with it close when it ends (logout) or expires.
	SessionHash    string
	SessionExpires time.Time
}

type viewerKey struct{}
type responseKey struct{}

// ViewerFrom returns the caller of ctx.
func ViewerFrom(ctx context.Context) Viewer {
	v, _ := ctx.Value(viewerKey{}).(Viewer)
	return v
}

// WithViewer returns ctx carrying v.
func WithViewer(ctx context.Context, v Viewer) context.Context {
	return context.WithValue(ctx, viewerKey{}, v)
}

// NewToken returns a random 256-bit token and its SHA-256 (what is stored).
func NewToken() (token, hash string) {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken is the stored form of a high-entropy token. A fast hash is enough: the token
// has 256 random bits, so it cannot be guessed from its hash.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// HashPassword hashes a reviewer password with bcrypt.
func HashPassword(pw string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost+2)
	return string(h), err
}

// dummyHash is compared against when an email is unknown, so both paths cost the same.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("not a password"), bcrypt.DefaultCost+2)

// Authenticate resolves the caller of r from its bearer token or session cookie.
func (res *Resolver) Authenticate(ctx context.Context, r *http.Request) Viewer {
	if v, ok := res.viewerFromAuthorization(ctx, r.Header.Get("Authorization")); ok {
		return v
	}
	if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
		if s := res.sessionFor(ctx, c.Value); s != nil {
			return Viewer{Reviewer: s.Edges.Reviewer, SessionHash: s.TokenHash, SessionExpires: s.ExpiresAt}
		}
	}
	return Viewer{}
}

// viewerFromAuthorization resolves an `Authorization: Bearer <case token>` value.
func (res *Resolver) viewerFromAuthorization(ctx context.Context, header string) (Viewer, bool) {
	token, ok := strings.CutPrefix(header, "Bearer ")
	if !ok || token == "" {
		return Viewer{}, false
	}
	hash := HashToken(token)
	if id, ok := res.tokens.get(hash); ok {
		return Viewer{CaseID: id}, true
	}
	id, err := res.Client.KycCase.Query().Where(kyccase.TokenHash(hash)).OnlyID(ctx)
	if err != nil {
		return Viewer{}, false
	}
	res.tokens.add(hash, id, tokenCacheSize)
	return Viewer{CaseID: id}, true
}

// tokenCache remembers which case a token hash opens, so an applicant's requests skip that
// lookup. The mapping never changes (token_hash is unique and immutable; cases are never
// deleted), so an entry cannot go stale. Only valid tokens are cached.
type tokenCache = capped[string, uuid.UUID]

// tokenCacheSize bounds the cache.
const tokenCacheSize = 100_000

// WebsocketInit authenticates a graphql-transport-ws connection from its connection_init
// payload ({"authorization": "Bearer <case token>"}); a reviewer's cookie was already read
// from the upgrade request.
func (res *Resolver) WebsocketInit(ctx context.Context, payload map[string]any) (context.Context, error) {
	if auth, _ := payload["authorization"].(string); auth != "" {
		v, ok := res.viewerFromAuthorization(ctx, auth)
		if !ok {
			return ctx, errUnauthenticated
		}
		return res.openSocket(WithViewer(ctx, v))
	}
	return res.openSocket(ctx)
}

// sessionFor returns a live session with its reviewer, or nil.
func (res *Resolver) sessionFor(ctx context.Context, token string) *ent.Session {
	s, err := res.Client.Session.Query().
		Where(session.TokenHash(HashToken(token)), session.ExpiresAtGT(res.now())).
		WithReviewer().
		Only(ctx)
	if err != nil {
		return nil
	}
	return s
}

// WithResponseWriter lets the login and logout resolvers set the session cookie.
func WithResponseWriter(ctx context.Context, w http.ResponseWriter) context.Context {
	return context.WithValue(ctx, responseKey{}, w)
}

func (res *Resolver) setSessionCookie(ctx context.Context, value string, expires time.Time) {
	w, ok := ctx.Value(responseKey{}).(http.ResponseWriter)
	if !ok {
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name:     SessionCookie,
		Value:    value,
		Path:     "/",
		Expires:  expires,
		MaxAge:   int(time.Until(expires).Seconds()),
		HttpOnly: true,
		Secure:   strings.HasPrefix(res.PublicURL, "https://"),
		SameSite: http.SameSiteLaxMode,
	})
}

// login checks a reviewer's credentials and opens a session.
func (res *Resolver) login(ctx context.Context, email, password string) (*ent.Reviewer, error) {
	if err := res.logins.attempt(email, res.now()); err != nil {
		return nil, err
	}
	rv, err := res.Client.Reviewer.Query().Where(reviewer.EmailEqualFold(strings.TrimSpace(email))).Only(ctx)
	hash := dummyHash
	if err == nil {
		hash = []byte(rv.PasswordHash)
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(password)) != nil || rv == nil {
		return nil, errWrongCredentials
	}
	res.logins.succeeded(email)
	token, tokenHash := NewToken()
	expires := res.now().Add(SessionTTL)
	if err := res.Client.Session.Create().SetTokenHash(tokenHash).SetReviewerID(rv.ID).SetExpiresAt(expires).Exec(ctx); err != nil {
		return nil, err
	}
	// Opportunistic clean-up keeps the session table small without a background job.
	_, _ = res.Client.Session.Delete().Where(session.ExpiresAtLT(res.now())).Exec(ctx)
	res.setSessionCookie(ctx, token, expires)
	return rv, nil
}

// EnsureReviewer creates or updates the reviewer account with this email.
func EnsureReviewer(ctx context.Context, client *ent.Client, email, name, password string) error {
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	if name == "" {
		name = strings.Split(email, "@")[0]
	}
	return client.Reviewer.Create().SetEmail(email).SetName(name).SetPasswordHash(hash).
		OnConflictColumns(reviewer.FieldEmail).UpdatePasswordHash().UpdateName().Exec(ctx)
}

func requireReviewer(ctx context.Context) (*ent.Reviewer, error) {
	v := ViewerFrom(ctx)
	switch {
	case v.Reviewer != nil:
		return v.Reviewer, nil
	case v.CaseID != uuid.Nil:
		return nil, errReviewerOnly
	}
	return nil, errUnauthenticated
}

// requireApplicant checks that the caller holds the token of caseID.
func requireApplicant(ctx context.Context, caseID uuid.UUID) error {
	v := ViewerFrom(ctx)
	switch {
	case v.CaseID == caseID:
		return nil
	case v.CaseID != uuid.Nil:
		return errNotYourCase
	case v.Reviewer != nil:
		return errApplicantOnly
	}
	return errUnauthenticated
}

// canRead reports whether the caller may see caseID: any reviewer, or its applicant.
func canRead(ctx context.Context, caseID uuid.UUID) bool {
	v := ViewerFrom(ctx)
	return v.Reviewer != nil || (v.CaseID != uuid.Nil && v.CaseID == caseID)
}
