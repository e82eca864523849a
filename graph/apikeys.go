package graph

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/apikey"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// APIKeyPrefix starts every API key secret, so that keys are told apart from case tokens and
// secret scanners can find a leaked one.
const APIKeyPrefix = "kyc_sk_"

// Limits of what an integrator attaches to a case.
const (
	maxMetadataBytes = 4 << 10
	lastUsedEvery    = time.Minute // lastUsedAt is written at most this often per key
)

// errKeyRefused answers a key that is unknown or revoked.
var errKeyRefused = workflow.Errorf(workflow.EUnauthenticated, "this API key is not valid (unknown or revoked)")

// NewAPIKey returns a new secret (kyc_sk_ + 256 random bits) and its SHA-256.
func NewAPIKey() (secret, hash string) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	secret = APIKeyPrefix + base64.RawURLEncoding.EncodeToString(b)
	return secret, HashToken(secret)
}

// viewerFromAPIKey resolves an integrator's key; a bad one is a definite refusal.
func (res *Resolver) viewerFromAPIKey(ctx context.Context, secret string) (Viewer, error) {
	k, err := res.Client.APIKey.Query().Where(apikey.SecretHash(HashToken(secret)), apikey.RevokedAtIsNil()).Only(ctx)
	switch {
	case ent.IsNotFound(err):
		return Viewer{Refused: errKeyRefused}, nil
	case err != nil:
		return Viewer{}, fmt.Errorf("%w: check an API key: %w", ErrUnavailable, err)
	}
	res.touchKey(ctx, k)
	return Viewer{APIKey: k}, nil
}

// touchKey records a key's use; Resolver.keyUses remembers when each key's lastUsedAt was
// last written, so that a busy integrator costs one write a minute, not one per request.
func (res *Resolver) touchKey(ctx context.Context, k *ent.APIKey) {
	now := res.now()
	if last, ok := res.keyUses.Load(k.ID); ok && now.Sub(last.(time.Time)) < lastUsedEvery {
		return
	}
	res.keyUses.Store(k.ID, now)
	if err := res.Client.APIKey.UpdateOne(k).SetLastUsedAt(now).Exec(context.WithoutCancel(ctx)); err != nil {
		res.Log.WarnContext(ctx, "record API key use", "key", k.ID, "err", err)
	}
}

// createAPIKey stores a new key for admin me and returns it with its secret (shown once).
func (res *Resolver) createAPIKey(ctx context.Context, me *ent.Reviewer, name string) (*ent.APIKey, string, error) {
	if name = strings.TrimSpace(name); name == "" {
		return nil, "", workflow.Errorf(workflow.EBadUserInput, "give the key a name (e.g. the system that uses it)")
	}
	secret, hash := NewAPIKey()
	k, err := res.Client.APIKey.Create().SetName(name).SetPrefix(secret[:len(APIKeyPrefix)+6]).
		SetSecretHash(hash).SetCreatedBy(me.ID).SetCreatedAt(res.now()).Save(ctx)
	return k, secret, err
}

// integratorFields checks what startCase records for an integrator: only with a key, and
// metadata of at most 4 KB.
func integratorFields(v Viewer, externalID *string, metadata map[string]any) (*uuid.UUID, *string, error) {
	if v.APIKey == nil {
		if externalID != nil || metadata != nil {
			return nil, nil, workflow.Errorf(workflow.EBadUserInput, "externalId and metadata need an API key")
		}
		return nil, nil, nil
	}
	if metadata != nil {
		b, err := json.Marshal(metadata)
		if err != nil || len(b) > maxMetadataBytes {
			return nil, nil, workflow.Errorf(workflow.EBadUserInput, "metadata must be a JSON object of at most %d bytes", maxMetadataBytes)
		}
	}
	return &v.APIKey.ID, trimmed(externalID), nil
}

// revokeAPIKey revokes key id for admin me: new requests with it are refused at once (keys
// are checked on every request), and once the revocation is stored, the WebSockets and SSE
// streams opened with it close on every replica, as a logout closes a reviewer's. Revoking
// a revoked key changes nothing but closes its streams again, should a replica have missed
// the first notice.
func (res *Resolver) revokeAPIKey(ctx context.Context, me *ent.Reviewer, id uuid.UUID) (*ent.APIKey, error) {
	k, err := res.Client.APIKey.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if k.RevokedAt == nil {
		if k, err = res.Client.APIKey.UpdateOne(k).SetRevokedAt(res.now()).Save(ctx); err != nil {
			return nil, err
		}
		res.Log.InfoContext(ctx, "API key revoked", "key", k.ID, "name", k.Name, "prefix", k.Prefix, "by", me.Email)
	}
	res.keyUses.Delete(k.ID)
	res.CloseAPIKey(ctx, k.ID)
	return k, nil
}

// errExternalIDTaken refuses startCase with an externalId this API key already gave another
// case: CONFLICT naming the field, not a retryable "changed concurrently". startCase is not
// idempotent on it (a case token is shown only once, so the existing case's cannot be given
// again): an integrator that retries finds the case with cases(filter: {externalId}).
var errExternalIDTaken = &workflow.FieldError{Field: "externalId", Err: workflow.Errorf(workflow.EConflict,
	"externalId is already used by another case of this API key: find it with cases(filter: {externalId})")}
