package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/graph"
	"github.com/openkyc/kyc-manual-review/internal/blobstore"
)

// plant writes a file under the data folder's "files" as if a crash had left it there,
// last modified age ago.
func plant(t *testing.T, dataDir, key string, age time.Duration) string {
	t.Helper()
	p := filepath.Join(dataDir, "files", filepath.FromSlash(key))
	if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("\xff\xd8\xff planted"), 0o600); err != nil {
		t.Fatal(err)
	}
	mt := time.Now().Add(-age)
	if err := os.Chtimes(p, mt, mt); err != nil {
		t.Fatal(err)
	}
	return p
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Files no document row references are deleted once they are old enough; referenced files,
// fresh files (an upload in flight) and files outside documents/ are kept.
func TestOrphanSweep(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		c, app := ts.startCase(t, "", "", "")
		app.step(c.ID, "USER_NEXT_STEP", "")
		app.step(c.ID, "USER_NEXT_STEP", "ID_CARD")
		doc := app.mustUpload(c.ID, "ID_CARD", jpegFile(t))
		ctx := context.Background()
		row, err := ts.app.client.Document.Get(ctx, uuid.MustParse(doc.ID))
		if err != nil {
			t.Fatal(err)
		}
		dir := ts.cfg.DataDir
		referenced := filepath.Join(dir, "files", filepath.FromSlash(row.StorageKey))
		old := time.Now().Add(-3 * time.Hour)
		if err := os.Chtimes(referenced, old, old); err != nil {
			t.Fatal(err)
		}
		orphan := plant(t, dir, graph.DocumentKey(uuid.MustParse(c.ID), uuid.New(), ".jpg"), 2*time.Hour)
		otherCase := plant(t, dir, graph.DocumentKey(uuid.New(), uuid.New(), ".png"), 2*time.Hour)
		unfinished := plant(t, dir, "documents/"+c.ID+"/.upload-123456", 2*time.Hour)
		fresh := plant(t, dir, graph.DocumentKey(uuid.MustParse(c.ID), uuid.New(), ".jpg"), time.Minute)
		elsewhere := plant(t, dir, "exports/report.csv", 2*time.Hour)

		var logs bytes.Buffer
		s := &orphanSweep{blobs: ts.app.res.Blobs, client: ts.app.client, minAge: 15 * time.Minute, now: time.Now,
			log: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
		res, err := s.Sweep(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for name, p := range map[string]string{"orphan": orphan, "orphan of another case": otherCase, "unfinished write": unfinished} {
			if exists(p) {
				t.Errorf("%s %s was kept", name, p)
			}
		}
		for name, p := range map[string]string{"referenced document": referenced, "fresh file": fresh, "file outside documents/": elsewhere} {
			if !exists(p) {
				t.Errorf("%s %s was deleted", name, p)
			}
		}
		// The start-up sweep may have run first; this pass deletes what is left.
		if res.Scanned < 2 || res.Deleted > 3 {
			t.Errorf("sweep result %+v", res)
		}
		if _, body := app.get(doc.URL); !bytes.HasPrefix(body, []byte{0xFF, 0xD8}) {
			t.Fatal("the referenced document no longer serves")
		}

		// A second pass finds nothing more to delete.
		if res, err := s.Sweep(ctx); err != nil || res.Deleted != 0 {
			t.Fatalf("second sweep: %+v, %v", res, err)
		}
	})
}

// The sweep runs at start-up, and logs what it did.
func TestOrphanSweepAtStartup(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		first := newTestServer(t, db)
		cfg := first.cfg
		cfg.DataDir = t.TempDir()
		cfg.ReviewerEmail, cfg.ReviewerPassword = "", ""
		orphan := plant(t, cfg.DataDir, graph.DocumentKey(uuid.New(), uuid.New(), ".jpg"), 2*time.Hour)
		fresh := plant(t, cfg.DataDir, graph.DocumentKey(uuid.New(), uuid.New(), ".jpg"), 0)
		startTestServer(t, cfg, nil)
		deadline := time.Now().Add(5 * time.Second)
		for exists(orphan) && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if exists(orphan) {
			t.Fatal("the start-up sweep did not delete an orphan within 5 s")
		}
		if !exists(fresh) {
			t.Fatal("the start-up sweep deleted a fresh file")
		}
	})
}

// A key the database could not be asked about is never deleted.
func TestOrphanSweepKeepsFilesWhenTheDatabaseFails(t *testing.T) {
	dir := t.TempDir()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	sqlDB, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "kyc.db"))
	if err != nil {
		t.Fatal(err)
	}
	client := ent.NewClient(ent.Driver(entsql.OpenDB(dialect.SQLite, sqlDB)))
	client.Close() // every query now fails
	orphan := plant(t, dir, graph.DocumentKey(uuid.New(), uuid.New(), ".jpg"), 2*time.Hour)
	s := &orphanSweep{blobs: blobstore.Dir{Root: filepath.Join(dir, "files")}, client: client, minAge: time.Minute, now: time.Now, log: log}
	if res, err := s.Sweep(context.Background()); err == nil || res.Deleted != 0 {
		t.Fatalf("sweep without a database: %+v, %v; want an error and nothing deleted", res, err)
	}
	if !exists(orphan) {
		t.Fatal("a sweep that could not query the database deleted a file")
	}
}
