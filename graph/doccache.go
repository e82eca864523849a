package graph

import (
	"context"
	"sync"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
)

// docCache shares the current documents of a case between the field resolvers of one
// response (availableEvents, availableDecisions and documents each need them) and between
// the subscribers that receive the same update. It is keyed by (case, version): every change
// to a document bumps its case's version in the same transaction, so an entry never goes
// stale, on any replica. Reads inside a transaction bypass it.
type docCache struct {
	mu      sync.Mutex
	entries map[docKey]*docEntry
}

type docKey struct {
	id      uuid.UUID
	version int
}

type docEntry struct {
	once sync.Once
	docs []*ent.Document
	err  error
}

// docCacheSize bounds the cache; when full it starts over (entries are cheap to reload).
const docCacheSize = 4096

func (c *docCache) current(ctx context.Context, q *ent.DocumentClient, kc *ent.KycCase) ([]*ent.Document, error) {
	key := docKey{kc.ID, kc.Version}
	c.mu.Lock()
	if c.entries == nil || len(c.entries) >= docCacheSize {
		c.entries = map[docKey]*docEntry{}
	}
	e, ok := c.entries[key]
	if !ok {
		e = &docEntry{}
		c.entries[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.docs, e.err = currentDocuments(context.WithoutCancel(ctx), q, kc.ID) })
	if e.err != nil {
		c.mu.Lock()
		if c.entries[key] == e {
			delete(c.entries, key)
		}
		c.mu.Unlock()
	}
	return e.docs, e.err
}
