package main

import (
	"bytes"
	"context"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/internal/blobstore"
	"github.com/openkyc/kyc-manual-review/internal/blobstore/blobstoretest"
)

// Photos are stored encrypted on both stores; served, they are the photo.
func TestDocumentsEncryptedAtRest(t *testing.T) {
	for _, store := range []string{"dir", "s3"} {
		t.Run(store, func(t *testing.T) {
			ts := newTestServerWith(t, testDB{name: "sqlite"}, nil)
			if store == "s3" {
				cfg := ts.cfg
				cfg.DataDir, cfg.DocumentStore = t.TempDir(), blobstoretest.FakeS3(t)
				ts = startTestServer(t, cfg, nil)
			}
			c, app := ts.startCase(t, "Ada", "Lovelace", "")
			app.step(c.ID, "USER_NEXT_STEP", "")
			app.step(c.ID, "USER_NEXT_STEP", "ID_CARD")
			doc := app.mustUpload(c.ID, "ID_CARD", jpegFile(t))
			d, err := ts.app.client.Document.Get(context.Background(), mustUUID(t, doc.ID))
			if err != nil {
				t.Fatal(err)
			}
			stored := blobstoretest.ReadAll(t, ts.app.res.Blobs.(blobstore.Sealed).Inner, d.StorageKey)
			status, served := app.get(doc.URL)
			if status != 200 || !bytes.HasPrefix(served, []byte("\xff\xd8\xff")) {
				t.Fatalf("served: %d, % x", status, served[:min(8, len(served))])
			}
			// No JPEG start of image right after the seal's header, and no piece of the photo
			// anywhere (the ciphertext of a realistic photo holds the three bytes ff d8 ff by
			// chance once in a few dozen uploads, so the pieces looked for are 16 bytes long).
			if !bytes.HasPrefix(stored, []byte(blobstore.SealMagic)) || bytes.HasPrefix(stored[len(blobstore.SealMagic):], []byte("\xff\xd8\xff")) {
				t.Fatalf("stored bytes look like a photo: % x…", stored[:16])
			}
			for _, at := range []int{0, len(served) / 3, len(served) / 2, len(served) - 16} {
				if bytes.Contains(stored, served[at:at+16]) {
					t.Fatalf("the stored bytes hold the photo's bytes %d–%d in the clear", at, at+16)
				}
			}
			if _, _, err := image.Decode(bytes.NewReader(stored)); err == nil {
				t.Fatal("the stored bytes decode as an image")
			}
			if store == "dir" {
				files, _ := filepath.Glob(filepath.Join(ts.cfg.DataDir, "files", "documents", c.ID, "*"))
				for _, f := range files {
					b, _ := os.ReadFile(f)
					if !bytes.HasPrefix(b, []byte(blobstore.SealMagic)) {
						t.Fatalf("%s is stored plain", f)
					}
				}
			}
		})
	}
}

func TestMigrateCommand(t *testing.T) {
	dir := t.TempDir()
	env := func(k string) string {
		return map[string]string{"DATA_DIR": dir, "SECRET_KEY": "cli-test-secret-0123456789abcdef0123"}[k]
	}
	plain := filepath.Join(dir, "files", "documents", "c", "old.jpg")
	_ = os.MkdirAll(filepath.Dir(plain), 0o750)
	if err := os.WriteFile(plain, []byte("\xff\xd8\xff plain photo"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if err := run(context.Background(), []string{"migrate"}, env, &out, &errs); err != nil {
		t.Fatalf("migrate: %v (%s)", err, errs.String())
	}
	if !strings.Contains(out.String(), "1 documents encrypted") {
		t.Fatalf("migrate printed %q", out.String())
	}
	b, _ := os.ReadFile(plain)
	if !bytes.HasPrefix(b, []byte(blobstore.SealMagic)) {
		t.Fatal("the plain file was not encrypted")
	}
}

func mustUUID(t *testing.T, s string) uuid.UUID {
	t.Helper()
	id, err := uuid.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
