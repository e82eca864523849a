package graph

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
)

// docCache shares the current documents of a case between the field resolvers of one
// response (availableEvents, availableDecisions and documents each need them) and between
// the subscribers that receive the same update. It is keyed by (case, version): every change
// to a document bumps its case's version in the same transaction, so an entry never goes
// stale, on any replica. A transaction uses an entry only once it is loaded (inTx).
type docCache struct {
	entries capped[docKey, *docEntry]
}

type docKey struct {
	id      uuid.UUID
	version int
}

type docEntry struct {
	once   sync.Once
	docs   []*ent.Document
	err    error
	loaded atomic.Bool // docs are set (err is nil)
}

// docCacheSize bounds the cache.
const docCacheSize = 4096

func (c *docCache) current(ctx context.Context, q *ent.DocumentClient, kc *ent.KycCase) ([]*ent.Document, error) {
	key := docKey{kc.ID, kc.Version}
	e := c.entries.add(key, &docEntry{}, docCacheSize)
	e.once.Do(func() {
		e.docs, e.err = currentDocuments(context.WithoutCancel(ctx), q, kc.ID)
		e.loaded.Store(e.err == nil)
	})
	if e.err != nil {
		c.entries.drop(key, e)
	}
	return e.docs, e.err
}

// inTx returns c's current documents for a transaction that loaded c: the entry for c's
// version when one is loaded, else a read in the transaction. The transaction's
// version-checked update fails if the case changed meanwhile, so a hit is exact.
func (c *docCache) inTx(ctx context.Context, tx *ent.Tx, kc *ent.KycCase) ([]*ent.Document, error) {
	if e, ok := c.entries.get(docKey{kc.ID, kc.Version}); ok && e.loaded.Load() {
		return e.docs, nil
	}
	return currentDocuments(ctx, tx.Document, kc.ID)
}

// carry records docs as kc's current documents, for a change known to leave them as they were.
func (c *docCache) carry(kc *ent.KycCase, docs []*ent.Document) {
	e := &docEntry{docs: docs}
	e.once.Do(func() {})
	e.loaded.Store(true)
	c.entries.add(docKey{kc.ID, kc.Version}, e, docCacheSize)
}
