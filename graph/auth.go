package graph

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/coder/websocket"
	"github.com/google/uuid"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/sync/singleflight"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/kyccase"
	"github.com/openkyc/kyc-manual-review/ent/reviewer"
	"github.com/openkyc/kyc-manual-review/ent/session"
	"github.com/openkyc/kyc-manual-review/internal/realtime/gqlws"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// SessionCookie is the name of the reviewer session cookie.
const SessionCookie = "kyc_session"

// SessionTTL is how long a reviewer session lasts.
const SessionTTL = 12 * time.Hour

// Viewer is who is calling: a reviewer, an applicant (holder of one case token), or nobody.
type Viewer struct {
	Reviewer *ent.Reviewer
	CaseID   uuid.UUID // the applicant's case; uuid.Nil when not an applicant
	// Refused is why the case token the caller sent opens nothing (unknown, expired or
	// revoked): what an operation that needs a caller answers instead of the generic
	// UNAUTHENTICATED, so that a client can tell a dead link from a missing one.
	Refused *workflow.Error
	// SessionHash and SessionExpires identify a reviewer's session, so that the sockets
	// opened with it close when it ends (logout) or expires.
	SessionHash    string
	SessionExpires time.Time
	// TokenHash is the hash of an applicant's case token, so that the sockets opened with it
	// close when it is revoked.
	TokenHash string
	// APIKey is an integrator's key: it creates cases and reads any case, nothing else.
	APIKey *ent.APIKey
}

// anonymous reports whether v is neither a reviewer, nor an applicant, nor an integrator.
func (v Viewer) anonymous() bool { return v.Reviewer == nil && v.CaseID == uuid.Nil && v.APIKey == nil }

// unauthenticated is the refusal for an anonymous caller.
func (v Viewer) unauthenticated() error {
	if v.Refused != nil {
		return v.Refused
	}
	return errUnauthenticated
}

// ErrUnavailable means the caller could not be checked (the database did not answer): not a
// refusal. The HTTP layer answers 503 and the client keeps its credentials.
var ErrUnavailable = errors.New("temporarily unavailable, try again")

// The definite refusals of a case token.
var (
	errTokenUnknown = workflow.Errorf(workflow.EUnauthenticated, "this link does not open a case (it may have been replaced by a newer one)")
	errTokenExpired = workflow.Errorf(workflow.EUnauthenticated, "this link has expired: ask us for a new one, or start again")
	errTokenRevoked = workflow.Errorf(workflow.EUnauthenticated, "this link was revoked: ask us for a new one")
)

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

// Authenticate resolves the caller of r from its bearer token or session cookie. A token or
// cookie that is definitely not valid makes an anonymous caller (with Refused for a token);
// when it cannot be checked at all, the error wraps ErrUnavailable.
func (res *Resolver) Authenticate(ctx context.Context, r *http.Request) (Viewer, error) {
	v, err := res.viewerFromAuthorization(ctx, r.Header.Get("Authorization"))
	if err != nil || v.CaseID != uuid.Nil {
		return v, err
	}
	if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
		s, err := res.sessionFor(ctx, c.Value)
		if err != nil {
			return Viewer{}, err
		}
		if s != nil {
			return Viewer{Reviewer: s.Edges.Reviewer, SessionHash: s.TokenHash, SessionExpires: s.ExpiresAt}, nil
		}
	}
	return v, nil
}

// viewerFromAuthorization resolves an `Authorization: Bearer <case token>` value: the
// applicant, or an anonymous viewer (Refused says why when a token was sent), or an error
// wrapping ErrUnavailable when the token could not be checked.
func (res *Resolver) viewerFromAuthorization(ctx context.Context, header string) (Viewer, error) {
	token, ok := strings.CutPrefix(header, "Bearer ")
	if !ok || token == "" {
		return Viewer{}, nil
	}
	if strings.HasPrefix(token, APIKeyPrefix) {
		return res.viewerFromAPIKey(ctx, token)
	}
	hash := HashToken(token)
	now := res.now()
	e, ok := res.tokens.get(hash)
	if !ok || now.Sub(e.checked) > tokenCacheTTL || now.Before(e.checked) {
		c, err := res.tokens.lookup(ctx, hash, func(ctx context.Context) (*ent.KycCase, error) {
			return res.Client.KycCase.Query().Where(kyccase.TokenHash(hash)).
				Select(kyccase.FieldID, kyccase.FieldStatus, kyccase.FieldTokenRenewedAt, kyccase.FieldTokenRevokedAt, kyccase.FieldUpdatedAt).
				Only(ctx)
		})
		if ok {
			res.tokens.drop(hash, e)
		}
		switch {
		case ent.IsNotFound(err):
			return Viewer{Refused: errTokenUnknown}, nil
		case err != nil:
			return Viewer{}, fmt.Errorf("%w: check a case token: %w", ErrUnavailable, err)
		}
		e = res.tokens.add(hash, tokenEntryOf(c, now), tokenCacheSize)
	}
	switch workflow.CheckToken(e.state, res.TokenTTL, now) {
	case workflow.TokenExpired:
		return Viewer{Refused: errTokenExpired}, nil
	case workflow.TokenRevoked:
		return Viewer{Refused: errTokenRevoked}, nil
	}
	return Viewer{CaseID: e.caseID, TokenHash: hash}, nil
}

// tokenEntry is what the cache keeps of a valid token's case: enough to check expiry and
// revocation without the database.
type tokenEntry struct {
	caseID  uuid.UUID
	state   workflow.TokenState
	checked time.Time // when the row was read
}

func tokenEntryOf(c *ent.KycCase, now time.Time) tokenEntry {
	st := workflow.TokenState{Status: c.Status, RenewedAt: c.UpdatedAt, Revoked: c.TokenRevokedAt != nil}
	if c.TokenRenewedAt != nil {
		st.RenewedAt = *c.TokenRenewedAt
	}
	return tokenEntry{caseID: c.ID, state: st, checked: now}
}

// tokenCache remembers which case a token hash opens, so an applicant's requests skip that
// lookup. An entry is trusted for tokenCacheTTL: a token revoked or replaced on this replica
// is dropped at once (forgetToken), one revoked on another replica stops working here within
// that time. Expiry is checked on every use, from the entry. Concurrent misses of one token
// (an applicant's page sends several requests at once) share one read of its case.
type tokenCache struct {
	lruMap[string, tokenEntry]
	loads singleflight.Group
}

// tokenLookupTimeout bounds a shared read of a token's case, which no single request's
// cancellation may end for the others.
const tokenLookupTimeout = 30 * time.Second

// lookup runs read for hash once for every caller that misses it at the same time; each
// caller stops waiting when its own ctx ends.
func (tc *tokenCache) lookup(ctx context.Context, hash string, read func(context.Context) (*ent.KycCase, error)) (*ent.KycCase, error) {
	ch := tc.loads.DoChan(hash, func() (any, error) {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), tokenLookupTimeout)
		defer cancel()
		return read(rctx)
	})
	select {
	case r := <-ch:
		c, _ := r.Val.(*ent.KycCase)
		return c, r.Err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// tokenCacheSize bounds the cache.
const tokenCacheSize = 100_000

// tokenCacheTTL is how long a cached token is trusted without reading its case again.
const tokenCacheTTL = 15 * time.Second

// forgetToken drops a token hash from this replica's cache.
func (res *Resolver) forgetToken(hash string) {
	if e, ok := res.tokens.get(hash); ok {
		res.tokens.drop(hash, e)
	}
}

// WebsocketInit authenticates a graphql-transport-ws connection from its connection_init
// payload ({"authorization": "Bearer <case token>"}); a reviewer's cookie was already read
// from the upgrade request. A token that cannot be checked closes the connection with 1013
// Try Again Later (clients retry), never as unauthorized.
func (res *Resolver) WebsocketInit(ctx context.Context, payload map[string]any) (context.Context, error) {
	if auth, _ := payload["authorization"].(string); auth != "" {
		v, err := res.viewerFromAuthorization(ctx, auth)
		if err != nil {
			res.Log.WarnContext(ctx, "connection_init: cannot check the case token", "err", err)
			return ctx, &gqlws.InitError{Code: websocket.StatusTryAgainLater, Reason: "Try again later"}
		}
		if v.CaseID == uuid.Nil {
			return ctx, v.unauthenticated()
		}
		return res.openSocket(WithViewer(ctx, v))
	}
	return res.openSocket(ctx)
}

// sessionFor returns a live session with its reviewer, nil for an unknown or expired one,
// or an error wrapping ErrUnavailable when it cannot be checked.
func (res *Resolver) sessionFor(ctx context.Context, token string) (*ent.Session, error) {
	s, err := res.Client.Session.Query().
		Where(session.TokenHash(HashToken(token)), session.ExpiresAtGT(res.now()),
			session.HasReviewerWith(reviewer.Active(true))).
		WithReviewer().
		Only(ctx)
	switch {
	case ent.IsNotFound(err):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("%w: check a session: %w", ErrUnavailable, err)
	}
	return s, nil
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
	release, err := res.LoginLimits.reserve(clientAddr(ctx), res.now(), "sign-in attempts")
	if err != nil {
		return nil, err
	}
	if err := res.logins.attempt(email, res.now()); err != nil {
		return nil, err
	}
	rv, err := res.Client.Reviewer.Query().Where(reviewer.EmailEqualFold(strings.TrimSpace(email))).Only(ctx)
	hash := dummyHash
	if err == nil && rv.PasswordHash != "" { // "": an invitation not yet accepted
		hash = []byte(rv.PasswordHash)
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(password)) != nil || rv == nil || rv.PasswordHash == "" {
		return nil, errWrongCredentials
	}
	if !rv.Active {
		return nil, errDeactivated
	}
	res.logins.succeeded(email)
	release()
	return res.openSession(ctx, rv)
}

// openSession signs rv in: a new session row, its cookie, and the sign-in time.
func (res *Resolver) openSession(ctx context.Context, rv *ent.Reviewer) (*ent.Reviewer, error) {
	token, tokenHash := NewToken()
	now := res.now()
	expires := now.Add(SessionTTL)
	if err := res.Client.Session.Create().SetTokenHash(tokenHash).SetReviewerID(rv.ID).SetExpiresAt(expires).Exec(ctx); err != nil {
		return nil, err
	}
	rv, err := res.Client.Reviewer.UpdateOne(rv).SetLastSignInAt(now).Save(ctx)
	if err != nil {
		return nil, err
	}
	// Opportunistic clean-up keeps the session table small without a background job.
	_, _ = res.Client.Session.Delete().Where(session.ExpiresAtLT(now)).Exec(ctx)
	res.setSessionCookie(ctx, token, expires)
	return rv, nil
}

// EnsureReviewer creates or updates the reviewer account with this email, as an active admin
// (the account configured at start-up is how the first admin gets in).
func EnsureReviewer(ctx context.Context, client *ent.Client, email, name, password string) error {
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	if name == "" {
		name = strings.Split(email, "@")[0]
	}
	return client.Reviewer.Create().SetEmail(email).SetName(name).SetPasswordHash(hash).
		SetRole(workflow.RoleAdmin).SetActive(true).
		OnConflictColumns(reviewer.FieldEmail).
		UpdatePasswordHash().UpdateName().UpdateRole().UpdateActive().ClearInviteTokenHash().ClearInviteExpiresAt().
		Exec(ctx)
}

func requireReviewer(ctx context.Context) (*ent.Reviewer, error) {
	v := ViewerFrom(ctx)
	switch {
	case v.Reviewer != nil:
		return v.Reviewer, nil
	case v.CaseID != uuid.Nil, v.APIKey != nil:
		return nil, errReviewerOnly
	}
	return nil, v.unauthenticated()
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
	return v.unauthenticated()
}

// canRead reports whether the caller may see caseID: any reviewer or API key, or its applicant.
func canRead(ctx context.Context, caseID uuid.UUID) bool {
	v := ViewerFrom(ctx)
	return v.Reviewer != nil || v.APIKey != nil || (v.CaseID != uuid.Nil && v.CaseID == caseID)
}

// requireCaseReader is the caller of a query over many cases: a reviewer or an API key.
func requireCaseReader(ctx context.Context) (Viewer, error) {
	v := ViewerFrom(ctx)
	if v.APIKey != nil {
		return v, nil
	}
	_, err := requireReviewer(ctx)
	return v, err
}
