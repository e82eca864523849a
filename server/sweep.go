package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/document"
	"github.com/openkyc/kyc-manual-review/graph"
)

// Orphan sweep defaults.
const (
	sweepEvery  = time.Hour
	sweepMinAge = 15 * time.Minute // an upload stores its file a moment before its row commits
	sweepBatch  = 500
)

// orphanSweep deletes stored document files that no documents.storage_key references: files
// written just before a crash (the upload's transaction never committed), or left when a
// failed upload could not delete its file. Files younger than minAge are left alone, so an
// upload in flight never loses its file. It only uses graph.Blobs, so any store can be swept.
type orphanSweep struct {
	blobs  graph.Blobs
	client *ent.Client
	log    *slog.Logger
	minAge time.Duration
	now    func() time.Time
}

func newOrphanSweep(blobs graph.Blobs, client *ent.Client, log *slog.Logger) *orphanSweep {
	return &orphanSweep{blobs: blobs, client: client, log: log, minAge: sweepMinAge, now: time.Now}
}

// sweepResult counts what one sweep saw.
type sweepResult struct {
	Scanned int // files under documents/
	Checked int // of those, old enough to be judged
	Deleted int // orphans removed
}

// Run sweeps once and logs what it did (the server runs it at start-up and then every hour).
func (s *orphanSweep) Run(ctx context.Context) {
	start := time.Now()
	res, err := s.Sweep(ctx)
	switch {
	case ctx.Err() != nil:
	case err != nil:
		s.log.Error("orphan sweep", "scanned", res.Scanned, "deleted", res.Deleted, "err", err)
	default:
		s.log.Info("orphan sweep", "scanned", res.Scanned, "checked", res.Checked, "deleted", res.Deleted,
			"duration", time.Since(start))
	}
}

// Sweep runs one pass. It deletes nothing it could not check against the database.
func (s *orphanSweep) Sweep(ctx context.Context) (sweepResult, error) {
	var res sweepResult
	cutoff := s.now().Add(-s.minAge)
	var batch []string
	flush := func() error {
		n, err := s.deleteOrphans(ctx, batch)
		res.Deleted += n
		batch = batch[:0]
		return err
	}
	err := s.blobs.List(ctx, "documents/", func(b graph.BlobInfo) error {
		res.Scanned++
		if !b.Modified.Before(cutoff) {
			return nil
		}
		res.Checked++
		batch = append(batch, b.Key)
		if len(batch) < sweepBatch {
			return nil
		}
		return flush()
	})
	if err == nil && len(batch) > 0 {
		err = flush()
	}
	return res, err
}

// deleteOrphans deletes the keys no document row references and returns how many it deleted.
func (s *orphanSweep) deleteOrphans(ctx context.Context, keys []string) (int, error) {
	// Keys named after their document are looked up by primary key; any other key (an
	// unfinished write, a file of an older layout) by storage_key.
	var ids []uuid.UUID
	var others []string
	for _, k := range keys {
		if id, ok := graph.ParseDocumentKey(k); ok {
			ids = append(ids, id)
		} else {
			others = append(others, k)
		}
	}
	referenced := map[string]bool{}
	var queries []*ent.DocumentQuery
	if len(ids) > 0 {
		queries = append(queries, s.client.Document.Query().Where(document.IDIn(ids...), document.PurgedAtIsNil()))
	}
	if len(others) > 0 {
		queries = append(queries, s.client.Document.Query().Where(document.StorageKeyIn(others...), document.PurgedAtIsNil()))
	}
	for _, q := range queries {
		stored, err := q.Select(document.FieldStorageKey).Strings(ctx)
		if err != nil {
			return 0, err
		}
		for _, k := range stored {
			referenced[k] = true
		}
	}
	deleted := 0
	for _, k := range keys {
		if referenced[k] {
			continue
		}
		if err := s.blobs.Delete(ctx, k); err != nil {
			return deleted, err
		}
		s.log.Debug("orphan deleted", "key", k)
		deleted++
	}
	return deleted, nil
}
