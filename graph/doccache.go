package graph

import (
	"context"
	"strconv"

	"github.com/google/uuid"
	"golang.org/x/sync/singleflight"

	"github.com/openkyc/kyc-manual-review/ent"
)

// docCache shares the current documents of a case between the field resolvers of one
// response (availableEvents, availableDecisions and documents each need them) and between
// the subscribers that receive the same update. It is keyed by (case, version): every change
// to a document bumps its case's version in the same transaction, so an entry never goes
// stale, on any replica. Concurrent misses of one key share one load (singleflight); only
// loaded documents are kept, so a transaction can use any entry (inTx).
type docCache struct {
	entries lruMap[docKey, *docEntry]
	loads   singleflight.Group
}

type docKey struct {
	id      uuid.UUID
	version int
}

func (k docKey) String() string { return k.id.String() + "@" + strconv.Itoa(k.version) }

type docEntry struct{ docs []*ent.Document }

// docCacheSize bounds the cache.
const docCacheSize = 4096

func (c *docCache) current(ctx context.Context, q *ent.DocumentClient, kc *ent.KycCase) ([]*ent.Document, error) {
	key := docKey{kc.ID, kc.Version}
	if e, ok := c.entries.get(key); ok {
		return e.docs, nil
	}
	if l := loadersFrom(ctx); l != nil {
		return l.documents.Load(ctx, key) // with the other cases of a list, in one statement
	}
	v, err, _ := c.loads.Do(key.String(), func() (any, error) {
		// Without the caller's cancellation: the load is shared with other callers.
		docs, err := currentDocuments(context.WithoutCancel(ctx), q, kc.ID)
		if err != nil {
			return nil, err // not kept: the next caller tries again
		}
		return c.entries.add(key, &docEntry{docs}, docCacheSize), nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*docEntry).docs, nil
}

// inTx returns c's current documents for a transaction that loaded c: the entry for c's
// version when there is one, else a read in the transaction. The transaction's
// version-checked update fails if the case changed meanwhile, so a hit is exact.
func (c *docCache) inTx(ctx context.Context, tx *ent.Tx, kc *ent.KycCase) ([]*ent.Document, error) {
	if e, ok := c.entries.get(docKey{kc.ID, kc.Version}); ok {
		return e.docs, nil
	}
	return currentDocuments(ctx, tx.Document, kc.ID)
}

// carry records docs as kc's current documents, for a change known to leave them as they were.
func (c *docCache) carry(kc *ent.KycCase, docs []*ent.Document) {
	c.entries.add(docKey{kc.ID, kc.Version}, &docEntry{docs}, docCacheSize)
}
